/**
 * What adapters carry for display only: the sky the reduction subtracted, the arms a DESI spectrum
 * was merged from, and target metadata (type, magnitudes) — read from real files.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS_DIR, SDSS_DIR, openFixture, readOk } from './fixtureHelpers.ts';

const EXTERNAL = join(import.meta.dirname, '../../fixtures/external');

function finiteShare(a: Float32Array): number {
  let n = 0;
  for (const v of a) if (Number.isFinite(v)) n++;
  return n / a.length;
}

function median(a: Float32Array): number {
  const s = Array.from(a).filter(Number.isFinite).sort((x, y) => x - y);
  return s[s.length >> 1];
}

describe('sky spectrum carried on the Spectrum', () => {
  it.each([
    ['2df/000001.fits', EXTERNAL],
    ['6df/all-g2359555-392832.fits', EXTERNAL],
    ['twodf.fits', FORMATS_DIR],
    ['gama.fits', FORMATS_DIR],
  ])('%s: a sky array as long as the flux, mostly finite, positive on the median', async (file, dir) => {
    const s = await readOk(await openFixture(file, file, dir), 0);
    expect(s.sky).toBeInstanceOf(Float32Array);
    expect(s.sky!.length).toBe(s.flux.length);
    expect(finiteShare(s.sky!)).toBeGreaterThan(0.9);
    expect(median(s.sky!)).toBeGreaterThan(0);
  });

  it('the 2dFGRS sky is the image’s third row, not the spectrum', async () => {
    const s = await readOk(await openFixture('2df/000001.fits', undefined, EXTERNAL), 1);
    let differs = 0;
    for (let k = 0; k < s.flux.length; k++) if (s.sky![k] !== s.flux[k]) differs++;
    expect(differs).toBeGreaterThan(s.flux.length * 0.9);
    // sky counts dwarf a faint galaxy's
    expect(median(s.sky!)).toBeGreaterThan(median(s.flux));
  });

  it.each([
    // the SDSS spec-lite files here carry an all-zero placeholder sky column: no sky, not a flat zero line
    ['spec-0375-52140-0356.fits', SDSS_DIR],
    ['sdss5_spec.fits', FORMATS_DIR],
    ['desi/coadd-4-80613-thru20210324.fits', EXTERNAL],
    ['lamost/spec-55862-B6212_sp06-108.fits', EXTERNAL],
  ])('%s: no (or an all-zero) sky in the file, none on the spectrum', async (file, dir) => {
    const s = await readOk(await openFixture(file, file, dir), 0);
    expect(s.sky).toBeUndefined();
  });
});

describe('DESI arms and target metadata', () => {
  it('the real DESI coadd names its b, r, z arms with the wavelengths each covers', async () => {
    const s = await readOk(await openFixture('desi/coadd-4-80613-thru20210324.fits', undefined, EXTERNAL), 0);
    expect(s.arms?.map((a) => a.name)).toEqual(['b', 'r', 'z']);
    const [b, r, z] = s.arms!;
    expect(b.minA).toBeCloseTo(s.wavelength[0], 3);
    expect(z.maxA).toBeCloseTo(s.wavelength[s.wavelength.length - 1], 3);
    // the arms overlap at the dichroics
    expect(r.minA).toBeLessThan(b.maxA);
    expect(z.minA).toBeLessThan(r.maxA);
  });

  it('the real DESI coadd gives the target bits and g, r, z magnitudes from the fibre map', async () => {
    const s = await readOk(await openFixture('desi/coadd-4-80613-thru20210324.fits', undefined, EXTERNAL), 0);
    expect(s.meta.targetType).toMatch(/DESI_TARGET \d+\)$/);
    expect(Object.keys(s.meta.magnitudes ?? {})).toEqual(['g', 'r', 'z']);
    for (const m of Object.values(s.meta.magnitudes!)) {
      expect(m).toBeGreaterThan(14);
      expect(m).toBeLessThan(25);
    }
    expect(s.meta.ra).toBeDefined();
    expect(s.meta.dec).toBeDefined();
  });

  it('an SDSS spectrum has no arms', async () => {
    const s = await readOk(await openFixture('spec-0375-52140-0356.fits', undefined, SDSS_DIR), 0);
    expect(s.arms).toBeUndefined();
  });
});

describe('SDSS target metadata', () => {
  it('spectro-photometric u g r i z magnitudes from SPECOBJ SPECTROFLUX', async () => {
    const s = await readOk(await openFixture('spec-0375-52140-0356.fits', undefined, SDSS_DIR), 0);
    const mags = s.meta.magnitudes!;
    expect(Object.keys(mags)).toEqual(['spectro u', 'spectro g', 'spectro r', 'spectro i', 'spectro z']);
    expect(mags['spectro r']).toBeGreaterThan(12);
    expect(mags['spectro r']).toBeLessThan(24);
  });
});

describe('LAMOST target metadata', () => {
  it('OBJTYPE and the MAGn cards named by MAGTYPE, 99 left out', async () => {
    const s = await readOk(await openFixture('lamost/spec-55862-B6212_sp06-108.fits', undefined, EXTERNAL), 0);
    expect(s.meta.targetType).toBe('star');
    expect(s.meta.magnitudes).toEqual({ g: 14.61, r: 14.41, i: 14.37 });
  });
  it('a single-band MAGTYPE names MAG1', async () => {
    const s = await readOk(await openFixture('lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz', undefined, EXTERNAL), 0);
    expect(s.meta.magnitudes).toEqual({ Kp: 12.82 });
  });
});
