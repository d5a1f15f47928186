/** A whole file through the core: a real SDSS plate (three fibres) in batches, cancelled between batches, and the outcome as the result contract. */
import { describe, expect, it } from 'vitest';
import { analyzeFile, resultOf } from '../../src/core/analyzeFile.ts';
import { blobSource } from '../../src/core/fits/index.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import { fixtureBlob, sharedAnalyzer } from '../worker/nodeEngine.ts';

async function plate() {
  const o = await openSpectra(blobSource(fixtureBlob('formats/sdss_spPlate.fits'), 'plate.fits'));
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}

describe('analyzeFile', () => {
  it('yields one outcome per spectrum in order, with the spectrum, its gridding and a time', async () => {
    const outs = [];
    let t = 0;
    for await (const o of analyzeFile(await plate(), [await sharedAnalyzer()], { batchSize: 2, clock: () => (t += 10) })) outs.push(o);
    expect(outs.map((o) => o.index)).toEqual([0, 1, 2]);
    expect(outs.map((o) => (o.result.ok ? o.result.value.cls : o.result.error.code))).toEqual(['STAR', 'GALAXY', 'QSO']);
    for (const o of outs) {
      expect(o.family).toBe('encoder');
      expect(o.gridded?.flux).toHaveLength(4076);
      expect(o.ms).toBeGreaterThan(0);
    }
    const r = resultOf('plate.fits', outs[2]);
    expect(r).toMatchObject({ fileName: 'plate.fits', index: 2, spectrumId: outs[2].spectrum!.id, family: 'encoder', cls: 'QSO', ms: outs[2].ms });
  });

  it('stops between batches when cancelled', async () => {
    const outs = [];
    for await (const o of analyzeFile(await plate(), [await sharedAnalyzer()], { batchSize: 2, cancelled: () => outs.length >= 2 })) outs.push(o);
    expect(outs.map((o) => o.index)).toEqual([0, 1]);
  });
});
