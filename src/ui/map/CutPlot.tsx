/**
 * The survey's cut for this batch (the paper's Fig. 12): accuracy, GF and completeness of the spectra
 * kept with R ≥ R_T, against the files' own pipeline answers ("file says": SDSS, DESI, LAMOST, 2dF, 6dF…).
 */
import { useMemo } from 'react';
import type { Data, Layout } from 'plotly.js-dist-min';
import { rThresholdCurve, type CutInput } from '../../core/evaluate/rThreshold.ts';
import { CLASSES, type SpectralClass } from '../../core/types.ts';
import type { ResultRow } from '../../state/types.ts';
import { Plot } from '../plots/Plot.tsx';

/** Fewer spectra with a file answer than this: no plot (a cut of a handful says nothing). */
const MIN_WITH_TRUTH = 10;

/** Rows whose file gave its pipeline's class and z, with our answer. */
export function cutInputs(rows: readonly ResultRow[]): CutInput[] {
  const out: CutInput[] = [];
  for (const r of rows) {
    const t = r.row.meta.truth;
    if (!t || !CLASSES.includes(t.class as SpectralClass) || t.z === undefined || !Number.isFinite(t.z) || r.fileLevel) continue;
    out.push({ trueClass: t.class as SpectralClass, trueZ: t.z, cls: r.row.error === undefined ? r.row.cls : undefined, z: r.row.z, robustness: r.row.robustness });
  }
  return out;
}

const LAYOUT: Partial<Layout> = {
  margin: { l: 46, r: 10, t: 26, b: 40 },
  title: { text: 'The R cut (paper Fig. 12)', font: { size: 13 } },
  xaxis: { title: { text: 'R threshold R_T (keep R ≥ R_T)' }, type: 'linear' },
  yaxis: { title: { text: 'fraction' }, range: [0, 1.02] },
  legend: { orientation: 'h', y: -0.28, font: { size: 11 } },
  shapes: [{ type: 'line', x0: 0.1, x1: 0.1, y0: 0, y1: 1, yref: 'paper', line: { dash: 'dot', color: '#999', width: 1 } }],
};

export function CutPlot({ rows, height }: { rows: readonly ResultRow[]; height: number }) {
  const inputs = useMemo(() => cutInputs(rows), [rows]);
  const data = useMemo<Data[]>(() => {
    const c = rThresholdCurve(inputs);
    const x = c.map((p) => p.rThreshold);
    const line = (name: string, y: number[], color: string): Data => ({ type: 'scatter', mode: 'lines+markers', name, x, y, line: { color, width: 2 }, marker: { size: 5 }, hovertemplate: `${name} %{y:.3f} at R_T %{x}<extra></extra>` });
    return [
      line('completeness', c.map((p) => p.completeness), '#0072B2'),
      line('accuracy', c.map((p) => p.accuracy), '#009E73'),
      line('GF', c.map((p) => p.gf), '#D55E00'),
    ];
  }, [inputs]);
  if (inputs.length < MIN_WITH_TRUTH) {
    return (
      <p className="muted" data-testid="cut-plot-empty">
        The R-cut plot needs at least {MIN_WITH_TRUTH} spectra whose files carry their survey's own class and redshift ({inputs.length} so far).
      </p>
    );
  }
  return <Plot testId="cut-plot" data={data} layout={LAYOUT} height={height} label={`Accuracy, GF and completeness against the R threshold for ${inputs.length} spectra with the file's own answer`} />;
}
