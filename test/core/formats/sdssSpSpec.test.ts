import { describe, expect, it } from 'vitest';
import { checkFixture } from './fixtureHelpers.ts';

describe('sdss-spspec adapter (DR7 spSpec image)', () => {
  it('reads flux, σ → ivar, mask row, log-linear vacuum wavelengths and SPEC_CLN truth', async () => {
    const [s] = await checkFixture('sdss_spSpec.fit');
    expect(s.meta.truth).toMatchObject({ class: 'GALAXY', zWarning: 0 });
    expect(s.meta.ids).toEqual({ PLATE: 783, MJD: 52325, FIBERID: 322 });
    expect(s.wavelength[0]).toBeCloseTo(10 ** 3.58, 6);
  });
});
