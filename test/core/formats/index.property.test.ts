/**
 * Property (issue 6, the fixed-seed subset of `npm run fuzz`): damaged copies
 * of one file per adapter layout, opened as the app opens a dropped file
 * (openSpectra → adapter → spectra → model grid), only ever give ok or a
 * typed file error with a clear message, consistent spectra, NaN-free model
 * grid arrays, and no allocation beyond what the file justifies. Each case's
 * time is checked against a generous bound as a hang detector only.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAllocationProbe, type AllocationProbe } from '../../../tools/allocationProbe.ts';
import { exerciseSpectra } from '../../../tools/fuzzAdapters.ts';
import { allocationBudget } from '../../../tools/fuzzBudget.ts';
import { measuredSource, mutate, rng } from '../../../tools/fuzzMutations.ts';
import { fixtureBytes } from '../fits/helpers.ts';

const SEEDS = [
  'formats/sdss_spPlate.fits',
  'formats/sdss_spSpec.fit',
  'formats/sdss5_spec.fits',
  'formats/desi_coadd.fits',
  'formats/desi_spectra.fits',
  'formats/lamost_new.fits',
  'formats/lamost_old.fits.gz',
  'formats/twodf.fits',
  'formats/wcs1d_linear_air.fits',
  'formats/wcs1d_wavelog.fits',
  'formats/generic_rows.fits',
  'formats/generic_vector.fits',
  'formats/spectrum.csv',
  'sdss/spec-0559-52316-0121.fits',
].map((path) => ({ name: path.split('/').pop()!, bytes: fixtureBytes(path) }));
const HANG_MS = 2000;

let probe: AllocationProbe;
beforeAll(() => {
  probe = installAllocationProbe();
});
afterAll(() => probe.uninstall());

describe('openSpectra + read + toModelGrid on damaged files of every layout', () => {
  it('only ever give ok or a clear typed error, within the allocation budget and a hang bound', async () => {
    const outcomes = new Map<string, number>();
    const formats = new Set<string>();
    let gridded = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(SEEDS.length - 1), fc.nat(), async (which, mutationSeed) => {
        const seed = SEEDS[which];
        const m = mutate(seed.bytes, rng(mutationSeed));
        const source = measuredSource(seed.name, m.bytes);
        probe.reset();
        const t0 = performance.now();
        const result = await exerciseSpectra(source); // throws on an untyped error or an inconsistent spectrum
        expect(performance.now() - t0).toBeLessThan(HANG_MS);
        expect(probe.largest()).toBeLessThanOrEqual(allocationBudget(m.bytes));
        expect(source.largestRead).toBeLessThanOrEqual(source.size);
        outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
        if (result.format) formats.add(result.format);
        gridded += result.gridded;
      }),
      { seed: 6, numRuns: 250 },
    );
    // The mutations reach good and bad outcomes and most layouts (the property is not vacuous).
    expect(outcomes.get('ok')).toBeGreaterThan(40);
    expect(gridded).toBeGreaterThan(40);
    expect(outcomes.get('truncated')).toBeGreaterThan(10);
    expect(outcomes.get('no-matching-format')).toBeGreaterThan(10);
    expect(formats.size).toBeGreaterThanOrEqual(8);
  });

  it('the undamaged seeds open and grid (the budget and checks accept real files)', async () => {
    for (const seed of SEEDS) {
      probe.reset();
      const r = await exerciseSpectra(measuredSource(seed.name, seed.bytes));
      expect(r.outcome, seed.name).toBe('ok');
      expect(r.spectrumErrors, seed.name).toEqual([]);
      expect(probe.largest(), seed.name).toBeLessThanOrEqual(allocationBudget(seed.bytes));
    }
  });
});
