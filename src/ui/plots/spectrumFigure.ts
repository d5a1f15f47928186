/**
 * Traces and layout of the spectrum plot: the input as the model saw it (or
 * in flux units), the chosen class's reconstruction shifted to z, residuals
 * below, masked pixels shaded, line markers at λ_rest·(1+z), and a flagged
 * second redshift's lines at λ_rest·(1+z₂) in their own colour.
 *
 * Split into a part that depends only on the spectrum (built once) and a
 * part that depends on z (rebuilt while the slider moves), so Plotly.react
 * sees the same array references for everything that did not change.
 */
import type { Annotation, Data, Layout, Shape } from 'plotly.js-dist-min';
import { inputWavelengthAt, inputWavelengths, N_INPUT } from '../../core/grid/modelGrid.ts';
import { linesInRange } from '../../core/lines/index.ts';
import type { OutputGridSpec } from '../../core/scan/redshift.ts';
import { shiftOfZ } from '../../core/scan/redshift.ts';
import type { Preprocessed, Reconstruction, SecondRedshift } from '../../core/scan/types.ts';
import type { GriddedSpectrum, SpectralClass, Spectrum } from '../../core/types.ts';
import { airToVacuumA } from '../../core/grid/airToVacuum.ts';
import { lineMarks } from './lineMarks.ts';
import { maskedRuns } from './maskRuns.ts';
import { CLASS_COLORS, PLOT_COLORS } from './palette.ts';
import { plainText } from './plainText.ts';
import { robustRange } from './range.ts';
import { reconstructionAt } from './reconstructionAt.ts';
import { isSmoothing, NO_SMOOTHING, smooth, smoothingLabel } from './smoothing.ts';
import { skyNoiseTraces, splitByArm, vacuumWavelengths, type DisplayOptions } from './spectrumExtras.ts';

export type SpectrumMode = 'model' | 'flux';

/** [4076] observed wavelength (Å) of each model-grid pixel, 10^(3.5563 + 1e-4·k). */
export const MODEL_LAMBDA_A: Float64Array = inputWavelengths();

/** Paper-y domains of the main panel and the residual panel. */
export const SPECTRUM_DOMAIN: [number, number] = [0.3, 1];
export const RESIDUAL_DOMAIN: [number, number] = [0, 0.24];

export interface SpectrumData {
  spectrum: Pick<Spectrum, 'wavelength' | 'flux' | 'ivar' | 'model' | 'frame' | 'sky' | 'arms' | 'noErrors'>;
  gridded: GriddedSpectrum;
  preprocessed: Preprocessed;
}

export interface ModelAtZ {
  cls: SpectralClass;
  z: number;
  reconstruction: Reconstruction;
  grid: OutputGridSpec;
}

/** The reconstruction on the observed grid at z, in F units or in flux units (continuum + Norm·R). */
export function placedModel(d: SpectrumData, m: ModelAtZ, mode: SpectrumMode): Float32Array {
  const placed = reconstructionAt(m.reconstruction.values, shiftOfZ(m.grid, m.z));
  if (mode === 'model') return placed;
  const { continuum, norm } = d.preprocessed;
  const out = new Float32Array(N_INPUT);
  for (let k = 0; k < N_INPUT; k++) out[k] = continuum[k] + norm * placed[k];
  return out;
}

/** data − model where the pixel counts (w > 0), NaN elsewhere. */
function residual(d: SpectrumData, model: Float32Array, mode: SpectrumMode): Float32Array {
  const { F, w } = d.preprocessed;
  const obs = mode === 'model' ? F : d.gridded.flux;
  const out = new Float32Array(N_INPUT);
  for (let k = 0; k < N_INPUT; k++) out[k] = w[k] > 0 ? obs[k] - model[k] : Number.NaN;
  return out;
}

/**
 * Traces that do not depend on z: the data (and in flux mode its ±1σ band, the continuum and the
 * survey's model), plus what `display` asks for — the data smoothed and/or coloured by arm, the
 * sky and the noise on the right-hand axis. Flux-mode x is vacuum Å like the model grid's.
 */
export function spectrumStaticTraces(d: SpectrumData, mode: SpectrumMode, display: DisplayOptions = {}): Data[] {
  const smoothing = display.smoothing ?? NO_SMOOTHING;
  const label = isSmoothing(smoothing) ? smoothingLabel(smoothing) : '';
  const note = label ? `, ${label}` : '';
  const arms = display.arms && d.spectrum.arms && d.spectrum.arms.length > 1 ? d.spectrum.arms : undefined;
  const toVacuum = d.spectrum.frame.medium === 'air' ? airToVacuumA : (a: number) => a;
  const extras = skyNoiseTraces(d.spectrum, display);
  if (mode === 'model') {
    const { F, w } = d.preprocessed;
    const noData = d.gridded.noData;
    const shown = isSmoothing(smoothing) ? smooth(F, w, smoothing) : F;
    const y = noData ? shown.map((v, k) => (noData[k] ? Number.NaN : v)) : shown;
    const trace = { name: `input F (normalised${note})`, x: MODEL_LAMBDA_A, y, hovertemplate: 'λ %{x:.1f} Å<br>F %{y:.3f}<extra></extra>' };
    if (arms) return [...splitByArm(trace, arms, toVacuum, label), ...extras];
    return [{ type: 'scatter', mode: 'lines', ...trace, line: { color: PLOT_COLORS.data, width: 1 } }, ...extras];
  }
  const { flux, ivar, model } = d.spectrum;
  const wavelength = vacuumWavelengths(d.spectrum);
  const shown = isSmoothing(smoothing) ? smooth(flux, ivar, smoothing) : flux;
  const lo = new Float32Array(flux.length);
  const hi = new Float32Array(flux.length);
  for (let k = 0; k < flux.length; k++) {
    // each pixel's own σ, around the line as drawn
    const s = ivar[k] > 0 ? 1 / Math.sqrt(ivar[k]) : Number.NaN;
    lo[k] = shown[k] - s;
    hi[k] = shown[k] + s;
  }
  const data = { name: `flux${note}`, x: wavelength, y: shown, hovertemplate: 'λ %{x:.1f} Å<br>flux %{y:.3g}<extra></extra>' };
  const traces: Data[] = [
    { type: 'scatter', mode: 'lines', name: '−1σ', x: wavelength, y: lo, line: { width: 0 }, hoverinfo: 'skip', showlegend: false },
    { type: 'scatter', mode: 'lines', name: '±1σ', x: wavelength, y: hi, line: { width: 0 }, fill: 'tonexty', fillcolor: PLOT_COLORS.errorBand, hoverinfo: 'skip' },
    ...(arms ? splitByArm(data, arms, toVacuum, label) : [{ type: 'scatter', mode: 'lines', ...data, line: { color: PLOT_COLORS.data, width: 1 } } as Data]),
    { type: 'scatter', mode: 'lines', name: 'continuum (degree 5)', x: MODEL_LAMBDA_A, y: d.preprocessed.continuum, line: { color: PLOT_COLORS.continuum, width: 1, dash: 'dot' }, hoverinfo: 'skip' },
  ];
  if (model) traces.push({ type: 'scatter', mode: 'lines', name: 'survey pipeline model', x: wavelength, y: model, line: { color: PLOT_COLORS.pipelineModel, width: 1 }, hoverinfo: 'skip' });
  return [...traces, ...extras];
}

/** Traces that move with z: the reconstruction and the residuals. */
export function spectrumModelTraces(d: SpectrumData, m: ModelAtZ, mode: SpectrumMode): Data[] {
  const model = placedModel(d, m, mode);
  const colour = CLASS_COLORS[m.cls];
  return [
    { type: 'scatter', mode: 'lines', name: mode === 'model' ? `${m.cls} reconstruction` : `${m.cls}: continuum + Norm·R`, x: MODEL_LAMBDA_A, y: model, line: { color: colour, width: 1.5 }, hovertemplate: 'λ %{x:.1f} Å<br>model %{y:.3g}<extra></extra>' },
    { type: 'scatter', mode: 'lines', name: 'residual', x: MODEL_LAMBDA_A, y: residual(d, model, mode), yaxis: 'y2', line: { color: PLOT_COLORS.residual, width: 0.8 }, showlegend: false, hovertemplate: 'λ %{x:.1f} Å<br>residual %{y:.3g}<extra></extra>' },
  ];
}

/** y ranges of both panels, from the data and the model at the pipeline's z, so they stay put while z moves. */
export function spectrumRanges(d: SpectrumData, m: ModelAtZ, mode: SpectrumMode): { main: [number, number]; residual: [number, number] } {
  const model = placedModel(d, m, mode);
  const { w } = d.preprocessed;
  const good = (k: number) => w[k] > 0;
  const obs = mode === 'model' ? d.preprocessed.F : d.gridded.flux;
  // The data's robust range, widened to the model's full extent: the model has
  // no cosmic rays, and its emission peaks are what the eye must see.
  const main = robustRange([obs], good);
  let lo = main[0];
  let hi = main[1];
  for (let k = 0; k < N_INPUT; k++) {
    const v = model[k];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const pad = 0.05 * (hi - lo);
  return {
    main: [Math.min(main[0], lo - pad), Math.max(main[1], hi + pad)],
    residual: robustRange([residual(d, model, mode)], undefined, { low: 1, high: 99, pad: 0.2 }),
  };
}

export interface SpectrumLayoutOptions {
  mode: SpectrumMode;
  /** The class shown: its lines are marked (core/lines lineSuitsClass). */
  cls: SpectralClass;
  z: number;
  ranges: { main: [number, number]; residual: [number, number] };
  showLines: boolean;
  /** Draw and label every line of the lists, not only the major ones. */
  allLines: boolean;
  /** Label the lines (off while z moves: labels are costly to redraw). @default true */
  labels?: boolean;
  /** Shapes of the masked pixels (from maskShapes), reused across renders. */
  maskShapes: Partial<Shape>[];
  /** A second redshift to mark: its lines (those it was found on) at z₂, labelled, in PLOT_COLORS.secondZLine. */
  secondZ?: SecondRedshift;
  /** Flux unit from the file header (untrusted: shown as plain text). */
  fluxUnit?: string;
  /** Changes when the spectrum changes, so zoom is kept while z moves but reset for a new spectrum. */
  uirevision: string;
  /** Sky and/or noise are drawn: add their right-hand axis (flux units). */
  rightAxis?: boolean;
}

/** Shaded rectangles over runs of masked pixels (w = 0), spanning both panels. */
export function maskShapes(w: Float32Array): Partial<Shape>[] {
  return maskedRuns(w.length, (k) => w[k] > 0).map((r) => ({
    type: 'rect',
    xref: 'x',
    yref: 'paper',
    x0: inputWavelengthAt(r.start - 0.5),
    x1: inputWavelengthAt(r.end + 0.5),
    y0: 0,
    y1: 1,
    fillcolor: PLOT_COLORS.masked,
    line: { width: 0 },
    layer: 'below',
  }));
}

export function spectrumLayout(o: SpectrumLayoutOptions): Partial<Layout> {
  const xMin = MODEL_LAMBDA_A[0];
  const xMax = MODEL_LAMBDA_A[N_INPUT - 1];
  let shapes: Partial<Shape>[] = [...o.maskShapes, { type: 'line', xref: 'paper', yref: 'y2', x0: 0, x1: 1, y0: 0, y1: 0, line: { color: '#aaa', width: 1 } }];
  let annotations: Partial<Annotation>[] = [];
  if (o.showLines) {
    const markers = linesInRange(o.z, xMin, xMax, { majorOnly: !o.allLines, cls: o.cls });
    const marks = lineMarks(markers, { yDomain: SPECTRUM_DOMAIN, allLabels: o.allLines, spanA: xMax - xMin });
    shapes = shapes.concat(marks.shapes);
    if (o.labels !== false) annotations = marks.annotations;
  }
  if (o.secondZ) {
    const marks = secondZMarks(o.secondZ, xMin, xMax, o.labels !== false);
    shapes = shapes.concat(marks.shapes);
    annotations = annotations.concat(marks.annotations);
  }
  const fluxTitle = o.fluxUnit ? `flux (${plainText(o.fluxUnit)})` : 'flux';
  return {
    margin: { l: 60, r: o.rightAxis ? 60 : 10, t: 10, b: 45 },
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: 1.0, yanchor: 'bottom', font: { size: 11 } },
    hovermode: 'closest',
    uirevision: o.uirevision,
    xaxis: { title: { text: 'observed wavelength (Å, vacuum)' }, range: [xMin, xMax], anchor: 'y2' },
    yaxis: { domain: SPECTRUM_DOMAIN, range: o.ranges.main, title: { text: o.mode === 'model' ? 'F (normalised)' : fluxTitle }, zeroline: false },
    yaxis2: { domain: RESIDUAL_DOMAIN, range: o.ranges.residual, title: { text: 'residual' }, zeroline: false },
    ...(o.rightAxis && {
      yaxis3: { overlaying: 'y', side: 'right', rangemode: 'tozero', showgrid: false, zeroline: false, title: { text: `sky, σ: ${fluxTitle}`, font: { size: 11 } } },
    }),
    shapes,
    annotations,
  };
}

/**
 * The lines a second redshift rests on, at λ_rest·(1+z₂) within [xMin, xMax]: a solid line over the
 * spectrum panel each, labelled 'z₂ <name>' at the panel's bottom (the first redshift's labels are at the top).
 */
export function secondZMarks(s: SecondRedshift, xMin: number, xMax: number, labels = true): { shapes: Partial<Shape>[]; annotations: Partial<Annotation>[] } {
  const [y0, y1] = SPECTRUM_DOMAIN;
  const shown = s.lines.map((l) => ({ name: l.name, x: l.restA * (1 + s.z2) })).filter((l) => l.x >= xMin && l.x <= xMax);
  const colour = PLOT_COLORS.secondZLine;
  return {
    shapes: shown.map((l) => ({ type: 'line', xref: 'x', yref: 'paper', x0: l.x, x1: l.x, y0, y1, layer: 'below', line: { color: colour, width: 1.5 }, opacity: 0.8 })),
    annotations: labels
      ? shown.map((l) => ({ xref: 'x', yref: 'paper', x: l.x, y: y0, yanchor: 'bottom', xanchor: 'left', text: `z₂ ${plainText(l.name)}`, textangle: -90, showarrow: false, font: { size: 10, color: colour } }))
      : [],
  };
}
