/** One detail request: the kept analysis when there is one, computed (and kept) otherwise, the other family as compare. */
import { describe, expect, it } from 'vitest';
import { blobSource } from '../../src/core/fits/index.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import { fail } from '../../src/core/types.ts';
import { createAnalysisCache, DEFAULT_CACHE_BYTES } from '../../src/worker/analysisCache.ts';
import { keptOpenFiles } from '../../src/worker/openFiles.ts';
import { spectrumDetail } from '../../src/worker/spectrumDetail.ts';
import { copyForTransfer } from '../../src/worker/transfer.ts';
import { fixtureBlob, nodeAnalyzerFor } from './nodeEngine.ts';

const plate = fixtureBlob('formats/sdss_spPlate.fits');

describe('spectrumDetail', () => {
  it('computes a missing analysis once, keeps it, and serves the kept one after', async () => {
    const deps = { open: keptOpenFiles((f, n) => openSpectra(blobSource(f, n))), analyzerFor: nodeAnalyzerFor, cache: createAnalysisCache(DEFAULT_CACHE_BYTES, true) };
    const req = { fileId: 2, file: plate, fileName: 'plate.fits', index: 2 };
    const first = await spectrumDetail(deps, req);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.result.cls).toBe('QSO');
    const kept = deps.cache.get(2, 2, 'encoder');
    expect(kept?.result.z).toBe(first.value.result.z);
    const again = await spectrumDetail(deps, req);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.result.z).toBe(first.value.result.z);
    expect(again.value.result.chi2).toEqual(first.value.result.chi2);
    expect(again.value.result.rankedMinima).toEqual(first.value.result.rankedMinima);
    expect(again.value.result.preprocessed.F).toEqual(first.value.result.preprocessed.F);
    const out = await spectrumDetail(deps, { ...req, index: 3 });
    expect(!out.ok && out.error.code).toBe('out-of-range');
  });

  it("says why the other family's analysis is missing", async () => {
    const deps = {
      open: keptOpenFiles((f, n) => openSpectra(blobSource(f, n))),
      analyzerFor: async (family: 'encoder' | 'unet') => (family === 'unet' ? fail({ code: 'model-load' as const, message: 'HTTP 503' }) : nodeAnalyzerFor(family)),
      cache: createAnalysisCache(DEFAULT_CACHE_BYTES, true),
    };
    const d = await spectrumDetail(deps, { fileId: 2, file: plate, fileName: 'plate.fits', index: 0, families: ['encoder', 'unet'] });
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.compare).toBeUndefined();
    expect(d.value.compareError).toBe('unet: model-load: HTTP 503');
  });

  it('carries the display-only sky and arms of the spectrum through to the detail, and they survive the post', async () => {
    const deps = { open: keptOpenFiles((f, n) => openSpectra(blobSource(f, n))), analyzerFor: nodeAnalyzerFor, cache: createAnalysisCache() };
    const mgc = await spectrumDetail(deps, { fileId: 3, file: fixtureBlob('external/2df/MGC23320.fit'), fileName: 'MGC23320.fit', index: 0 });
    if (!mgc.ok) throw new Error(mgc.error.message);
    expect(mgc.value.spectrum.sky?.length).toBe(mgc.value.spectrum.flux.length);
    const desi = await spectrumDetail(deps, { fileId: 4, file: fixtureBlob('external/desi/coadd-4-80613-thru20210324.fits'), fileName: 'coadd.fits', index: 0 });
    if (!desi.ok) throw new Error(desi.error.message);
    const posted = structuredClone(copyForTransfer(desi.value).value);
    expect(posted.spectrum.arms?.map((a) => a.name)).toEqual(['b', 'r', 'z']);
    expect(posted.spectrum.meta.magnitudes).toEqual(desi.value.spectrum.meta.magnitudes);
    expect(posted.spectrum.sky).toBeUndefined();
  });
});
