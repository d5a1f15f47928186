/** The eigenspectra are asked for only when a spectrum needs the eigenspectrum fit, and a failure to get them fails just those spectra. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import { prepareSpectrum } from '../../../src/core/prepareSpectrum.ts';
import { createAnalyzer } from '../../../src/core/scan/pipeline.ts';
import { fail, ok, type GriddedSpectrum } from '../../../src/core/types.ts';
import { loadEigenspectra, loadReconstructors } from '../../../tools/lib/nodeModels.ts';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures');
async function gridded(path: string): Promise<GriddedSpectrum> {
  const o = await openSpectra(bytesSource(path, new Uint8Array(readFileSync(join(FIX, path)))));
  if (!o.ok) throw new Error(o.error.message);
  const s = await o.value.read(0);
  if (!s.ok) throw new Error(s.error.message);
  const p = prepareSpectrum(s.value);
  if (!p.ok) throw new Error(p.error.message);
  return p.value.gridded;
}

describe('eigenspectra for the fit, on demand', () => {
  it('an SDSS batch never asks; a spectrum of another instrument asks once; a failure fails only that spectrum', async () => {
    const sdss = await gridded('sdss/spec-0375-52140-0356.fits');
    const marz = await gridded('external/marz/emlLogVacuumNoHelio.fits');
    expect(marz.profile?.estimator).toBe('eigenfit');
    const recs = await loadReconstructors('encoder');
    let asked = 0;
    const good = createAnalyzer(recs, { loadEigenspectra: async () => (asked++, ok(await loadEigenspectra())) });
    await good.analyze([sdss]);
    expect(asked).toBe(0);
    const [a, b] = await good.analyze([sdss, marz]);
    await good.analyze([marz]);
    expect(asked).toBe(1);
    expect(a.ok && a.value.estimator).toBe('encoder');
    expect(b.ok && b.value.estimator).toBe('eigenfit');

    const bad = createAnalyzer(recs, { loadEigenspectra: async () => fail({ code: 'model-load', message: 'could not fetch the eigenspectra' }) });
    const [c, d] = await bad.analyze([sdss, marz]);
    expect(c.ok).toBe(true);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error.message).toMatch(/eigenspectra/);
  }, 60_000);
});
