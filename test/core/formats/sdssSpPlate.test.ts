import { describe, expect, it } from 'vitest';
import { checkFixture } from './fixtureHelpers.ts';

describe('sdss-spplate adapter', () => {
  it('reads one spectrum per fibre with plug-map metadata and and-mask folded in', async () => {
    const spectra = await checkFixture('sdss_spPlate.fits');
    expect(spectra.map((s) => s.meta.ids?.OBJTYPE)).toEqual(['STAR_BHB', 'GALAXY', 'QSO']);
    // FULLREJECT is set wherever ivar = 0, so mask and ivar agree
    for (const s of spectra) for (let i = 0; i < s.ivar.length; i++) if (s.ivar[i] === 0) expect(s.mask![i]).toBe(1);
  });
});
