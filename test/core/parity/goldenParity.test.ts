/**
 * Parity with the published pipeline (issue 2, item 5; issue 15): the upstream
 * golden spectra (test/fixtures/golden, copied from shared/upstream-gasnet3/golden)
 * go the way a user's file goes — a Spectrum on its wavelengths, toModelGrid,
 * then the whole pipeline (scan/pipeline.ts: preprocessing, the exported ONNX
 * models in one batch, the FFT χ² scan, minima) — and are compared with
 * upstream's reconstructions, χ² curves and best redshifts.
 *
 * Limits are set just above what is achieved today (the log line prints it),
 * so a regression fails: reconstruction as max |Δ| / max |golden|, χ² as the
 * max relative difference on the full-overlap shifts (upstream curve index
 * i ∈ [2038, N_out − 2039] is our shift i − 2037), best z within one pixel
 * (1e-4 dex) wherever upstream's minimum is in that range. The UNet golden
 * data cover STAR only (the first 25 spectra); there is none for GALAXY or QSO.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, openFits } from '../../../src/core/fits/index.ts';
import type { ColumnData, FitsFile } from '../../../src/core/fits/types.ts';
import { inputWavelengths } from '../../../src/core/grid/modelGrid.ts';
import { toModelGrid } from '../../../src/core/grid/toModelGrid.ts';
import { FIT_PARAMETERS } from '../../../src/core/scan/classScan.ts';
import type { AnalysisResult } from '../../../src/core/scan/types.ts';
import type { GriddedSpectrum, ModelFamily, SpectralClass } from '../../../src/core/types.ts';
import { loadAnalyzer } from '../../../tools/lib/nodeModels.ts';

const GOLDEN = join(import.meta.dirname, '..', '..', 'fixtures', 'golden');
const N = 4076;
/** Upstream's curve index of our shift 0. */
const OFFSET = 2037;

interface Case {
  file: string;
  family: ModelFamily;
  cls: SpectralClass;
  /** Max reconstruction |Δ|/max and χ² relative Δ allowed (achieved today, rounded up). */
  recon: number;
  chi2: number;
}

const CASES: Case[] = [
  { file: 'test_Encoder_SDSS_STAR_reconstruction_examples.fits', family: 'encoder', cls: 'STAR', recon: 1e-6, chi2: 1e-6 },
  { file: 'test_Encoder_SDSS_GALAXY_reconstruction_examples.fits', family: 'encoder', cls: 'GALAXY', recon: 1.2e-6, chi2: 3e-6 },
  { file: 'test_Encoder_SDSS_QSO_reconstruction_examples.fits', family: 'encoder', cls: 'QSO', recon: 5e-7, chi2: 5e-6 },
  { file: 'test_classfy_Encoder_SDSS_STAR_reconstruction_examples.fits', family: 'encoder', cls: 'STAR', recon: 1.2e-6, chi2: 1.5e-4 },
  { file: 'test_classfy_UNetL1SmoFlip_SDSS_STAR_reconstruction_examples_first25.fits', family: 'unet', cls: 'STAR', recon: 3e-5, chi2: 1.5e-4 },
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

describe.each(CASES)('golden parity through toModelGrid and the pipeline: $file', ({ file, family, cls, recon, chi2 }) => {
  let cols: Record<string, Float64Array | Float32Array>;
  let results: AnalysisResult[];
  let rows = 0;

  beforeAll(async () => {
    const opened = await openFits(bytesSource(file, new Uint8Array(readFileSync(join(GOLDEN, file)))));
    if (!opened.ok) throw new Error(opened.error.message);
    cols = await numbers(opened.value, 1, ['flux', 'ivar', 'reconstruction', 'chi_square_curve', 'Best_fit_z']);
    rows = cols.Best_fit_z.length;
    const wavelength = inputWavelengths();
    const gridded: GriddedSpectrum[] = [];
    for (let r = 0; r < rows; r++) {
      const flux = Float32Array.from(cols.flux.subarray(r * N, (r + 1) * N));
      const ivar = Float32Array.from(cols.ivar.subarray(r * N, (r + 1) * N));
      const g = toModelGrid({ wavelength, flux, ivar, frame: { medium: 'vacuum' } });
      if (!g.ok) throw new Error(`row ${r}: ${g.error.message}`);
      expect(g.value.copied).toBe(true); // on the model grid already: copied pixel for pixel
      gridded.push(g.value);
    }
    const analysed = await (await loadAnalyzer(family)).analyze(gridded);
    results = analysed.map((a, r) => {
      if (!a.ok) throw new Error(`row ${r}: ${a.error.message}`);
      return a.value;
    });
  });

  it('reconstructions, χ² curves and best redshifts match upstream', () => {
    let worstRecon = 0;
    let worstChi2 = 0;
    let zCompared = 0;
    let rampExplained = 0;
    for (let r = 0; r < rows; r++) {
      const a = results[r];
      const ours = a.reconstructions[cls].values;
      const nOut = ours.length;
      const golden = cols.reconstruction.subarray(r * nOut, (r + 1) * nOut);
      let maxAbs = 0, maxDiff = 0;
      for (let i = 0; i < nOut; i++) {
        maxAbs = Math.max(maxAbs, Math.abs(golden[i]));
        maxDiff = Math.max(maxDiff, Math.abs(golden[i] - ours[i]));
      }
      worstRecon = Math.max(worstRecon, maxDiff / maxAbs);

      // Our curve is the reduced χ²; upstream's is the sum.
      const dof = Math.max(a.nGood - FIT_PARAMETERS, 1);
      const scan = a.scans[cls];
      const curve = cols.chi_square_curve.subarray(r * nOut, (r + 1) * nOut);
      const lo = OFFSET + 1, hi = nOut - OFFSET - 2;
      for (let i = lo; i <= hi; i++) worstChi2 = Math.max(worstChi2, Math.abs(scan.chi2[i - OFFSET] * dof - curve[i]) / curve[i]);

      let argmin = 0;
      for (let i = 1; i < nOut; i++) if (curve[i] < curve[argmin]) argmin = i;
      if (argmin < lo || argmin > hi) continue;
      const best = scan.minima[0];
      expect(best.z).toBe(a.zByClass[cls]);
      const dex = Math.abs(Math.log10(1 + best.z) - Math.log10(1 + cols.Best_fit_z[r]));
      if (dex > 1e-4) {
        // Upstream multiplies the curve by a ramp cf² > 1 at shift 0 and at the last shift
        // (index 2037 and N_out − 2038): there our unweighted χ² may be the lower one.
        // Accept a disagreement only when that explains it and our χ² really is lower.
        const ourShift = Math.round(best.shift);
        expect([0, scan.chi2.length - 1], `row ${r}: z ${best.z} vs upstream ${cols.Best_fit_z[r]}`).toContain(ourShift);
        expect(scan.chi2[ourShift]).toBeLessThan(scan.chi2[argmin - OFFSET]);
        rampExplained++;
      }
      zCompared++;
    }
    console.log(`${file}: ${rows} spectra, max reconstruction Δ/max ${worstRecon.toExponential(2)}, max χ² rel Δ ${worstChi2.toExponential(2)}, z compared on ${zCompared} (${rampExplained} differ only through upstream's edge ramp)`);
    expect(worstRecon).toBeLessThanOrEqual(recon);
    expect(worstChi2).toBeLessThanOrEqual(chi2);
    expect(zCompared).toBeGreaterThan(rows * 0.8);
  });
});
