import { describe, expect, it } from 'vitest';
import { airToVacuumA } from '../../../src/core/grid/airToVacuum.ts';
import { TRUTH, checkFixture } from './fixtureHelpers.ts';

describe('2df adapter', () => {
  it('offers program fibres only, keeps air wavelengths as air (grid/ converts), RA/DEC radians to degrees', async () => {
    const spectra = await checkFixture('twodf.fits');
    expect(spectra.map((s) => s.id)).toEqual(['fiber-1', 'fiber-3', 'fiber-5']);
    expect(spectra.map((s) => s.meta.objectName)).toEqual(['STAR_G2', 'GAL_AGN', 'QSO_0564']);
    expect(spectra[1].meta.ra).toBeCloseTo(150.7, 9);
    expect(spectra[1].meta.dec).toBeCloseTo(-30.3, 9);
    for (const spot of TRUTH['twodf.fits'].spectra[0].spots) {
      expect(spot.wavelength).toBeCloseTo(airToVacuumA(spot.airWavelength!), 6);
    }
    expect(spectra[0].frame).toMatchObject({ medium: 'air', velocity: 'topocentric' });
    // NaN flux pixels of fibre 1 (2dF marks missing data with NaN) stay NaN, with ivar 0
    const s = spectra[0];
    const nan = Array.from(s.flux.keys()).filter((i) => Number.isNaN(s.flux[i]));
    expect(nan.length).toBeGreaterThanOrEqual(5);
    for (const i of nan) expect(s.ivar[i]).toBe(0);
  });
});
