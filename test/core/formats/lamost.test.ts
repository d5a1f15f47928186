import { describe, expect, it } from 'vitest';
import { checkFixture } from './fixtureHelpers.ts';

describe('lamost-lrs adapter', () => {
  it('old layout (5-row image, gzip-compressed): rows flux, ivar, wavelength, andmask', async () => {
    const [s] = await checkFixture('lamost_old.fits.gz');
    expect(s.meta.truth).toMatchObject({ class: 'GALAXY', subclass: 'AGN' });
    expect(s.meta.ids).toMatchObject({ OBSID: 101511092 });
  });

  it('new layout (COADD vector table; stale NAXISn in the NAXIS = 0 primary); Z_ERR = −9999 means none', async () => {
    const [s] = await checkFixture('lamost_new.fits');
    expect(s.meta.truth?.class).toBe('STAR');
    expect(s.meta.truth?.zErr).toBeUndefined();
    expect(s.meta.objectName).toBe('J080021.35+465629.6');
  });
});
