/** The worker's kept analyses: real results, least recently used out by bytes, batch views copied out. */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/core/analyzeFile.ts';
import { blobSource } from '../../src/core/fits/index.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import { createAnalysisCache, type KeptAnalysis } from '../../src/worker/analysisCache.ts';
import { fixtureBlob, sharedAnalyzer } from './nodeEngine.ts';

let kept: KeptAnalysis[];

beforeAll(async () => {
  const o = await openSpectra(blobSource(fixtureBlob('formats/sdss_spPlate.fits'), 'plate.fits'));
  if (!o.ok) throw new Error(o.error.message);
  kept = [];
  for await (const out of analyzeFile(o.value, [await sharedAnalyzer()])) {
    if (!out.result.ok || !out.gridded) throw new Error('not analysed');
    kept.push({ gridded: out.gridded, result: out.result.value });
  }
});

describe('analysis cache', () => {
  it('gives back the same numbers, with reconstructions copied out of the batch tensor', () => {
    const c = createAnalysisCache();
    kept.forEach((k, i) => c.put(9, i, k));
    expect(c.size).toBe(3);
    const got = c.get(9, 1, 'encoder')!;
    const orig = kept[1].result;
    expect(got.result.z).toBe(orig.z);
    expect(got.result.scans.GALAXY.minima).toEqual(orig.scans.GALAXY.minima);
    expect(got.result.reconstructions.QSO.values).toEqual(orig.reconstructions.QSO.values);
    // The three spectra were one network batch: the original is a view of it, the kept one is not.
    expect(orig.reconstructions.QSO.values.buffer.byteLength).toBeGreaterThan(orig.reconstructions.QSO.values.byteLength);
    expect(got.result.reconstructions.QSO.values.buffer.byteLength).toBe(got.result.reconstructions.QSO.values.byteLength);
    expect(c.get(9, 1, 'unet')).toBeUndefined();
    expect(c.get(8, 1, 'encoder')).toBeUndefined();
  });

  it('lets the least recently used go when over its bytes', () => {
    const c = createAnalysisCache(1); // any two entries are over budget: only the newest stays
    c.put(1, 0, kept[0]);
    c.put(1, 1, kept[1]);
    expect(c.size).toBe(1);
    expect(c.get(1, 0, 'encoder')).toBeUndefined();
    expect(c.get(1, 1, 'encoder')).toBeDefined();

    const roomy = createAnalysisCache(2.5 * 300_000); // room for two (≈ 280 kB each)
    roomy.put(1, 0, kept[0]);
    roomy.put(1, 1, kept[1]);
    roomy.get(1, 0, 'encoder'); // used: now the newest
    roomy.put(1, 2, kept[2]);
    expect([0, 1, 2].map((i) => roomy.get(1, i, 'encoder') !== undefined)).toEqual([true, false, true]);
  });
});
