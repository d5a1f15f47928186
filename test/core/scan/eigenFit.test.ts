/**
 * The eigenspectrum fit by FFT equals the direct least-squares fit at every shift, recovers a
 * spectrum built from the eigenspectra at a known shift, and on real spectra it is the estimator
 * that decides for non-SDSS instruments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEigenFitter, explained, type EigenFitter } from '../../../src/core/scan/eigenFit.ts';
import { loadPffft } from '../../../src/core/scan/pffft.ts';
import { N_INPUT } from '../../../src/core/grid/modelGrid.ts';
import { loadEigenspectra } from '../../../tools/lib/nodeModels.ts';
import { seededRandom } from '../grid/seededRandom.ts';

let galaxy: EigenFitter;
let eigen: Float32Array[];

beforeAll(async () => {
  eigen = (await loadEigenspectra()).GALAXY;
  galaxy = createEigenFitter(await loadPffft(), eigen);
});

describe('explained (Cholesky)', () => {
  it('gives bᵀA⁻¹b and the coefficients of a small system', () => {
    const a = Float64Array.from([4, 2, 2, 3]);
    const c = new Float64Array(2);
    // A⁻¹ = [3 −2; −2 4]/8, b = (2, 1): A⁻¹b = (0.5, 0), bᵀA⁻¹b = 1
    expect(explained(a, Float64Array.from([2, 1]), 2, c)).toBeCloseTo(1, 7);
    expect(c[0]).toBeCloseTo(0.5, 7);
    expect(c[1]).toBeCloseTo(0, 7);
  });
});

describe('eigenspectrum fit', () => {
  it('recovers a spectrum made of the eigenspectra at a known shift, with χ² ≈ the noise', () => {
    const { normal } = seededRandom(7);
    const shift = 1234;
    const coef = [3, -1, 0.5, 0.2, 0, 0, 0.1, 0, 0, 0];
    const F = new Float32Array(N_INPUT);
    const w = new Float32Array(N_INPUT).fill(100); // σ = 0.1
    for (let k = 0; k < N_INPUT; k++) {
      let v = 0;
      for (let j = 0; j < 10; j++) v += coef[j] * eigen[j][k + shift];
      F[k] = v + 0.1 * normal();
    }
    for (let k = 1000; k < 1400; k++) w[k] = 0; // a gap: no information there
    const chi2 = galaxy.scan(F, w);
    let best = 0;
    for (let s = 1; s < chi2.length; s++) if (chi2[s] < chi2[best]) best = s;
    expect(best).toBe(shift);
    const e = galaxy.exact(F, w, shift);
    expect(e.coefficients[0]).toBeCloseTo(3, 1);
    expect(e.coefficients[1]).toBeCloseTo(-1, 1);
    // FFT curve and float64 direct fit agree where the fit is good
    expect(Math.abs(chi2[shift] - e.chi2) / e.chi2).toBeLessThan(1e-2);
  });

  it('FFT χ² equals the direct fit at shifts across the range', () => {
    const { uniform: rnd } = seededRandom(3);
    const F = Float32Array.from({ length: N_INPUT }, () => rnd() - 0.5);
    const w = Float32Array.from({ length: N_INPUT }, () => 1 + rnd());
    const chi2 = galaxy.scan(F, w);
    for (const s of [0, 17, 1500, chi2.length - 1]) {
      const direct = galaxy.exact(F, w, s).chi2;
      expect(Math.abs(chi2[s] - direct) / direct).toBeLessThan(1e-4);
    }
  });

  it('combine gives Σ c_j E_j', () => {
    const r = galaxy.combine([1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(r[100]).toBeCloseTo(eigen[0][100] + 2 * eigen[9][100], 5);
  });
});
