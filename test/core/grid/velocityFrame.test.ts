import { describe, expect, it } from 'vitest';
import { barycentricCorrectionKms, cmbCorrectionKms, correctRedshift, frameCorrection } from '../../../src/core/grid/velocityFrame.ts';

// Reference values from astropy 5 (Debian python3-astropy): SkyCoord(ra, dec).radial_velocity_correction(
// kind='barycentric', obstime=Time(mjd, format='mjd', scale='utc'), location=EarthLocation.from_geodetic(lon, lat, h)).
const ASTROPY: [ra: number, dec: number, mjd: number, lon: number, lat: number, h: number, kms: number][] = [
  [20, 20, 57356.0, 254.17958, 32.780361, 2788, -19.427017943175883],
  [150, -30, 51000.3, 149.0661, -31.27704, 1164, -20.06081950630206],
  [300, 45, 60000.7, -17.88, 28.76, 2396, 3.0521760465870833],
  [10, -70, 55000.1, -70.73, -30.24, 2200, 10.510990147515193],
];

describe('barycentric and CMB corrections', () => {
  it('agree with astropy radial_velocity_correction within 0.02 km/s', () => {
    for (const [ra, dec, mjd, lon, lat, height, kms] of ASTROPY) {
      expect(Math.abs(barycentricCorrectionKms({ ra, dec, mjd, site: { lon, lat, height } }) - kms)).toBeLessThan(0.02);
    }
  });

  it('CMB dipole projection matches the Planck 2018 dipole computed with astropy galactic coordinates', () => {
    expect(cmbCorrectionKms(0, 0)).toBeCloseTo(-359.0073, 2);
    expect(cmbCorrectionKms(150, -30)).toBeCloseTo(324.8195, 2);
    expect(cmbCorrectionKms(300, 45)).toBeCloseTo(-205.5076, 2);
  });

  const site = { lon: 149.0661, lat: -31.27704, height: 1164 };
  it('topocentric with time, site and pointing → barycentric; DO_HELIO = F keeps it topocentric', () => {
    const obs = { mjd: 51000.3, ra: 150, dec: -30, site };
    const c = frameCorrection({ velocity: 'topocentric', observation: obs });
    expect(c.frame).toBe('barycentric');
    expect(c.vBaryKms).toBeCloseTo(-20.06, 1);
    expect(correctRedshift(0.1, c)).toBeCloseTo(1.1 * (1 - 20.0608 / 299792.458) - 1, 7);
    const kept = frameCorrection({ velocity: 'topocentric', observation: obs, wants: { helio: false } });
    expect(kept).toEqual({ frame: 'topocentric', factor: 1 });
  });

  it('says what is missing instead of guessing, and adds the CMB term only when asked', () => {
    const c = frameCorrection({ velocity: 'topocentric', observation: { ra: 1, dec: 2 } });
    expect(c.factor).toBe(1);
    expect(c.note).toMatch(/time of observation, observatory/);
    const cmb = frameCorrection({ velocity: 'heliocentric', observation: { ra: 150, dec: -30 }, wants: { cmb: true } });
    expect(cmb.frame).toBe('cmb');
    expect(cmb.vBaryKms).toBeUndefined();
    expect(cmb.factor).toBeCloseTo(1 + 324.8195 / 299792.458, 8);
    expect(frameCorrection({ velocity: 'barycentric' })).toEqual({ frame: 'barycentric', factor: 1 });
  });
});
