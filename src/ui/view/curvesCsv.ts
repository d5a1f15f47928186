/**
 * The χ² curves of the open spectrum as a CSV file (issue 11): one line per class and shift, with
 * z in the frame of the table's z (after the file's velocity correction) and as measured (z_obs),
 * the unreduced χ² Σ w (F − R)² and the reduced χ² the plot shows (docs/METHOD-extensions.md §3).
 * In the compare view the other family's curves follow, named in the `family` column.
 */
import { csvText } from '../../core/export/csvWrite.ts';
import { correctRedshift } from '../../core/grid/velocityFrame.ts';
import { chi2Curves } from '../../core/scan/curves.ts';
import type { AnalysisResult } from '../../core/scan/types.ts';
import { CLASSES } from '../../core/types.ts';
import type { SpectrumDetail } from '../../worker/protocol.ts';

export const CURVES_HEADER = ['family', 'class', 'z', 'z_obs', 'chi2', 'chi2_reduced'] as const;

function* curveRows(r: AnalysisResult, toZ: (z: number) => number): Generator<(string | number)[]> {
  const curves = chi2Curves(r);
  for (const cls of CLASSES) {
    const c = curves[cls];
    for (let s = 0; s < c.z.length; s++) yield [r.family, cls, toZ(c.z[s]), c.z[s], c.chi2[s], c.chi2Reduced[s]];
  }
}

/** The CSV text of the detail's curves (its family's, then the compare family's). */
export function curvesCsv(detail: Pick<SpectrumDetail, 'result' | 'compare' | 'correction'>): string {
  const c = detail.correction;
  const toZ = (z: number) => (c ? correctRedshift(z, c) : z);
  function* all() {
    yield* curveRows(detail.result, toZ);
    if (detail.compare) yield* curveRows(detail.compare, toZ);
  }
  return csvText(CURVES_HEADER, all());
}

/** 'spec-0375-52140-0356-0.chi2.csv': the file name without its extension (letters, digits, . _ - kept), the spectrum index. */
export function curvesFileName(fileName: string, index: number): string {
  const stem = fileName.replace(/\.(fits?|fts)(\.gz)?$|\.(csv|txt)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'spectrum';
  return `${stem}-${index}.chi2.csv`;
}
