/** One definition of a good pixel: the gridding's count and the preprocessing's agree on real spectra. */
import { describe, expect, it } from 'vitest';
import { countGoodPixels, isGoodPixel } from '../../../src/core/grid/goodPixels.ts';
import { N_INPUT } from '../../../src/core/grid/modelGrid.ts';
import { preprocess } from '../../../src/core/preprocess/preprocess.ts';
import { griddedFixture } from '../../ui/view/realAnalysis.ts';

async function gridded(file: string) {
  return (await griddedFixture(file)).gridded;
}

describe('good pixels', () => {
  it('toModelGrid and preprocess count the same pixels on real SDSS spectra', async () => {
    for (const file of ['spec-0375-52140-0356.fits', 'spec-1883-53271-0276.fits']) {
      const g = await gridded(file);
      const p = preprocess(g);
      if (!p.ok) throw new Error(p.error.message);
      expect(countGoodPixels(g)).toBe(g.nGood);
      expect(p.value.nGood).toBe(g.nGood);
      expect(g.nGood).toBeLessThanOrEqual(N_INPUT);
    }
  });

  it('a pixel without weight, with a non-finite flux or not covered is not good', async () => {
    const g = await gridded('spec-0375-52140-0356.fits');
    const k = Array.from({ length: N_INPUT }, (_, i) => i).find((i) => isGoodPixel(g, i))!;
    const flux = g.flux.slice();
    const ivar = g.ivar.slice();
    const noData = new Uint8Array(N_INPUT);
    expect(isGoodPixel({ flux, ivar, noData }, k)).toBe(true);
    expect(isGoodPixel({ flux, ivar: Object.assign(ivar.slice(), { [k]: 0 }), noData }, k)).toBe(false);
    expect(isGoodPixel({ flux: Object.assign(flux.slice(), { [k]: Number.NaN }), ivar, noData }, k)).toBe(false);
    expect(isGoodPixel({ flux, ivar, noData: Object.assign(noData.slice(), { [k]: 1 }) }, k)).toBe(false);
  });
});
