/**
 * The compare view's extra traces (both model families on): the other
 * family's reconstruction over the spectrum, and its three χ² curves next to
 * the shown family's. Shown family solid, other family dashed, both in the
 * class colours; every trace names its family in the legend.
 */
import type { Data } from 'plotly.js-dist-min';
import type { ClassScan } from '../../core/scan/types.ts';
import { CLASSES, type ModelFamily, type SpectralClass } from '../../core/types.ts';
import { chi2X } from './chi2Figure.ts';
import { CLASS_COLORS } from './palette.ts';
import { MODEL_LAMBDA_A, placedModel, type ModelAtZ, type SpectrumData, type SpectrumMode } from './spectrumFigure.ts';

export const FAMILY_LABEL: Readonly<Record<ModelFamily, string>> = { encoder: 'encoder', unet: 'UNet' };

/** Plotly dash of the compared (second) family's lines; the canvas overlay's equivalent in px. */
export const COMPARE_DASH = 'dash';
export const COMPARE_DASH_PX = [6, 4];

/** The other family's reconstruction of class `m.cls`, placed at `m.z`, dashed. */
export function compareModelTrace(d: SpectrumData, m: ModelAtZ, mode: SpectrumMode, family: ModelFamily): Data {
  return {
    type: 'scatter',
    mode: 'lines',
    name: `${FAMILY_LABEL[family]} ${m.cls} reconstruction`,
    x: MODEL_LAMBDA_A,
    y: placedModel(d, m, mode),
    line: { color: CLASS_COLORS[m.cls], width: 1.5, dash: COMPARE_DASH },
    hovertemplate: `λ %{x:.1f} Å<br>${FAMILY_LABEL[family]} model %{y:.3g}<extra></extra>`,
  };
}

/** Traces from chi2Traces/spectrumModelTraces with the family named: 'STAR' → 'STAR · encoder'. */
export function withFamilyNames(traces: Data[], family: ModelFamily): Data[] {
  return traces.map((t) => {
    const name = (t as { name?: string }).name;
    if (name === undefined) return t;
    if (CLASSES.includes(name as SpectralClass)) return { ...t, name: `${name} · ${FAMILY_LABEL[family]}` };
    if (/ reconstruction$|Norm·R$/.test(name)) return { ...t, name: `${FAMILY_LABEL[family]} ${name}` };
    return t;
  });
}

/**
 * The other family's three χ² curves (dashed, class colours, legend
 * 'STAR · UNet' …) and its best minimum per class (open diamonds). Like
 * chi2Traces, each trace has `meta` = class and `customdata` = z, so a
 * click picks that class and z.
 */
export function compareChi2Traces(scans: Record<SpectralClass, ClassScan>, family: ModelFamily): Data[] {
  const label = FAMILY_LABEL[family];
  const curves: Data[] = CLASSES.map((cls) => {
    const s = scans[cls];
    const x = new Float64Array(s.z.length);
    for (let i = 0; i < x.length; i++) x[i] = chi2X(cls, s.z[i]);
    return {
      type: 'scatter',
      mode: 'lines',
      name: `${cls} · ${label}`,
      legendgroup: `${cls}-${family}`,
      meta: cls,
      xaxis: cls === 'STAR' ? 'x2' : 'x',
      x,
      y: s.chi2,
      customdata: s.z,
      line: { color: CLASS_COLORS[cls], width: 1.5, dash: COMPARE_DASH },
      hovertemplate: `${label} ${cls} z %{customdata:.5f}<br>χ² %{y:.3f}<extra></extra>`,
    };
  });
  const best: Data[] = CLASSES.filter((cls) => scans[cls].minima.length > 0).map((cls) => {
    const m = scans[cls].minima[0];
    return {
      type: 'scatter',
      mode: 'markers',
      name: `${cls} · ${label} best`,
      legendgroup: `${cls}-${family}`,
      showlegend: false,
      meta: cls,
      xaxis: cls === 'STAR' ? 'x2' : 'x',
      x: [chi2X(cls, m.z)],
      y: [m.chi2],
      customdata: [m.z],
      marker: { symbol: 'diamond-open', size: 10, color: CLASS_COLORS[cls], line: { width: 2 } },
      hovertemplate: `${label} best ${cls}<br>z %{customdata:.5f}<br>χ² %{y:.3f}<extra></extra>`,
    };
  });
  return [...curves, ...best];
}

/** Both families' curves of each class end to end (for one χ² axis range over all six). */
export function joinedScans(a: Record<SpectralClass, ClassScan>, b: Record<SpectralClass, ClassScan>): Record<SpectralClass, { chi2: Float64Array }> {
  const out = {} as Record<SpectralClass, { chi2: Float64Array }>;
  for (const cls of CLASSES) {
    const chi2 = new Float64Array(a[cls].chi2.length + b[cls].chi2.length);
    chi2.set(a[cls].chi2);
    chi2.set(b[cls].chi2, a[cls].chi2.length);
    out[cls] = { chi2 };
  }
  return out;
}
