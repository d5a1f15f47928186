/**
 * Traces and layout of the eigenspectra plot: the chosen class's weighted
 * eigenspectra c_j·A·E_j in the rest frame, stacked with offsets under their
 * sum (the reconstruction), and the part of the rest frame the observed
 * window covers at the current z.
 */
import type { Annotation, Data, Layout, Shape } from 'plotly.js-dist-min';
import { inputWavelengthAt, N_INPUT } from '../../core/grid/modelGrid.ts';
import type { Reconstruction } from '../../core/scan/types.ts';
import type { SpectralClass } from '../../core/types.ts';
import { decimateMinMax } from './decimate.ts';
import { sumComponents, weightedEigenspectra } from './eigenComponents.ts';
import { CLASS_COLORS, withAlpha } from './palette.ts';
import { percentile } from './range.ts';

/** Points per drawn trace (the plot is static, but 11 × 12k SVG points is slow). */
const MAX_POINTS = 2400;

export interface RestGrid {
  start: number;
  step: number;
  n: number;
}

/** [n] rest-frame wavelength (Å) of each reconstruction pixel, 10^(start + step·i). */
export function restLambda(grid: RestGrid): Float64Array {
  const out = new Float64Array(grid.n);
  for (let i = 0; i < grid.n; i++) out[i] = 10 ** (grid.start + grid.step * i);
  return out;
}

/** The rest-frame wavelengths [lo, hi] (Å) the observed 4076-pixel window covers at z. */
export function observedWindowRest(z: number): [number, number] {
  const lo = inputWavelengthAt(0);
  const hi = inputWavelengthAt(N_INPUT - 1);
  return [lo / (1 + z), hi / (1 + z)];
}

/**
 * One trace for the sum on top, then one per eigenspectrum below it, each
 * moved down so the traces' robust extents do not overlap. For a UNet (no
 * coefficients) or missing eigenspectra, the reconstruction alone.
 */
export function eigenTraces(
  cls: SpectralClass,
  rec: Reconstruction,
  grid: RestGrid,
  eigen: Float32Array | undefined,
): { data: Data[]; labels: Partial<Annotation>[] } {
  const lam = restLambda(grid);
  if (rec.values.length !== grid.n) throw new RangeError(`reconstruction has ${rec.values.length} pixels, grid ${grid.n}`);
  const series: { name: string; y: ArrayLike<number>; colour: string; width: number }[] = [
    { name: `${cls} reconstruction`, y: rec.values, colour: CLASS_COLORS[cls], width: 1.5 },
  ];
  if (eigen && rec.coefficients && rec.amplitude !== undefined) {
    const comps = weightedEigenspectra(eigen, rec.coefficients, rec.amplitude);
    series[0] = { name: 'Σ cⱼ·A·Eⱼ (= reconstruction)', y: sumComponents(comps), colour: CLASS_COLORS[cls], width: 1.5 };
    comps.forEach((c, j) => series.push({ name: `c${j + 1}·A·E${j + 1}  (c${j + 1} = ${rec.coefficients![j].toFixed(3)})`, y: c, colour: j % 2 ? '#555' : '#888', width: 1 }));
  }
  // The sum on top (its full extent: its peaks matter); the components below
  // it on evenly spaced baselines, one robust span apart.
  const traces: Data[] = [];
  const labels: Partial<Annotation>[] = [];
  const [sum, ...parts] = series;
  const sumLo = percentile([sum.y], 0);
  const sumHi = percentile([sum.y], 100);
  let step = 0;
  for (const p of parts) step = Math.max(step, percentile([p.y], 99) - percentile([p.y], 1));
  step = 1.3 * (step || 0.1 * (sumHi - sumLo) || 1);
  const place = (sr: (typeof series)[number], offset: number, labelY: number) => {
    const d = decimateMinMax(lam, sr.y, MAX_POINTS);
    traces.push({
      type: 'scatter',
      mode: 'lines',
      name: sr.name,
      x: d.x,
      y: d.y.map((v) => v + offset),
      line: { color: sr.colour, width: sr.width },
      hoverinfo: 'name',
    });
    labels.push({ xref: 'paper', yref: 'y', x: 0.005, y: labelY, xanchor: 'left', yanchor: 'bottom', showarrow: false, text: sr.name, font: { size: 10, color: sr.colour } });
  };
  place(sum, 0, sumHi);
  parts.forEach((p, j) => {
    const baseline = sumLo - step * (j + 0.7);
    place(p, baseline - percentile([p.y], 50), baseline + 0.25 * step);
  });
  return { data: traces, labels };
}

export interface EigenLayoutOptions {
  cls: SpectralClass;
  z: number;
  grid: RestGrid;
  /** Shown instead of the eigenspectra (UNet results, eigenspectra not loaded). */
  note?: string;
  /** Trace labels from eigenTraces. */
  labels: Partial<Annotation>[];
  uirevision: string;
}

export function eigenLayout(o: EigenLayoutOptions): Partial<Layout> {
  const [w0, w1] = observedWindowRest(o.z);
  const band: Partial<Shape> = { type: 'rect', xref: 'x', yref: 'paper', x0: w0, x1: w1, y0: 0, y1: 1, fillcolor: withAlpha(CLASS_COLORS[o.cls], 0.12), line: { width: 0 }, layer: 'below' };
  const annotations: Partial<Annotation>[] = [
    ...o.labels,
    { xref: 'x', yref: 'paper', x: (w0 + w1) / 2, y: 1, yanchor: 'bottom', showarrow: false, text: `observed 3600–9200 Å at z = ${o.z.toFixed(4)}`, font: { size: 11 } },
  ];
  if (o.note) annotations.push({ xref: 'paper', yref: 'paper', x: 0.5, y: 0.05, showarrow: false, text: o.note, font: { size: 12 }, bgcolor: 'rgba(255,255,255,0.85)' });
  return {
    margin: { l: 30, r: 10, t: 24, b: 45 },
    uirevision: o.uirevision,
    showlegend: false,
    hovermode: 'closest',
    xaxis: { title: { text: 'rest-frame wavelength (Å)' }, range: [10 ** o.grid.start, 10 ** (o.grid.start + o.grid.step * (o.grid.n - 1))] },
    yaxis: { showticklabels: false, zeroline: false, title: { text: 'offset for clarity' } },
    shapes: [band],
    annotations,
  };
}
