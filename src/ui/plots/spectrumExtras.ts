/**
 * What the spectrum plot shows on demand, for display only: the data smoothed (smoothing.ts), the
 * data coloured by spectrograph arm (DESI b/r/z), and the file's sky and the noise σ = 1/√ivar on
 * a right-hand axis in flux units. x is vacuum Å, as the model grid and the line markers are.
 */
import type { Data } from 'plotly.js-dist-min';
import { airToVacuum } from '../../core/grid/airToVacuum.ts';
import type { Spectrum, SpectrumArm } from '../../core/types.ts';
import { PLOT_COLORS } from './palette.ts';
import { type Smoothing } from './smoothing.ts';

export interface DisplayOptions {
  smoothing?: Smoothing;
  /** Colour the data by arm when the spectrum has more than one. */
  arms?: boolean;
  sky?: boolean;
  noise?: boolean;
}

/**
 * Arm colours, bluest arm first (Paul Tol's muted indigo, wine, green, sand): dark enough to read as
 * data, and apart from the class colours the reconstructions are drawn in (palette.ts).
 */
export const ARM_COLORS: readonly string[] = ['#332288', '#882255', '#117733', '#DDCC77'];

export const SKY_COLOR = '#56B4E9';
export const NOISE_COLOR = '#999933';

/** The file's wavelengths in vacuum Å (air files converted as grid/ does), so they line up with the model grid. */
export function vacuumWavelengths(s: Pick<Spectrum, 'wavelength' | 'frame'>): Float64Array {
  return s.frame.medium === 'air' ? airToVacuum(s.wavelength) : s.wavelength;
}

/**
 * Where each arm's part of the merged spectrum begins and ends (Å): arms meet in the middle of
 * their overlap. undefined when there is not more than one arm.
 */
export function armCuts(arms: readonly SpectrumArm[] | undefined): { name: string; from: number; to: number }[] | undefined {
  if (!arms || arms.length < 2) return undefined;
  return arms.map((a, i) => ({
    name: a.name,
    from: i === 0 ? -Infinity : (arms[i - 1].maxA + a.minA) / 2,
    to: i === arms.length - 1 ? Infinity : (a.maxA + arms[i + 1].minA) / 2,
  }));
}

/**
 * One trace per arm from a data trace: the same x, y NaN outside the arm's part, the arm's colour,
 * named short for the legend ('b arm', or 'b arm (boxcar 3 px)' with a smoothing `note`).
 * `arms` are in the file's wavelengths; `toVacuum` maps them to the x axis.
 */
export function splitByArm(
  trace: { name: string; x: Float64Array; y: Float32Array; hovertemplate?: string },
  arms: readonly SpectrumArm[],
  toVacuum: (a: number) => number,
  note = '',
): Data[] {
  const cuts = armCuts(arms);
  if (!cuts) return [{ type: 'scatter', mode: 'lines', name: trace.name, x: trace.x, y: trace.y, line: { color: PLOT_COLORS.data, width: 1 }, hovertemplate: trace.hovertemplate }];
  return cuts.map((c, i) => {
    const from = toVacuum(c.from);
    const to = toVacuum(c.to);
    const y = new Float32Array(trace.y.length);
    for (let k = 0; k < y.length; k++) y[k] = trace.x[k] >= from && trace.x[k] < to ? trace.y[k] : Number.NaN;
    return { type: 'scatter', mode: 'lines', name: `${c.name} arm${note ? ` (${note})` : ''}`, x: trace.x, y, line: { color: ARM_COLORS[i % ARM_COLORS.length], width: 1 }, hovertemplate: trace.hovertemplate } as Data;
  });
}

/** σ = 1/√ivar, NaN where ivar is 0; undefined when the file gave no errors (ivar set to 1). */
export function noiseOf(s: Pick<Spectrum, 'ivar' | 'noErrors'>): Float32Array | undefined {
  if (s.noErrors) return undefined;
  return Float32Array.from(s.ivar, (v) => (v > 0 ? 1 / Math.sqrt(v) : Number.NaN));
}

/** The sky and noise traces asked for, on the right-hand axis 'y3' (flux units of the file). */
export function skyNoiseTraces(s: Pick<Spectrum, 'wavelength' | 'frame' | 'ivar' | 'noErrors' | 'sky'>, o: DisplayOptions): Data[] {
  const out: Data[] = [];
  if (!o.sky && !o.noise) return out;
  const x = vacuumWavelengths(s);
  if (o.sky && s.sky) {
    out.push({ type: 'scatter', mode: 'lines', name: 'sky (right axis)', x, y: s.sky, yaxis: 'y3', line: { color: SKY_COLOR, width: 1 }, opacity: 0.8, hovertemplate: 'λ %{x:.1f} Å<br>sky %{y:.3g}<extra></extra>' });
  }
  const noise = o.noise ? noiseOf(s) : undefined;
  if (noise) {
    out.push({ type: 'scatter', mode: 'lines', name: 'noise σ (right axis)', x, y: noise, yaxis: 'y3', line: { color: NOISE_COLOR, width: 1 }, opacity: 0.7, hovertemplate: 'λ %{x:.1f} Å<br>σ %{y:.3g}<extra></extra>' });
  }
  return out;
}
