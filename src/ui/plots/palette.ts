/**
 * Colours used by every plot and badge, so a class looks the same
 * everywhere (Okabe–Ito colour-blind-safe set).
 */
import type { SpectralClass } from '../../core/types.ts';

export const CLASS_COLORS: Readonly<Record<SpectralClass, string>> = {
  STAR: '#E69F00',
  GALAXY: '#0072B2',
  QSO: '#CC79A7',
};

export const PLOT_COLORS = {
  /** The observed spectrum. */
  data: '#333333',
  /** ±1σ error band around the flux. */
  errorBand: 'rgba(120, 120, 120, 0.25)',
  /** Residuals (data − model). */
  residual: '#555555',
  /** Shading of masked pixels (w = 0). */
  masked: 'rgba(200, 60, 60, 0.10)',
  /** The survey pipeline's own model. */
  pipelineModel: '#009E73',
  /** The fitted polynomial continuum. */
  continuum: '#999999',
  emissionLine: '#009E73',
  absorptionLine: '#8C564B',
  /** Lines of a second redshift z₂ found in the residual. */
  secondZLine: '#D55E00',
  /** Vertical marker of the current redshift. */
  currentZ: '#D55E00',
} as const;

/** `rgba()` of a `#RRGGBB` colour with the given opacity. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new TypeError(`not a #RRGGBB colour: ${hex}`);
  return `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${alpha})`;
}
