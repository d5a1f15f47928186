/**
 * The real development files of other instruments (test/fixtures/external, see its README):
 * every spectrum listed in a truth.csv is read, each file gives the README's number of spectra
 * and wavelength ranges, the frame its instrument calls for, the survey answer from its header,
 * and flux/ivar at spot pixels checked independently with astropy 5.2.1 (values in comments).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import { toModelGrid } from '../../../src/core/grid/toModelGrid.ts';
import type { Spectrum, WavelengthFrame } from '../../../src/core/types.ts';
import { nearest, openFixture, readOk } from './fixtureHelpers.ts';

const EXT = join(import.meta.dirname, '../../fixtures/external');

async function open(path: string) {
  const [dir, name] = path.split('/');
  return openFixture(name, name, join(EXT, dir));
}

/** First and last wavelength of pixels holding data (finite, nonzero flux), as the README's table gives them. */
function dataRange(s: Spectrum): [number, number] {
  let a = -1;
  let b = -1;
  for (let i = 0; i < s.flux.length; i++) {
    if (Number.isFinite(s.flux[i]) && s.flux[i] !== 0) {
      if (a < 0) a = i;
      b = i;
    }
  }
  return [s.wavelength[a], s.wavelength[b]];
}

function spot(s: Spectrum, wavelength: number, flux: number, ivar: number): void {
  const i = nearest(s.wavelength, wavelength);
  expect(Math.abs(s.wavelength[i] - wavelength)).toBeLessThan(1e-3);
  expect(s.flux[i] / flux).toBeCloseTo(1, 6);
  expect(s.ivar[i] / ivar).toBeCloseTo(1, 5);
}

interface FileWant {
  format: string;
  /** README λ ranges (Å), one per spectrum. */
  ranges: [number, number][];
  frame: Partial<WavelengthFrame>;
}

const FILES: Record<string, FileWant> = {
  '2df/000001.fits': { format: '2dfgrs', ranges: [[3589, 7998], [3635, 8045]], frame: { medium: 'air', mediumFrom: 'instrument', velocity: 'topocentric', instrument: '2dF' } },
  '2df/MGC23320.fit': { format: '2dfgrs', ranges: [[3612, 8021]], frame: { medium: 'air', velocity: 'topocentric', instrument: '2dF' } },
  '2df/J113606.3+001155a.fit': { format: '2qz', ranges: [[3612, 8004]], frame: { medium: 'air', mediumFrom: 'instrument', velocity: 'topocentric', instrument: '2dF' } },
  '6df/all-g2359555-392832.fits': {
    format: '6dfgs',
    ranges: [[4037, 5592], [5533, 8509], [4037, 8508], [4038, 5628], [5524, 8509], [4038, 8508]],
    frame: { medium: 'air', mediumFrom: 'instrument', velocity: 'topocentric', instrument: '6dF' },
  },
  'ozdes/OzDES-DR2_00394.fits': {
    format: 'ozdes',
    ranges: [[3757, 8920], [3754, 8920], [3754, 8920], [3754, 8920], [3754, 8920]],
    frame: { medium: 'air', mediumFrom: 'instrument', velocity: 'topocentric', instrument: 'AAOmega' },
  },
  'desi/coadd-4-80613-thru20210324.fits': { format: 'desi-coadd', ranges: [[3600, 9824]], frame: { medium: 'vacuum', velocity: 'barycentric' } },
  'other/UGC_3374_ccds.fits': { format: 'iraf', ranges: [[3713, 7277]], frame: { medium: 'air', mediumFrom: 'instrument', velocity: 'topocentric', instrument: 'CCDS' } },
  'lamost/spec-55862-B6212_sp06-108.fits': { format: 'lamost-lrs', ranges: [[3700, 9087]], frame: { medium: 'vacuum', velocity: 'heliocentric' } },
  'lamost/spec-55862-B6212_sp06-003.fits': { format: 'lamost-lrs', ranges: [[3700, 9036]], frame: { medium: 'vacuum', velocity: 'heliocentric' } },
  'lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz': { format: 'lamost-lrs', ranges: [[3700, 9095]], frame: { medium: 'vacuum', velocity: 'heliocentric' } },
};

describe('real files of other instruments (test/fixtures/external)', () => {
  it('reads every spectrum a truth.csv lists (40 in 27 files), each usable on the model grid', async () => {
    let n = 0;
    for (const dir of readdirSync(EXT, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const rows = readFileSync(join(EXT, dir.name, 'truth.csv'), 'utf8').trim().split('\n').slice(1);
      for (const row of rows) {
        const [file, index] = row.split(',');
        const s = await readOk(await open(`${dir.name}/${file}`), Number(index));
        const g = toModelGrid(s);
        expect(g.ok, `${file}[${index}]`).toBe(true);
        n++;
      }
    }
    expect(n).toBe(40);
  });

  for (const [path, want] of Object.entries(FILES)) {
    it(`${path}: ${want.ranges.length} spectra, README λ ranges, ${want.frame.medium}/${want.frame.velocity}`, async () => {
      const opened = await open(path);
      expect(opened.format).toBe(want.format);
      expect(opened.count).toBe(want.ranges.length);
      for (const [i, [lo, hi]] of want.ranges.entries()) {
        const s = await readOk(opened, i);
        // 2dFGRS pixels written as −2.5e30 (no data) are NaN here; its README range counts them
        const [a, b] = want.format === '2dfgrs' ? [s.wavelength[0], s.wavelength[s.wavelength.length - 1]] : dataRange(s);
        expect(Math.abs(a - lo), `${path}[${i}] start`).toBeLessThan(3);
        expect(Math.abs(b - hi), `${path}[${i}] end`).toBeLessThan(3);
        expect(s.frame).toMatchObject(want.frame);
      }
    });
  }

  it('2dFGRS: sky chart in HDU0 skipped, one spectrum per SPECTRUM HDU; Z_HELIO, QUALITY; −2.5e30 is no data', async () => {
    const opened = await open('2df/000001.fits');
    const [failed, good] = [await readOk(opened, 0), await readOk(opened, 1)];
    expect(failed.meta.truth).toEqual({ quality: 1 }); // Z = Z_HELIO = −9: no redshift
    expect(good.meta.truth).toEqual({ z: 0.298141, quality: 4 });
    expect(good.meta.objectName).toBe('TGS436Z001');
    // astropy: HDU2 row 0 / 1/row 1 at pixel 100 (4066.442 Å) and 500 (5790.661 Å)
    spot(good, 4066.4424, 25.231136, 0.0062534817);
    spot(good, 5790.6611, 80.29097, 0.0035509269);
    const last = good.wavelength.length - 1;
    expect(Number.isNaN(good.flux[last])).toBe(true);
    expect(good.ivar[last]).toBe(0);
    // J2000 position from SBRA/SBDEC (its RA/DEC cards are B1950 radians)
    expect(good.meta.ra).toBeCloseTo(3.6127521, 6);
    expect(good.meta.dec).toBeCloseTo(-32.2706135, 6);
    // UTDATE 2001:09:13, UTSTART 12:30:46.07, UTEND 12:50:46 (astropy Time: 52165.52831059)
    expect(good.frame.observation?.mjd).toBeCloseTo(52165.52831059, 7);
    expect(good.frame.observation?.site?.name).toBe('Anglo-Australian Telescope');
  });

  it('MGC: row 2 is σ (ROW2 = Sigma), not variance; Z_HELIO with Z_QUAL; site from LATITUDE/LONGITUD', async () => {
    const s = await readOk(await open('2df/MGC23320.fit'), 0);
    spot(s, 4043.2088, 34.716064, 0.018476269); // astropy: 1/row1² at pixel 100
    expect(s.meta.truth).toEqual({ z: 0.04682, quality: 4 });
    expect(s.meta.survey).toBe('MGC');
    expect(s.frame.observation).toMatchObject({ ra: 175.13278, dec: -0.24957, site: { lat: -31.27704, lon: 149.0661, height: 1164 } });
    expect(s.frame.observation?.mjd).toBeCloseTo(52729.51849641, 7); // DATE-OBS + UT + EXPTIME/2
  });

  it('2QZ: VARIANCE and BADPIX extensions, air although CTYPE1 is WAVE-WAV; ID_BEST/Z_BEST; no time of day → no MJD', async () => {
    const s = await readOk(await open('2df/J113606.3+001155a.fit'), 0);
    spot(s, 4043.0121, 67.32753, 0.0065205435);
    for (let i = 0; i < 5; i++) expect(s.mask?.[i]).toBe(1); // BADPIX 255 on the first pixels
    expect(s.meta.truth).toEqual({ class: 'GALAXY', subclass: 'NELG', z: 0.1188, quality: 11 });
    expect(s.frame.observation?.mjd).toBeUndefined();
    expect(s.frame.observation?.site).toMatchObject({ lat: -31.27704, lon: 149.0661 });
  });

  it('6dFGS: V, R, VR per observation in file order; VR wavelengths from its 4th row; per-arm MJD', async () => {
    const opened = await open('6df/all-g2359555-392832.fits');
    const s = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => readOk(opened, i)));
    expect(s.map((x) => x.meta.ids?.ARM)).toEqual(['V', 'R', 'VR', 'V', 'R', 'VR']);
    expect(s.map((x) => x.meta.truth?.z)).toEqual([0.102263, 0.102263, 0.102263, 0.102453, 0.102453, 0.102453]);
    spot(s[0], 4962.6144, 812.01483, 1.8469154e-4);
    spot(s[2], 4962.6143, 914.3127, 1.4567514e-4);
    spot(s[5], 4962.6143, 1233.416, 1.0076303e-4);
    // MJDOBS_V + EXP_V/2; the VR splice: mean of its V and R mid-exposures
    expect(s[0].frame.observation?.mjd).toBeCloseTo(52499.70210648, 7);
    expect(s[2].frame.observation?.mjd).toBeCloseTo((52499.70210648 + 52499.67465278) / 2, 7);
    expect(s[0].frame.observation).toMatchObject({ ra: 359.98104167, dec: -39.47541667 });
    expect(s[0].frame.observation?.site?.name).toMatch(/Schmidt/);
  });

  it('OzDES: coadd (PRIMARY + VARIANCE + BADPIX) then the four epochs with their own VARIANCE/BADPIX', async () => {
    const opened = await open('ozdes/OzDES-DR2_00394.fits');
    const coadd = await readOk(opened, 0);
    const epoch2 = await readOk(opened, 2);
    expect(coadd.id).toBe('BB062233m583506-coadd');
    expect(epoch2.id).toBe('BB062233m583506-57748.641');
    spot(coadd, 5808.3278, 1.38411108, 315.72441867); // 1/VARIANCE
    spot(epoch2, 5808.3278, 1.42783592, 166.96596179); // 1/VARIANCE_57748.641
    expect(coadd.meta.truth).toMatchObject({ class: 'STAR', quality: 6 }); // QOP 6 = star
    expect(coadd.meta.truth?.z).toBeCloseTo(0.00111, 8);
    expect(coadd.meta.targetType).toBe('BBstar');
    expect(coadd.frame.observation?.mjd).toBeUndefined(); // several nights
    expect(epoch2.frame.observation?.mjd).toBeGreaterThan(57748.641);
    expect(coadd.frame.wants).toEqual({ helio: false }); // DO_HELIO = F: kept, so the z is not corrected
  });

  it('Marz: single- and multi-fibre, WAVELENGTH in Å or log10 Å; VACUUM, DO_HELIO and DO_CMB from the header', async () => {
    const linear = await readOk(await open('marz/emlLinearSkyAirHelio.fits'), 0);
    spot(linear, 6347.7131, 85.953995, 0.015201646);
    expect(linear.frame).toMatchObject({ medium: 'air', mediumFrom: 'instrument', wants: { helio: true } });
    expect(linear.frame.observation?.mjd).toBeCloseTo(57373.56451016, 7); // UTMJD + (UTEND − UTSTART)/2
    expect(linear.frame.observation?.site).toMatchObject({ lat: -31.27704, lon: 149.0661, height: 1164 });
    const log = await readOk(await open('marz/emlLogVacuumHelioCMB.fits'), 0);
    expect(log.frame).toMatchObject({ medium: 'vacuum', mediumFrom: 'keyword', wants: { helio: true, cmb: true } });
    expect(log.wavelength[0]).toBeCloseTo(10 ** 3.5745716, 2);
    const multi = await open('marz/emlLogVacuumHelioMultiple.fits');
    expect(multi.count).toBe(3);
    const fibre2 = await readOk(multi, 1);
    spot(fibre2, 6349.47106, 55.078686, 0.01604036);
    expect(fibre2.meta).toMatchObject({ objectName: 'W0220429-2922320', targetType: 'DIRECTPHOT2', magnitudes: { MAGNITUDE: 19.24 } });
    // without LOGSCALE the WAVELENGTH values (3.57–3.95) can only be log10 Å
    const bytes = readFileSync(join(EXT, 'marz/emlLogVacuumNoHelio.fits')).toString('latin1').replace('LOGSCALE=', 'LOGSCALX=');
    const unflagged = await openSpectra(bytesSource('nolog.fits', new Uint8Array(Buffer.from(bytes, 'latin1'))));
    if (!unflagged.ok) throw new Error(unflagged.error.message);
    const guessed = await readOk(unflagged.value, 0);
    expect(guessed.wavelength[0]).toBeCloseTo(log.wavelength[0], 6);
    expect(guessed.issues?.join(' ')).toMatch(/read as log10 Å/);
    const noHelio = await readOk(await open('marz/emlLinearSkyAirNoHelio.fits'), 0);
    expect(noHelio.frame.wants).toBeUndefined();
  });

  it('IRAF equispec (UGC 3374): band 1 the spectrum, band 4 σ; MJD + EXPTIME/2; OBSLONG in degrees west', async () => {
    const s = await readOk(await open('other/UGC_3374_ccds.fits'), 0);
    spot(s, 4018.0177, 4.3357347e-15, 1.2508677e32);
    spot(s, 5542.4778, 4.456231e-15, 3.6039766e32);
    expect(s.frame.observation?.mjd).toBeCloseTo(59258.24885889, 7);
    expect(s.frame.observation?.site).toMatchObject({ lon: -111.616111, lat: 31.951667, height: 1925 });
    expect(s.meta.objectName).toBe('UGC_3374');
  });

  it('DESI coadd: b/r/z arms merged on the shared 0.8 Å grid, overlaps inverse-variance weighted', async () => {
    const s = await readOk(await open('desi/coadd-4-80613-thru20210324.fits'), 0);
    expect(s.wavelength.length).toBe(2751 + 2326 + 2881 - 51 - 126); // 5760–5800 and 7520–7620 Å shared
    // astropy: (ivB·fB + ivR·fR)/(ivB + ivR) at 5780 Å, R+Z at 7569.6 Å, B alone at 4500 Å
    spot(s, 5780, 1.1361047, 17.989033);
    spot(s, 7569.6, 0.97941875, 49.1219);
    spot(s, 4500, 1.0928239, 5.163589);
  });

  it('LAMOST DR1 (no wavelength row: COEFF0/COEFF1) and DR6 (wavelength row, .fits.gz); header truth', async () => {
    const dr1 = await readOk(await open('lamost/spec-55862-B6212_sp06-003.fits'), 0);
    expect(dr1.issues?.join(' ')).toMatch(/COEFF0\/COEFF1/);
    spot(dr1, 4658.0055, 1493.6104, 0.0023854084); // 10^(3.5682 + 1e-4·1000)
    expect(dr1.meta.truth).toMatchObject({ class: 'STAR', subclass: 'F9', z: -7.138e-5 });
    const dr6 = await readOk(await open('lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz'), 0);
    spot(dr6, 4658.007, 9516.441, 8.6363914e-5);
    expect(dr6.meta.truth).toMatchObject({ class: 'STAR', z: -0.00017162 });
  });

  it('a DESI Redrock file is named as a redshift catalogue, with the file to open instead', async () => {
    const r = await openSpectra(bytesSource('redrock.fits', new Uint8Array(readFileSync(join(EXT, 'desi/redrock-4-80613-thru20210324.fits')))));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('no-spectrum');
      expect(r.error.message).toMatch(/DESI redshift catalogue .*not a spectrum.*coadd/);
    }
  });
});
