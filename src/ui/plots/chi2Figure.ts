/**
 * Traces and layout of the χ²-against-redshift plot.
 *
 * GALAXY (0…1.5) and QSO (0…5) share the main panel, whose x is log10(1+z):
 * the scan is uniform in that quantity (one pixel = 1e-4 everywhere), so
 * narrow minima at low z are as wide as those at high z. STAR's range
 * (−0.005…0.005, 44 shifts) would be a sliver there, so it gets a small panel
 * on the right with x = c·z in km/s. Both panels share the log-scaled χ² axis,
 * so the classes' levels can be compared directly.
 */
import type { Annotation, Data, Layout, LayoutAxis, Shape } from 'plotly.js-dist-min';
import type { ClassScan, Minimum } from '../../core/scan/types.ts';
import { CLASSES, type SpectralClass } from '../../core/types.ts';
import { CLASS_COLORS, PLOT_COLORS } from './palette.ts';

export const C_KM_S = 299792.458;
/** Paper-x domains of the GALAXY/QSO panel and the STAR panel. */
export const MAIN_DOMAIN: [number, number] = [0, 0.76];
export const STAR_DOMAIN: [number, number] = [0.82, 1];
const MAIN_TICKS_Z = [0, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5];
/** 1-2-5 ticks for the log χ² axis, labelled in full (Plotly's own log labels print bare digits). */
const CHI2_TICKS: number[] = [];
for (let e = -2; e <= 6; e++) for (const m of [1, 2, 5]) CHI2_TICKS.push(m * 10 ** e);

/** x coordinate of redshift z on the panel of class `cls`. */
export function chi2X(cls: SpectralClass, z: number): number {
  return cls === 'STAR' ? C_KM_S * z : Math.log10(1 + z);
}

/** Redshift of x on the panel of class `cls` (inverse of chi2X). */
export function zOfChi2X(cls: SpectralClass, x: number): number {
  return cls === 'STAR' ? x / C_KM_S : 10 ** x - 1;
}

const axisOf = (cls: SpectralClass) => (cls === 'STAR' ? 'x2' : 'x');

function xs(cls: SpectralClass, zs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(zs.length);
  for (let i = 0; i < zs.length; i++) out[i] = chi2X(cls, zs[i]);
  return out;
}

/**
 * Seven traces, in this order: the three curves (STAR, GALAXY, QSO), the three
 * classes' kept minima, and the pipeline's chosen minimum. Every trace has
 * `meta` = its class and `customdata` = the redshift of each point, which is
 * what a click reports.
 */
export function chi2Traces(scans: Record<SpectralClass, ClassScan>, best: SpectralClass): Data[] {
  const curves: Data[] = CLASSES.map((cls) => ({
    type: 'scatter',
    mode: 'lines',
    name: cls,
    legendgroup: cls,
    meta: cls,
    xaxis: axisOf(cls),
    x: xs(cls, scans[cls].z),
    y: scans[cls].chi2,
    customdata: scans[cls].z,
    line: { color: CLASS_COLORS[cls], width: 1.5 },
    hovertemplate: `${cls} z %{customdata:.5f}<br>χ² %{y:.3f}<extra></extra>`,
  }));
  const minima: Data[] = CLASSES.map((cls) => minimaTrace(cls, scans[cls].minima));
  const chosen = scans[best].minima[0];
  const highlight: Data = {
    type: 'scatter',
    mode: 'markers',
    name: `pipeline: ${best}`,
    meta: best,
    xaxis: axisOf(best),
    x: chosen ? [chi2X(best, chosen.z)] : [],
    y: chosen ? [chosen.chi2] : [],
    customdata: chosen ? [chosen.z] : [],
    marker: { symbol: 'circle-open', size: 16, color: PLOT_COLORS.currentZ, line: { width: 2.5 } },
    hovertemplate: `pipeline's choice: ${best}<br>z %{customdata:.5f}<br>χ² %{y:.3f}<extra></extra>`,
  };
  return [...curves, ...minima, highlight];
}

function minimaTrace(cls: SpectralClass, minima: readonly Minimum[]): Data {
  return {
    type: 'scatter',
    mode: 'markers',
    name: `${cls} minima`,
    legendgroup: cls,
    showlegend: false,
    meta: cls,
    xaxis: axisOf(cls),
    x: minima.map((m) => chi2X(cls, m.z)),
    y: minima.map((m) => m.chi2),
    customdata: minima.map((m) => m.z),
    text: minima.map((_, i) => `#${i + 1}`),
    marker: { symbol: 'diamond', size: 8, color: CLASS_COLORS[cls], line: { color: '#fff', width: 1 } },
    hovertemplate: `${cls} minimum %{text}<br>z %{customdata:.5f}<br>χ² %{y:.3f}<extra></extra>`,
  };
}

/** 'R = 0.532' or 'R: unique (one minimum)'. */
export function robustnessText(r: number | undefined): string {
  return r === undefined ? 'R: unique (one minimum)' : `R = ${r.toFixed(3)}`;
}

/**
 * The χ² axis: logarithmic with 1-2-5 ticks when the curves span more than a
 * factor 8 (deep minima next to high plateaus), linear otherwise (a log axis
 * over a narrow span would show no labelled tick).
 */
export function chi2YAxis(scans: Record<SpectralClass, Pick<ClassScan, 'chi2'>>): Partial<LayoutAxis> {
  let lo = Infinity;
  let hi = 0;
  for (const cls of CLASSES) {
    const c = scans[cls].chi2;
    for (let i = 0; i < c.length; i++) {
      const v = c[i];
      if (!(v > 0) || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (hi / lo > 8) {
    return { type: 'log', title: { text: 'reduced χ² (log)' }, tickvals: CHI2_TICKS, ticktext: CHI2_TICKS.map((t) => String(Number(t.toPrecision(1)))) };
  }
  return { type: 'linear', title: { text: 'reduced χ²' } };
}

export interface Chi2LayoutOptions {
  /** Displayed class and redshift (the vertical line). */
  cls: SpectralClass;
  z: number;
  robustness: number | undefined;
  /** From chi2YAxis (computed once per spectrum). */
  yaxis: Partial<LayoutAxis>;
  /** Draw the current-z line (off while a canvas draws it live). @default true */
  zLine?: boolean;
  uirevision: string;
  /** Compare view: the families' names and the other family's R of the same class. */
  compare?: { shown: string; other: string; robustness: number | undefined };
}

export function chi2Layout(o: Chi2LayoutOptions): Partial<Layout> {
  const xref = axisOf(o.cls);
  const current: Partial<Shape> = {
    type: 'line',
    xref,
    yref: 'paper',
    x0: chi2X(o.cls, o.z),
    x1: chi2X(o.cls, o.z),
    y0: 0,
    y1: 1,
    line: { color: PLOT_COLORS.currentZ, width: 1.5, dash: 'dash' },
  };
  const text = o.compare
    ? `${o.cls} · ${o.compare.shown} (solid): ${robustnessText(o.robustness)} · ${o.compare.other} (dashed): ${robustnessText(o.compare.robustness)}`
    : `${o.cls}: ${robustnessText(o.robustness)}`;
  const annotations: Partial<Annotation>[] = [
    { xref: 'paper', yref: 'paper', x: MAIN_DOMAIN[0] + 0.01, y: 1, xanchor: 'left', yanchor: 'top', showarrow: false, text, font: { size: 12 }, bgcolor: 'rgba(255,255,255,0.8)' },
  ];
  return {
    margin: { l: 60, r: 10, t: 10, b: 45 },
    hovermode: 'closest',
    uirevision: o.uirevision,
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: 1.0, yanchor: 'bottom' },
    xaxis: {
      domain: MAIN_DOMAIN,
      title: { text: 'z (GALAXY, QSO; spaced as log(1+z))' },
      tickvals: MAIN_TICKS_Z.map((z) => Math.log10(1 + z)),
      ticktext: MAIN_TICKS_Z.map(String),
      range: [Math.log10(1 - 0.02), Math.log10(1 + 5) + 0.02],
    },
    xaxis2: { domain: STAR_DOMAIN, anchor: 'y', title: { text: 'STAR: cz (km/s)' }, range: [-0.0055 * C_KM_S, 0.0055 * C_KM_S], zeroline: false },
    yaxis: o.yaxis,
    shapes: o.zLine === false ? [] : [current],
    annotations,
  };
}
