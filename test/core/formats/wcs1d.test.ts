import { describe, expect, it } from 'vitest';
import { checkFixture } from './fixtureHelpers.ts';

describe('wcs1d adapter', () => {
  it('linear AWAV axis with CD1_1 and CRPIX1 ≠ 1, σ in an ERROR extension', async () => {
    const [s] = await checkFixture('wcs1d_linear_air.fits');
    expect(s.meta.objectName).toBe('NGC 0000 test');
    expect(s.frame).toMatchObject({ medium: 'air', mediumFrom: 'keyword' });
  });

  it('log10 axis (DC-FLAG = 1) in an N × 1 image, ivar in an IVAR extension', async () => {
    const [s] = await checkFixture('wcs1d_loglam.fits');
    expect(Math.log10(s.wavelength[1]) - Math.log10(s.wavelength[0])).toBeCloseTo(1.2e-4, 9);
    expect(s.issues?.join(' ')).toMatch(/vacuum assumed/);
  });

  it("CTYPE1 'WAVE-LOG' axis (FITS paper III), variance in a VARIANCE extension", async () => {
    const [s] = await checkFixture('wcs1d_wavelog.fits');
    expect(Math.log(s.wavelength[1] / s.wavelength[0])).toBeCloseTo(2.2e-4, 9);
  });
});
