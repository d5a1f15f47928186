/**
 * Transient analyses (AnalyzeOptions.transient, used by the worker's batcher): the same numbers as a
 * plain call, in reused memory that the next transient call overwrites; a transient call made while
 * another is still running gets fresh memory.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toModelGrid } from '../../../src/core/grid/toModelGrid.ts';
import type { Analyzer } from '../../../src/core/scan/pipeline.ts';
import type { AnalysisResult } from '../../../src/core/scan/types.ts';
import { CLASSES, type GriddedSpectrum } from '../../../src/core/types.ts';
import { loadAnalyzer } from '../../../tools/lib/nodeModels.ts';
import { sdssSpectrum } from './realSpectra.ts';

const A = ['spec-3188-54831-0169.fits', 'spec-0783-52325-0322.fits', 'spec-0564-52224-0581.fits']; // STAR, GALAXY, QSO
const B = ['spec-2553-54631-0255.fits', 'spec-1733-53047-0351.fits', 'spec-7401-56808-0703.fits'];

async function gridded(files: string[]): Promise<GriddedSpectrum[]> {
  const out: GriddedSpectrum[] = [];
  for (const f of files) {
    const g = toModelGrid(await sdssSpectrum(f));
    if (!g.ok) throw new Error(g.error.message);
    out.push(g.value);
  }
  return out;
}

const values = (rs: Awaited<ReturnType<Analyzer['analyze']>>): AnalysisResult[] =>
  rs.map((r) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });

/** Everything a row and a kept analysis read, copied out of any reused memory. */
const snapshot = (r: AnalysisResult) => ({
  cls: r.cls,
  z: r.z,
  chi2: r.chi2,
  robustness: r.robustness,
  flags: r.flags,
  secondRedshift: r.secondRedshift,
  curves: CLASSES.map((c) => Array.from(r.scans[c].chi2)),
  F: Array.from(r.preprocessed.F),
  w: Array.from(r.preprocessed.w),
});

describe('transient analyses', () => {
  let analyzer: Analyzer;
  let a: GriddedSpectrum[];
  let b: GriddedSpectrum[];
  beforeAll(async () => {
    analyzer = await loadAnalyzer('encoder');
    a = await gridded(A);
    b = await gridded(B);
  });

  it('give the numbers of a plain call, bit for bit', async () => {
    const plain = values(await analyzer.analyze(a)).map(snapshot);
    const transient = values(await analyzer.analyze(a, { transient: true })).map(snapshot);
    expect(transient).toEqual(plain);
  });

  it('reuse their memory: the next transient call overwrites the curves; a plain result is never touched', async () => {
    const plainA = values(await analyzer.analyze(a));
    const first = values(await analyzer.analyze(a, { transient: true }));
    const kept = first.map(snapshot);
    const second = values(await analyzer.analyze(b, { transient: true }));
    // Same memory: the first batch's QSO curve now holds the second batch's.
    expect(first[2].scans.QSO.chi2.buffer).toBe(second[2].scans.QSO.chi2.buffer);
    expect(Array.from(first[1].scans.GALAXY.chi2)).not.toEqual(kept[1].curves[1]);
    expect(plainA.map(snapshot)).toEqual(kept);
  });

  it('a transient call while another runs gets fresh memory', async () => {
    const [x, y] = await Promise.all([analyzer.analyze(a, { transient: true }), analyzer.analyze(b, { transient: true })]);
    const [rx, ry] = [values(x), values(y)];
    expect(rx[2].scans.QSO.chi2.buffer).not.toBe(ry[2].scans.QSO.chi2.buffer);
    expect(rx.map(snapshot)).toEqual(values(await analyzer.analyze(a)).map(snapshot));
    expect(ry.map(snapshot)).toEqual(values(await analyzer.analyze(b)).map(snapshot));
  });
});
