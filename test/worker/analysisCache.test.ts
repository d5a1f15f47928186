/** The worker's kept analyses: real results kept compactly, made whole again, least recently used out by bytes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/core/analyzeFile.ts';
import { blobSource } from '../../src/core/fits/index.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import type { GriddedSpectrum } from '../../src/core/types.ts';
import { CLASSES } from '../../src/core/types.ts';
import { createAnalysisCache, DEFAULT_CACHE_BYTES, expandKept, type Eigenspectra, type KeptAnalysis } from '../../src/worker/analysisCache.ts';
import { loadEigenspectra } from '../../tools/lib/nodeModels.ts';
import { fixtureBlob, sharedAnalyzer } from './nodeEngine.ts';

let kept: KeptAnalysis[];
let gridded: GriddedSpectrum[];
let eigen: Eigenspectra;

beforeAll(async () => {
  const o = await openSpectra(blobSource(fixtureBlob('formats/sdss_spPlate.fits'), 'plate.fits'));
  if (!o.ok) throw new Error(o.error.message);
  kept = [];
  gridded = [];
  for await (const out of analyzeFile(o.value, [await sharedAnalyzer()])) {
    if (!out.result.ok || !out.gridded) throw new Error('not analysed');
    kept.push({ result: out.result.value });
    gridded.push(out.gridded);
  }
  eigen = await loadEigenspectra();
});

describe('analysis cache', () => {
  it('gives back every number of the analysis, and the arrays for the plots', () => {
    const c = createAnalysisCache();
    kept.forEach((k, i) => c.put(9, i, k));
    expect(c.size).toBe(3);
    const got = c.get(9, 1, 'encoder')!;
    const orig = kept[1].result;
    // Encoder reconstructions are kept as coefficients and amplitude only.
    expect(got.result.reconstructions.QSO.values).toBeUndefined();
    const whole = expandKept(got, gridded[1], eigen);
    if (!whole.ok) throw new Error(whole.error.message);
    const r = whole.value.result;
    for (const k of ['cls', 'z', 'chi2', 'zByClass', 'robustness', 'zErr', 'rankedMinima', 'deltaChi2', 'secondRedshift', 'flags', 'nGood', 'estimator'] as const) {
      expect(r[k]).toEqual(orig[k]);
    }
    // The network input again, bit for bit, from the same gridded pixels.
    expect(r.preprocessed.F).toEqual(orig.preprocessed.F);
    expect(r.preprocessed.w).toEqual(orig.preprocessed.w);
    for (const cls of CLASSES) {
      expect(r.scans[cls].minima).toEqual(orig.scans[cls].minima);
      // The curves to float32 precision.
      const a = r.scans[cls].chi2;
      const b = orig.scans[cls].chi2;
      expect(a.length).toBe(b.length);
      for (let i = 0; i < a.length; i += 37) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(Math.abs(b[i]) * 1e-7 + 1e-30);
      // A·Σ cⱼEⱼ from the eigenspectra: the network's reconstruction to float32 rounding.
      const rec = r.reconstructions[cls].values;
      const net = orig.reconstructions[cls].values;
      expect(rec.length).toBe(net.length);
      let maxDiff = 0;
      let maxAbs = 0;
      for (let i = 0; i < net.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(rec[i] - net[i]));
        maxAbs = Math.max(maxAbs, Math.abs(net[i]));
      }
      expect(maxDiff).toBeLessThan(1e-4 * maxAbs);
    }
    expect(c.get(9, 1, 'unet')).toBeUndefined();
    expect(c.get(8, 1, 'encoder')).toBeUndefined();
  });

  it('keeps reconstructions whole when asked (no eigenspectra), copied out of the batch tensor', () => {
    const c = createAnalysisCache(DEFAULT_CACHE_BYTES, true);
    c.put(9, 2, kept[2]);
    const got = c.get(9, 2, 'encoder')!;
    const orig = kept[2].result.reconstructions.QSO.values;
    expect(got.result.reconstructions.QSO.values).toEqual(orig);
    // The three spectra were one network batch: the original is a view of it, the kept one is not.
    expect(orig.buffer.byteLength).toBeGreaterThan(orig.byteLength);
    expect(got.result.reconstructions.QSO.values!.buffer.byteLength).toBe(orig.byteLength);
    const whole = expandKept(got, gridded[2], undefined);
    expect(whole.ok && whole.value.result.reconstructions.QSO.values).toEqual(orig);
  });

  it('holds ~1700 encoder analyses in its default budget (two workers: ~3400), and lets the least recently used go', () => {
    const many = createAnalysisCache();
    for (let i = 0; i < 2500; i++) many.put(1, i, kept[i % 3]);
    expect(many.size).toBeGreaterThanOrEqual(1600);
    expect(many.get(1, 2499, 'encoder')).toBeDefined();
    expect(many.get(1, 0, 'encoder')).toBeUndefined();

    const c = createAnalysisCache(1); // any two entries are over budget: only the newest stays
    c.put(1, 0, kept[0]);
    c.put(1, 1, kept[1]);
    expect(c.size).toBe(1);
    expect(c.get(1, 0, 'encoder')).toBeUndefined();
    expect(c.get(1, 1, 'encoder')).toBeDefined();

    const roomy = createAnalysisCache(2.5 * 50_000); // room for two (≈ 49 kB each)
    roomy.put(1, 0, kept[0]);
    roomy.put(1, 1, kept[1]);
    roomy.get(1, 0, 'encoder'); // used: now the newest
    roomy.put(1, 2, kept[2]);
    expect([0, 1, 2].map((i) => roomy.get(1, i, 'encoder') !== undefined)).toEqual([true, false, true]);
  });

  it('gives back the curves of each entry it holds while its ring laps many times over', () => {
    const c = createAnalysisCache(1.2e6); // ≈ 24 entries: 100 puts lap the ring several times
    const tagged = (i: number): KeptAnalysis => {
      const k = kept[i % 3];
      const scans = { ...k.result.scans, STAR: { ...k.result.scans.STAR, chi2: k.result.scans.STAR.chi2.map((x) => x + i) } };
      return { ...k, result: { ...k.result, scans } };
    };
    for (let i = 0; i < 100; i++) {
      c.put(3, i, tagged(i));
      if (i % 7 === 0 && i > 10) c.get(3, i - 10, 'encoder'); // used entries are written again at the head
    }
    let held = 0;
    for (let i = 0; i < 100; i++) {
      const got = c.get(3, i, 'encoder');
      if (!got) continue;
      held++;
      const want = Float32Array.from(tagged(i).result.scans.STAR.chi2);
      expect(got.result.scans.STAR.chi2).toEqual(want);
    }
    expect(held).toBeGreaterThan(10);
    expect(c.size).toBeLessThan(30);
  });
});

