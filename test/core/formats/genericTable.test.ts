import { describe, expect, it } from 'vitest';
import { checkFixture } from './fixtureHelpers.ts';

describe('generic-table adapter', () => {
  it('one row per pixel: wave, flux, error (σ) columns', async () => {
    const [s] = await checkFixture('generic_rows.fits');
    expect(s.wavelength[1] - s.wavelength[0]).toBeCloseTo(1, 9);
  });

  it('one row of vector columns: LOGLAM (log10 Å), FLUX, IVAR — on the SDSS lattice, so copied exactly', async () => {
    await checkFixture('generic_vector.fits');
  });
});
