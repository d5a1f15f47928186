/**
 * The classical estimator beside the encoder's one prediction (GaSNet-III
 * paper, eq. 22–26): at every shift s, fit the class's eigenspectra E_j to the
 * spectrum by weighted least squares and keep the χ² of that fit,
 *
 *   χ²(s) = Σ w F² − bᵀ A⁻¹ b,   A_jm(s) = Σ_k w_k E_j(k+s) E_m(k+s),   b_j(s) = Σ_k (wF)_k E_j(k+s).
 *
 * Every A_jm and b_j is a correlation over all shifts at once: 55 + 10 for 10
 * eigenspectra, done like chi2Fft.ts with real FFTs (PFFFT). The transforms
 * of E_j and E_j·E_m depend only on the model and are made once; per spectrum
 * it costs two forward transforms, 65 inverse ones and a 10×10 Cholesky per
 * shift. Unlike the encoder, the coefficients are free (any sign), so a
 * spectrum unlike the training set — short coverage, an instrument response,
 * another survey's resolution — is still fitted at its best.
 */
import { fftLength } from './chi2Fft.ts';
import { PFFFT_BACKWARD, PFFFT_FORWARD, PFFFT_REAL, type PffftModule } from './pffft.ts';

export interface EigenFitter {
  /** χ²(s) of the best eigenspectrum fit for s = 0 … nOut − F.length (raw sum, not reduced). */
  scan(F: Float32Array, w: Float32Array): Float64Array;
  /** The fit at one shift in float64 (for polishing minima and for plots): χ² and coefficients. */
  exact(F: Float32Array, w: Float32Array, s: number): { chi2: number; coefficients: Float64Array };
  /** Σ c_j E_j over the whole output grid. */
  combine(coefficients: ArrayLike<number>): Float32Array;
  nOut: number;
}

/** Relative ridge added to A's diagonal: keeps shifts where few pixels overlap solvable. */
const RIDGE = 1e-9;

export function createEigenFitter(m: PffftModule, eigen: readonly Float32Array[]): EigenFitter {
  const nE = eigen.length;
  const nOut = eigen[0].length;
  const L = fftLength(nOut);
  const setup = m._pffft_new_setup(L, PFFFT_REAL);
  if (setup === 0) throw new RangeError(`PFFFT cannot make a real transform of length ${L}`);
  const buf = () => m._pffft_aligned_malloc(L * 4) >> 2;
  const input = buf();
  const work = buf();
  const acc = buf();
  const out = buf();
  const kernelWF = buf();
  const kernelW = buf();
  const pairs: [number, number][] = [];
  for (let j = 0; j < nE; j++) for (let k = j; k < nE; k++) pairs.push([j, k]);
  const pairRow = Int32Array.from(pairs, ([j]) => j);
  const pairCol = Int32Array.from(pairs, ([, k]) => k);
  const fE = eigen.map(() => buf());
  const fEE = pairs.map(() => buf());
  const forward = (dst: number) => m._pffft_transform(setup, input << 2, dst << 2, work << 2, PFFFT_FORWARD);
  const load = (values: (i: number) => number, n: number) => {
    const h = m.HEAPF32;
    h.fill(0, input, input + L);
    for (let i = 0; i < n; i++) h[input + i] = values(i);
  };
  eigen.forEach((e, j) => {
    load((i) => e[i], nOut);
    forward(fE[j]);
  });
  pairs.forEach(([j, k], p) => {
    load((i) => eigen[j][i] * eigen[k][i], nOut);
    forward(fEE[p]);
  });

  /** Correlation of the current kernel with a model transform, at the valid shifts. */
  function correlate(kernel: number, model: number, n: number, nShift: number, dst: Float64Array): void {
    let h = m.HEAPF32;
    h.fill(0, acc, acc + L);
    m._pffft_zconvolve_accumulate(setup, kernel << 2, model << 2, acc << 2, 1 / L);
    m._pffft_transform(setup, acc << 2, out << 2, work << 2, PFFFT_BACKWARD);
    h = m.HEAPF32;
    const base = out + n - 1;
    for (let s = 0; s < nShift; s++) dst[s] = h[base + s];
  }

  function scan(F: Float32Array, w: Float32Array): Float64Array {
    const n = F.length;
    const nShift = nOut - n + 1;
    if (nShift < 1) throw new RangeError(`eigen fit: eigenspectra (${nOut}) shorter than the spectrum (${n})`);
    let sumWF2 = 0;
    for (let k = 0; k < n; k++) sumWF2 += w[k] * F[k] * F[k];
    load((i) => w[n - 1 - i] * F[n - 1 - i], n);
    forward(kernelWF);
    load((i) => w[n - 1 - i], n);
    forward(kernelW);
    const b = eigen.map(() => new Float64Array(nShift));
    const A = pairs.map(() => new Float64Array(nShift));
    eigen.forEach((_, j) => correlate(kernelWF, fE[j], n, nShift, b[j]));
    pairs.forEach((_, p) => correlate(kernelW, fEE[p], n, nShift, A[p]));
    const chi2 = new Float64Array(nShift);
    const a = new Float64Array(nE * nE);
    const rhs = new Float64Array(nE);
    const scratch = new Float64Array(nE);
    const nPairs = pairs.length;
    for (let s = 0; s < nShift; s++) {
      // Plain loops: this runs for every shift (up to ~8000 per class).
      for (let p = 0; p < nPairs; p++) a[pairRow[p] * nE + pairCol[p]] = A[p][s];
      for (let j = 0; j < nE; j++) rhs[j] = b[j][s];
      chi2[s] = sumWF2 - explained(a, rhs, nE, undefined, scratch);
    }
    return chi2;
  }

  function exact(F: Float32Array, w: Float32Array, s: number): { chi2: number; coefficients: Float64Array } {
    const n = F.length;
    const a = new Float64Array(nE * nE);
    const rhs = new Float64Array(nE);
    let sumWF2 = 0;
    for (let k = 0; k < n; k++) {
      const wk = w[k];
      if (wk === 0) continue;
      sumWF2 += wk * F[k] * F[k];
      for (let j = 0; j < nE; j++) {
        const ej = eigen[j][k + s];
        rhs[j] += wk * F[k] * ej;
        for (let i = j; i < nE; i++) a[j * nE + i] += wk * ej * eigen[i][k + s];
      }
    }
    for (let j = 0; j < nE; j++) for (let i = 0; i < j; i++) a[j * nE + i] = a[i * nE + j];
    const coefficients = new Float64Array(nE);
    const explainedSum = explained(a, rhs, nE, coefficients);
    return { chi2: sumWF2 - explainedSum, coefficients };
  }

  function combine(c: ArrayLike<number>): Float32Array {
    const out = new Float32Array(nOut);
    for (let j = 0; j < nE; j++) {
      const e = eigen[j];
      const cj = c[j];
      for (let i = 0; i < nOut; i++) out[i] += cj * e[i];
    }
    return out;
  }

  return { scan, exact, combine, nOut };
}

/**
 * bᵀ A⁻¹ b by Cholesky (A symmetric positive semi-definite; `a` is overwritten), with a small
 * ridge so that a shift where the eigenspectra barely overlap the data stays finite.
 * Writes the coefficients A⁻¹ b into `coef` when given.
 */
export function explained(a: Float64Array, b: Float64Array, n: number, coef?: Float64Array, scratch = new Float64Array(n)): number {
  let trace = 0;
  for (let j = 0; j < n; j++) trace += a[j * n + j];
  const ridge = (RIDGE * trace) / n + 1e-300;
  for (let j = 0; j < n; j++) a[j * n + j] += ridge;
  // In-place Cholesky on the upper triangle as given (j ≤ i): the lower triangle of a becomes L.
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0)) d = ridge;
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let v = a[j * n + i]; // A_ji from the upper triangle (the lower one holds L)
      for (let k = 0; k < j; k++) v -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = v / ljj;
    }
  }
  // y = L⁻¹ b; bᵀA⁻¹b = |y|².
  const y = scratch;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let v = b[i];
    for (let k = 0; k < i; k++) v -= a[i * n + k] * y[k];
    y[i] = v / a[i * n + i];
    sum += y[i] * y[i];
  }
  if (coef) {
    for (let i = n - 1; i >= 0; i--) {
      let v = y[i];
      for (let k = i + 1; k < n; k++) v -= a[k * n + i] * coef[k];
      coef[i] = v / a[i * n + i];
    }
  }
  return sum;
}
