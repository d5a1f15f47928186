/**
 * Survey layouts with no real file in test/fixtures/external: small files written by
 * tools/make_survey_fixtures.py after the specutils loaders and the IRAF multispec WCS, flux
 * from real SDSS spectra. Expected values in test/fixtures/formats/surveys.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import { FORMATS_DIR, SURVEYS, checkFixture } from './fixtureHelpers.ts';

describe('survey layouts (synthetic, after the official loaders)', () => {
  it('GAMA AAOmega: 5-row image, row 0 the calibrated flux with row 1 its σ; air, topocentric; Z and NQ', async () => {
    const [s] = await checkFixture('gama.fits', SURVEYS['gama.fits']);
    expect(s.frame).toMatchObject({ medium: 'air', mediumFrom: 'instrument', velocity: 'topocentric', instrument: 'AAOmega' });
    expect(s.meta.truth).toEqual({ z: 0.04507, quality: 4 });
    // DATE-OBS 2010-03-10 with UTSTART 13:00, UTEND 13:30 → mid-exposure 13:15 UT
    expect(s.frame.observation?.mjd).toBeCloseTo(55265 + 13.25 / 24, 6);
    expect(s.frame.observation?.site?.name).toBe('Anglo-Australian Telescope');
  });

  it('FRODOSpec: CRVAL/CDELT/CRPIX without axis number; frame assumed (the file does not say)', async () => {
    const [s] = await checkFixture('frodospec.fits', SURVEYS['frodospec.fits']);
    expect(s.frame).toMatchObject({ medium: 'air', mediumFrom: 'default', velocity: 'topocentric', velocityFrom: 'default' });
    expect(s.frame.observation).toMatchObject({ ra: 135, dec: 1 });
    expect(s.frame.observation?.site?.lat).toBeCloseTo(28.758, 3);
    expect(s.frame.observation?.mjd).toBeCloseTo(55500.9 + 900 / 86400, 8);
  });

  it('6dFGS table: WAVE/FLUX columns, or FLUX only with a WCS; Z_HELIO preferred to Z', async () => {
    for (const name of ['sixdfgs_table.fits', 'sixdfgs_table_fluxonly.fits']) {
      const [s] = await checkFixture(name, SURVEYS[name]);
      expect(s.meta.truth).toEqual({ z: 0.04507, quality: 4 });
      expect(s.frame).toMatchObject({ medium: 'air', velocity: 'topocentric', instrument: '6dF' });
      expect(s.frame.observation?.site?.name).toMatch(/Schmidt/);
    }
  });

  it('IRAF multispec: WAT2 specN (linear, and log-linear with a Doppler z), pieces padded to 68 characters', async () => {
    const spectra = await checkFixture('iraf_multispec.fits', SURVEYS['iraf_multispec.fits']);
    expect(spectra.map((s) => s.id)).toEqual(['multi-ap1', 'multi-ap2']);
    const [a1, a2] = spectra;
    expect(a1.wavelength[0]).toBeCloseTo(3700, 9);
    expect(a1.wavelength[1] - a1.wavelength[0]).toBeCloseTo(2, 9);
    expect(a2.wavelength[0]).toBeCloseTo(3750 / 1.001, 6);
    // sexagesimal RA is hours; OBSERVAT 'MDM' without coordinates → the observatory table
    expect(a1.frame.observation?.ra).toBeCloseTo((5 + 54 / 60 + 53.6 / 3600) * 15, 9);
    expect(a1.frame.observation?.dec).toBeCloseTo(46 + 26 / 60 + 21.6 / 3600, 9);
    expect(a1.frame.observation?.site?.name).toBe('MDM Observatory');
    expect(a1.frame).toMatchObject({ medium: 'air', mediumFrom: 'instrument', velocity: 'topocentric' });
  });

  it('IRAF multispec with a non-linear dispersion says so and what to do', async () => {
    const bytes = readFileSync(join(FORMATS_DIR, 'iraf_multispec.fits'));
    const text = bytes.toString('latin1').replace('spec1 = "1 1 0 3700.', 'spec1 = "1 1 2 3700.');
    const opened = await openSpectra(bytesSource('nonlinear.fits', new Uint8Array(Buffer.from(text, 'latin1'))));
    if (!opened.ok) throw new Error(opened.error.message);
    const r = await opened.value.read(0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/non-linear dispersion.*dispcor linearize=yes/);
  });

  it('WiggleZ: DR file (REFCODE, VARIANCE/BADPIX/SKY by name) and GAMA copy (HDU 1 the unnamed variance)', async () => {
    for (const [name, quality] of [['wigglez.fits', 4], ['wigglez_gama.fits', 4]] as const) {
      const [s] = await checkFixture(name, SURVEYS[name]);
      expect(s.meta.survey).toBe('WiggleZ');
      expect(s.meta.truth).toEqual({ z: 0.04507, quality });
      expect(s.frame).toMatchObject({ medium: 'air', velocity: 'topocentric', instrument: 'AAOmega' });
    }
  });

  it('2SLAQ QSO: int16 flux scaled by BSCALE/BZERO, VARIANCE, BADPIX ≠ 0 bad', async () => {
    const [s] = await checkFixture('twoslaq_qso.fits', SURVEYS['twoslaq_qso.fits']);
    expect(s.meta.survey).toBe('2SLAQ-QSO');
    expect(s.meta.truth).toEqual({ z: 0.5165, quality: 4 });
    expect(s.frame.observation?.mjd).toBeCloseTo(53439 + 12.5 / 24, 6);
  });
});
