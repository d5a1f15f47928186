/** preprocess on real SDSS spectra: F and w as METHOD.md §2 defines them, and its refusals. */
import { describe, expect, it } from 'vitest';
import { countGoodPixels, isGoodPixel } from '../../../src/core/grid/goodPixels.ts';
import { N_INPUT } from '../../../src/core/grid/modelGrid.ts';
import { preprocess } from '../../../src/core/preprocess/preprocess.ts';
import { analyseFixture } from '../../ui/view/realAnalysis.ts';

describe('preprocess', () => {
  it('F = (flux − continuum)/Norm with Norm the RMS over all 4076 pixels; w = ivar·Norm² on good pixels', async () => {
    const { gridded: g } = (await analyseFixture('spec-1883-53271-0276.fits')).detail;
    const r = preprocess(g);
    if (!r.ok) throw new Error(r.error.message);
    const { F, w, continuum, norm, nGood } = r.value;
    expect(F).toHaveLength(N_INPUT);
    let sumSq = 0;
    for (let k = 0; k < N_INPUT; k++) sumSq += (F[k] * norm) ** 2;
    expect(Math.sqrt(sumSq / N_INPUT) / norm).toBeCloseTo(1, 5);
    const good = [100, 2000, 4000].filter((k) => isGoodPixel(g, k));
    expect(good.length).toBeGreaterThan(0);
    for (const k of good) expect(F[k]).toBeCloseTo((g.flux[k] - continuum[k]) / norm, 4);
    for (const k of [100, 2000, 4000]) {
      const want = isGoodPixel(g, k) ? g.ivar[k] * norm * norm : 0;
      expect(Math.abs(w[k] - want)).toBeLessThanOrEqual(1e-6 * want);
    }
    expect(nGood).toBe(countGoodPixels(g));
  });

  it('refuses a spectrum without enough good pixels for the continuum, and a flat one', async () => {
    const { gridded: g } = (await analyseFixture('spec-1883-53271-0276.fits')).detail;
    const few = preprocess({ ...g, ivar: g.ivar.map((v, k) => (k < 5 ? v : 0)) });
    expect(!few.ok && few.error.code).toBe('too-few-pixels');
    const flat = preprocess({ ...g, flux: new Float32Array(N_INPUT).fill(3) });
    expect(!flat.ok && flat.error.code).toBe('not-finite');
  });
});
