/**
 * The whole pipeline on real SDSS spectra (test/fixtures/sdss) through the
 * format adapters, the exported encoders and the FFT scan: class and z agree
 * with SDSS's own answers, every number in a result is finite, and the
 * per-class answers and flags are consistent with the curves they come from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../src/core/analyzeFile.ts';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import type { Analyzer } from '../../../src/core/scan/pipeline.ts';
import type { AnalysisResult } from '../../../src/core/scan/types.ts';
import { CLASSES } from '../../../src/core/types.ts';
import { loadAnalyzer } from '../../../tools/lib/nodeModels.ts';
import { readTruth } from '../../../tools/lib/truth.ts';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'sdss');
// Two of each class, the same six the format fixtures are built from.
const FILES = ['spec-3188-54831-0169.fits', 'spec-2553-54631-0255.fits', 'spec-0783-52325-0322.fits', 'spec-1733-53047-0351.fits', 'spec-0564-52224-0581.fits', 'spec-7401-56808-0703.fits'];
const truth = new Map(readTruth(join(DIR, 'truth.csv')).map((t) => [t.file, t]));

async function analyse(analyzer: Analyzer, file: string): Promise<AnalysisResult> {
  const opened = await openSpectra(bytesSource(file, new Uint8Array(readFileSync(join(DIR, file)))));
  if (!opened.ok) throw new Error(opened.error.message);
  for await (const o of analyzeFile(opened.value, [analyzer])) {
    if (!o.result.ok) throw new Error(o.result.error.message);
    return o.result.value;
  }
  throw new Error('no spectrum');
}

function allFinite(r: AnalysisResult): boolean {
  const nums = [r.z, ...Object.values(r.chi2), ...Object.values(r.zByClass), r.robustness ?? 0];
  for (const c of CLASSES) {
    nums.push(...r.scans[c].chi2, ...r.scans[c].z, ...r.reconstructions[c].values);
    for (const m of r.scans[c].minima) nums.push(m.z, m.chi2, m.shift);
  }
  return nums.every(Number.isFinite);
}

describe.each(['encoder', 'unet'] as const)('pipeline (%s) on real SDSS spectra', (family) => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await loadAnalyzer(family);
  });

  it.each(FILES)('%s: class and redshift agree with SDSS', async (file) => {
    const t = truth.get(file)!;
    const r = await analyse(analyzer, file);
    expect(r.family).toBe(family);
    expect(r.cls).toBe(t.cls);
    expect(Math.abs(r.z - t.z) / (1 + t.z)).toBeLessThan(t.cls === 'QSO' ? 3e-3 : 3e-4);
    expect(allFinite(r)).toBe(true);
    // The answer is the best class's lowest minimum, and the other classes fit worse.
    expect(r.z).toBe(r.scans[r.cls].minima[0].z);
    for (const c of CLASSES) expect(r.chi2[c]).toBeGreaterThanOrEqual(r.chi2[r.cls]);
    // Minima are ≥ 100 pixels apart and sorted by χ²; R matches the two lowest.
    const m = r.scans[r.cls].minima;
    for (let i = 1; i < m.length; i++) {
      expect(m[i].chi2).toBeGreaterThanOrEqual(m[i - 1].chi2);
      for (let j = 0; j < i; j++) expect(Math.abs(m[i].shift - m[j].shift)).toBeGreaterThanOrEqual(99);
    }
    if (m.length > 1) expect(r.robustness).toBeCloseTo((m[1].chi2 - m[0].chi2) / m[0].chi2, 12);
    else expect(r.robustness).toBeUndefined();
  });

  it('flags follow the thresholds', async () => {
    const strict = await loadAnalyzer(family, { flags: { maxChi2: 0.5, minRobustness: 1e9, minGoodPixels: 5000 } });
    const r = await analyse(strict, FILES[2]);
    expect(r.flags).toEqual(expect.arrayContaining(['high-chi2', 'low-robustness', 'few-pixels']));
    const lenient = await loadAnalyzer(family, { flags: { maxChi2: 1e9, minRobustness: 0, minGoodPixels: 0, closeClassFraction: 0 } });
    expect((await analyse(lenient, FILES[2])).flags).toEqual([]);
  });
});
