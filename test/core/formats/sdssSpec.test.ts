import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toModelGrid } from '../../../src/core/grid/toModelGrid.ts';
import { INPUT_LOGLAM0, LOGLAM_STEP_DEX } from '../../../src/core/grid/modelGrid.ts';
import { SDSS_DIR, checkFixture, openFixture, readOk } from './fixtureHelpers.ts';

const REAL = [
  'spec-3188-54831-0169.fits',
  'spec-2553-54631-0255.fits',
  'spec-0783-52325-0322.fits',
  'spec-1733-53047-0351.fits',
  'spec-0564-52224-0581.fits',
  'spec-7401-56808-0703.fits',
];

const truthCsv = new Map(
  readFileSync(join(SDSS_DIR, 'truth.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [file, cls, subclass, z] = line.split(',');
      return [file, { cls, subclass, z: Number(z) }] as const;
    }),
);

describe('sdss-spec adapter on real SDSS DR16 spec-lite files', () => {
  it.each(REAL)('%s: id, truth, vacuum wavelengths, pipeline model, exact copy onto the model grid', async (file) => {
    const opened = await openFixture(file, file, SDSS_DIR);
    expect(opened.format).toBe('sdss-spec');
    expect(opened.count).toBe(1);
    const s = await readOk(opened, 0);
    expect(s.id).toBe(file.replace('.fits', ''));
    const t = truthCsv.get(file)!;
    expect(s.meta.truth?.class).toBe(t.cls);
    expect(s.meta.truth?.z).toBeCloseTo(t.z, 6);
    expect(s.meta.ids).toMatchObject({ PLATE: Number(file.split('-')[1]), FIBERID: Number(file.split('-')[3].slice(0, 4)) });
    expect(s.model?.length).toBe(s.flux.length);
    // loglam on the SDSS lattice: 10^(3.5563 + 1e-4 k), vacuum
    const k0 = Math.round((Math.log10(s.wavelength[0]) - INPUT_LOGLAM0) / LOGLAM_STEP_DEX);
    expect(Math.abs(Math.log10(s.wavelength[0]) - (INPUT_LOGLAM0 + k0 * LOGLAM_STEP_DEX))).toBeLessThan(1e-6);
    const g = toModelGrid(s);
    if (!g.ok) throw new Error(g.error.message);
    expect(g.value.copied).toBe(true);
    let differ = 0;
    for (let i = 0; i < s.flux.length; i++) {
      if (g.value.flux[k0 + i] !== s.flux[i] || g.value.ivar[k0 + i] !== s.ivar[i]) differ++;
    }
    expect(differ).toBe(0);
  });

  it('reads the placeholder and_mask of the shared files as all-good (bad pixels are ivar = 0 there)', async () => {
    const s = await readOk(await openFixture('spec-0783-52325-0322.fits', 'x.fits', SDSS_DIR), 0);
    expect(s.mask?.every((m) => m === 0)).toBe(true);
    expect(s.ivar.filter((v) => v === 0).length).toBe(257);
  });
});

describe('sdss-spec adapter on an SDSS-V spec file (upper-case columns, SPALL, 64-bit CATALOGID)', () => {
  it('matches truth.json', async () => {
    const [s] = await checkFixture('sdss5_spec.fits');
    expect(s.meta.ids?.CATALOGID).toBe('27021597917837494'); // beyond 2^53: kept exact as text
    expect(s.meta.ids?.FIELD).toBe(15043);
    expect(s.meta.truth?.zWarning).toBe(0);
  });
});
