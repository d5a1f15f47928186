import { describe, expect, it } from 'vitest';
import { checkFixture, nearest } from './fixtureHelpers.ts';

describe('desi adapters', () => {
  it('coadd: B, R, Z merged (inverse-variance weighted in the overlaps), int64 TARGETID kept exact', async () => {
    const spectra = await checkFixture('desi_coadd.fits');
    expect(spectra.map((s) => s.id)).toEqual(['39633362582488123', '39627652591190017']);
    for (const s of spectra) {
      expect(s.wavelength[0]).toBeCloseTo(3600, 6);
      expect(s.wavelength[s.wavelength.length - 1]).toBeCloseTo(9824, 6);
      // overlaps counted once: 2751 + 2326 + 2881 − 51 − 126 pixels
      expect(s.wavelength.length).toBe(2751 + 2326 + 2881 - 51 - 126);
      // uniform 0.8 Å spacing across the joins
      const j = nearest(s.wavelength, 5800);
      expect(s.wavelength[j + 1] - s.wavelength[j]).toBeCloseTo(0.8, 6);
    }
    // the camera grids coincide in the overlaps, so nothing was cut
    expect(spectra[0].issues).toBeUndefined();
  });

  it('spectra: missing Z camera is fine; ids carry the exposure', async () => {
    const spectra = await checkFixture('desi_spectra.fits');
    expect(spectra.map((s) => s.id)).toEqual(['39633345515851234-120001', '39633345515855678-120002']);
    for (const s of spectra) expect(s.wavelength[s.wavelength.length - 1]).toBeCloseTo(7620, 6);
  });
});
