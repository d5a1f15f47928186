/**
 * Parity with the published pipeline (issue 2, item 5): our preprocessing +
 * the exported ONNX models + our FFT χ² scan against the upstream golden
 * files (test/fixtures/golden, copied from shared/upstream-gasnet3/golden).
 *
 * Tolerances (METHOD.md): reconstruction within 1e-4 of the spectrum's max;
 * χ² within 1e-3 relative on the full-overlap shifts (upstream curve index
 * i ∈ [2038, N_out − 2039] maps to our shift i − 2037); best z within one
 * pixel (1e-4 dex) of upstream wherever upstream's minimum is in that range.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, openFits } from '../../../src/core/fits/index.ts';
import type { ColumnData, FitsFile } from '../../../src/core/fits/types.ts';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { parseManifest } from '../../../src/core/inference/parseManifest.ts';
import { createReconstructor, type Reconstructor } from '../../../src/core/inference/reconstructor.ts';
import { preprocess } from '../../../src/core/preprocess/preprocess.ts';
import { createChi2Scanner } from '../../../src/core/scan/chi2Fft.ts';
import { classScan } from '../../../src/core/scan/classScan.ts';
import { loadPffft } from '../../../src/core/scan/pffft.ts';
import type { ModelFamily, SpectralClass } from '../../../src/core/types.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const MODELS = join(ROOT, 'public', 'models');
const GOLDEN = join(ROOT, 'test', 'fixtures', 'golden');
const N = 4076;

const CASES: { file: string; family: ModelFamily; cls: SpectralClass }[] = [
  { file: 'test_Encoder_SDSS_STAR_reconstruction_examples.fits', family: 'encoder', cls: 'STAR' },
  { file: 'test_Encoder_SDSS_GALAXY_reconstruction_examples.fits', family: 'encoder', cls: 'GALAXY' },
  { file: 'test_Encoder_SDSS_QSO_reconstruction_examples.fits', family: 'encoder', cls: 'QSO' },
  { file: 'test_classfy_Encoder_SDSS_STAR_reconstruction_examples.fits', family: 'encoder', cls: 'STAR' },
  { file: 'test_classfy_UNetL1SmoFlip_SDSS_STAR_reconstruction_examples_first25.fits', family: 'unet', cls: 'STAR' },
];

async function numbers(f: FitsFile, hdu: number, names: string[]): Promise<Record<string, Float64Array | Float32Array>> {
  const r = await f.readColumns(f.hdus[hdu], names);
  if (!r.ok) throw new Error(r.error.message);
  const out: Record<string, Float64Array | Float32Array> = {};
  for (const n of names) {
    const c = r.value[n] as ColumnData;
    if (c.kind !== 'number') throw new Error(`${n} is not numeric`);
    out[n] = c.data;
  }
  return out;
}

describe.each(CASES)('golden parity: $file', ({ file, family, cls }) => {
  let cols: Record<string, Float64Array | Float32Array>;
  let rec: Reconstructor;
  let rows = 0;
  let nOut = 0;

  beforeAll(async () => {
    const manifest = parseManifest(JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')));
    if (!manifest.ok) throw new Error(manifest.error.message);
    const entry = findModel(manifest.value, family, cls);
    const r = await createReconstructor(ort, entry, new Uint8Array(readFileSync(join(MODELS, entry.file))));
    if (!r.ok) throw new Error(r.error.message);
    rec = r.value;
    nOut = entry.outputGrid.n;
    const opened = await openFits(bytesSource(file, new Uint8Array(readFileSync(join(GOLDEN, file)))));
    if (!opened.ok) throw new Error(opened.error.message);
    cols = await numbers(opened.value, 1, ['flux', 'ivar', 'reconstruction', 'chi_square_curve', 'Best_fit_z']);
    rows = cols.Best_fit_z.length;
  });

  it('reconstructions, χ² curves and best redshifts match upstream', async () => {
    const scanner = createChi2Scanner(await loadPffft());
    let worstRecon = 0;
    let worstChi2 = 0;
    let zCompared = 0;
    let rampExplained = 0;
    const lo = 2038, hi = nOut - 2039; // full-overlap range of upstream's curve index
    for (let r = 0; r < rows; r++) {
      const flux = Float32Array.from(cols.flux.subarray(r * N, (r + 1) * N));
      const ivar = Float32Array.from(cols.ivar.subarray(r * N, (r + 1) * N));
      const pre = preprocess({ flux, ivar });
      expect(pre.ok).toBe(true);
      if (!pre.ok) continue;
      const [ours] = await rec.run(pre.value.F, 1);
      const golden = cols.reconstruction.subarray(r * nOut, (r + 1) * nOut);
      let maxAbs = 0, maxDiff = 0;
      for (let i = 0; i < nOut; i++) {
        maxAbs = Math.max(maxAbs, Math.abs(golden[i]));
        maxDiff = Math.max(maxDiff, Math.abs(golden[i] - ours.values[i]));
      }
      worstRecon = Math.max(worstRecon, maxDiff / maxAbs);

      scanner.setSpectrum(pre.value.F, pre.value.w);
      const S = scanner.scan(ours.values);
      const curve = cols.chi_square_curve.subarray(r * nOut, (r + 1) * nOut);
      for (let i = lo; i <= hi; i++) worstChi2 = Math.max(worstChi2, Math.abs(S[i - 2037] - curve[i]) / curve[i]);

      let argmin = 0;
      for (let i = 1; i < nOut; i++) if (curve[i] < curve[argmin]) argmin = i;
      if (argmin >= lo && argmin <= hi) {
        const entry = rec.entry;
        const R = ours.values;
        const scan = classScan(cls, S, pre.value.nGood, entry.outputGrid, 2, (s) => scanner.exact(R, s));
        const dex = Math.abs(Math.log10(1 + scan.minima[0].z) - Math.log10(1 + cols.Best_fit_z[r]));
        if (dex > 1e-4) {
          // Upstream multiplies the curve by a ramp cf² > 1 at shift 0 and at the last shift
          // (index 2037 and N_out − 2038): there our unweighted S may be the lower one.
          // Accept a disagreement only when that explains it and our χ² really is lower.
          const ourShift = Math.round(scan.minima[0].shift);
          expect([0, S.length - 1], `row ${r}: z ${scan.minima[0].z} vs upstream ${cols.Best_fit_z[r]}`).toContain(ourShift);
          expect(S[ourShift]).toBeLessThan(S[argmin - 2037]);
          rampExplained++;
        }
        zCompared++;
      }
    }
    console.log(`${file}: ${rows} spectra, max reconstruction Δ/max ${worstRecon.toExponential(2)}, max χ² rel Δ ${worstChi2.toExponential(2)}, z compared on ${zCompared} (${rampExplained} differ only through upstream's edge ramp)`);
    expect(worstRecon).toBeLessThanOrEqual(1e-4);
    expect(worstChi2).toBeLessThanOrEqual(1e-3);
    expect(zCompared).toBeGreaterThan(0);
  });
});
