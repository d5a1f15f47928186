/** Spectral line markers as Plotly shapes and labels. */
import type { Annotation, Shape } from 'plotly.js-dist-min';
import type { LineMarker } from '../../core/lines/index.ts';
import { PLOT_COLORS } from './palette.ts';

/** Closest two labels may be (px): a 10 px label turned 90° is ~12 px wide. */
export const LABEL_MIN_PX = 14;
/** Plot width (px) the spacing assumes when the real one is not given: a narrow window's, so wider plots only gain room. */
const DEFAULT_WIDTH_PX = 700;

/**
 * The markers to label, so labels do not overprint: major lines first, then
 * the others, each kept only if no kept label (of either kind: long labels from the top and
 * the bottom meet in a short panel) lies within `minSeparationA` Å. Returned in wavelength order.
 */
export function labelledMarkers(markers: readonly LineMarker[], minSeparationA: number, allLabels: boolean): LineMarker[] {
  const ordered = [...markers].sort((a, b) => Number(b.line.major) - Number(a.line.major));
  const kept: LineMarker[] = [];
  for (const m of ordered) {
    if (!m.line.major && !allLabels) continue;
    const clash = kept.some((k) => Math.abs(k.observedA - m.observedA) < minSeparationA);
    if (!clash) kept.push(m);
  }
  return kept.sort((a, b) => a.observedA - b.observedA);
}

export interface LineMarkOptions {
  /** Paper y of the bottom and top of the panel the lines are drawn in. */
  yDomain: [number, number];
  /** Label every line, not only the major ones. */
  allLabels: boolean;
  /** Width of the x range in Å, to space labels. */
  spanA: number;
  /** Width of the plot area in px, to space labels LABEL_MIN_PX apart. @default 700 */
  widthPx?: number;
  /** x axis the markers belong to. @default 'x' */
  xref?: 'x' | 'x2';
}

/** A dashed vertical line per marker and a rotated label for the labelled ones (emission on top, absorption at the bottom). */
export function lineMarks(markers: readonly LineMarker[], o: LineMarkOptions): { shapes: Partial<Shape>[]; annotations: Partial<Annotation>[] } {
  const xref = o.xref ?? 'x';
  const [y0, y1] = o.yDomain;
  const colour = (m: LineMarker) => (m.line.kind === 'emission' ? PLOT_COLORS.emissionLine : PLOT_COLORS.absorptionLine);
  const shapes: Partial<Shape>[] = markers.map((m) => ({
    type: 'line',
    xref,
    yref: 'paper',
    x0: m.observedA,
    x1: m.observedA,
    y0,
    y1,
    layer: 'below',
    line: { color: colour(m), width: m.line.major ? 1 : 0.6, dash: m.line.kind === 'emission' ? 'dot' : 'dash' },
    opacity: m.line.major ? 0.7 : 0.4,
  }));
  const annotations: Partial<Annotation>[] = labelledMarkers(markers, (o.spanA * LABEL_MIN_PX) / (o.widthPx ?? DEFAULT_WIDTH_PX), o.allLabels).map((m) => ({
    xref,
    yref: 'paper',
    x: m.observedA,
    y: m.line.kind === 'emission' ? y1 : y0,
    yanchor: m.line.kind === 'emission' ? 'top' : 'bottom',
    xanchor: 'right',
    text: m.line.name,
    textangle: -90,
    showarrow: false,
    font: { size: 10, color: colour(m) },
  }));
  return { shapes, annotations };
}
