/**
 * χ² of the observed spectrum against a sliding reconstruction, for every
 * shift at once (METHOD.md §4):
 *
 *   S(s) = Σ w F² − 2 Σ_k (wF)_k R_{s+k} + Σ_k w_k R²_{s+k},  s = 0 … N_out − n
 *
 * Both sums are correlations, i.e. convolutions with the reversed kernels
 * (wF and w, reversed): conv(t) = corr(t − n + 1). They are done by real FFTs
 * of a power-of-two length L ≥ N_out (for valid shifts t < N_out ≤ L, so
 * circular wrap-around never reaches them), combined in the frequency domain
 * as −2·conv(wF, R) + conv(w, R²), so one inverse transform per class gives
 * the whole curve. Kernel transforms are made once per spectrum and length
 * and serve every class of that length.
 *
 * The transforms are float32 (PFFFT): the curve is accurate to ~1e-6 of Σ w F².
 * `exact` gives the float64 direct sum at one shift, used to polish minima.
 */
import { PFFFT_BACKWARD, PFFFT_FORWARD, PFFFT_REAL, type PffftModule } from './pffft.ts';

export interface Chi2Scanner {
  /** Set the spectrum (F, w: [n]) that following scans compare against. */
  setSpectrum(F: Float32Array, w: Float32Array): void;
  /** S(s) for s = 0 … R.length − n, into `out` when given ([R.length − n + 1]). */
  scan(R: Float32Array, out?: Float64Array): Float64Array;
  /** S(s) at one shift by the direct float64 sum. */
  exact(R: Float32Array, s: number): number;
}

interface Plan {
  L: number;
  setup: number;
  /** Float32 offsets (pointer / 4) of L-float buffers in the WASM heap. */
  input: number;
  work: number;
  kernelA: number; // transform of reversed wF
  kernelB: number; // transform of reversed w
  fR: number;
  fR2: number;
  acc: number;
  out: number;
  /** Kernels made for the current spectrum. */
  ready: boolean;
}

/** Smallest power of two ≥ n (PFFFT real transforms need a multiple of 32; powers of two ≥ 32 are). */
export function fftLength(n: number): number {
  let p = 32;
  while (p < n) p *= 2;
  return p;
}

export function createChi2Scanner(m: PffftModule): Chi2Scanner {
  let F: Float32Array = new Float32Array(0);
  let w: Float32Array = new Float32Array(0);
  let n = 0;
  let sumWF2 = 0;
  const plans = new Map<number, Plan>();

  function planFor(L: number): Plan {
    let p = plans.get(L);
    if (!p) {
      const buf = () => m._pffft_aligned_malloc(L * 4) >> 2;
      p = { L, setup: m._pffft_new_setup(L, PFFFT_REAL), input: buf(), work: buf(), kernelA: buf(), kernelB: buf(), fR: buf(), fR2: buf(), acc: buf(), out: buf(), ready: false };
      if (p.setup === 0) throw new RangeError(`PFFFT cannot make a real transform of length ${L}`);
      plans.set(L, p);
    }
    if (!p.ready) {
      const h = m.HEAPF32; // re-read: the heap may have grown
      h.fill(0, p.input, p.input + L);
      writeReversed(h, p.input, w, F, n);
      forward(p, p.kernelA);
      h.fill(0, p.input, p.input + L);
      writeReversed(h, p.input, w, undefined, n);
      forward(p, p.kernelB);
      p.ready = true;
    }
    return p;
  }

  const forward = (p: Plan, dst: number) => m._pffft_transform(p.setup, p.input << 2, dst << 2, p.work << 2, PFFFT_FORWARD);

  return {
    setSpectrum(newF, newW) {
      if (newF.length !== newW.length) throw new RangeError('chi2 scan: F and w lengths differ');
      F = newF;
      w = newW;
      n = newF.length;
      sumWF2 = weightedSumSquares(F, w);
      for (const p of plans.values()) p.ready = false;
    },

    scan(R, out) {
      const nOut = R.length;
      if (n === 0) throw new RangeError('chi2 scan: setSpectrum first');
      if (nOut < n) throw new RangeError(`chi2 scan: reconstruction (${nOut}) shorter than spectrum (${n})`);
      const nShift = nOut - n + 1;
      const result = out ?? new Float64Array(nShift);
      if (result.length !== nShift) throw new RangeError(`chi2 scan: out must have length ${nShift}`);
      const p = planFor(fftLength(nOut));
      const L = p.L;
      let h = m.HEAPF32;
      h.set(R, p.input);
      h.fill(0, p.input + nOut, p.input + L);
      forward(p, p.fR);
      h = m.HEAPF32;
      for (let i = 0; i < nOut; i++) h[p.input + i] = R[i] * R[i];
      forward(p, p.fR2);
      h = m.HEAPF32;
      h.fill(0, p.acc, p.acc + L);
      // PFFFT transforms are unnormalised: the inverse of a forward gives L× the input.
      m._pffft_zconvolve_accumulate(p.setup, p.kernelA << 2, p.fR << 2, p.acc << 2, -2 / L);
      m._pffft_zconvolve_accumulate(p.setup, p.kernelB << 2, p.fR2 << 2, p.acc << 2, 1 / L);
      m._pffft_transform(p.setup, p.acc << 2, p.out << 2, p.work << 2, PFFFT_BACKWARD);
      h = m.HEAPF32;
      const base = p.out + n - 1;
      for (let s = 0; s < nShift; s++) result[s] = sumWF2 + h[base + s];
      return result;
    },

    exact(R, s) {
      if (!(s >= 0 && s + n <= R.length)) throw new RangeError(`chi2 exact: shift ${s} outside 0…${R.length - n}`);
      return exactSum(F, w, R, s, n);
    },
  };
}

/** Σ w (F − R[s+k])² in float64. Monomorphic on purpose: it runs ~20 times per spectrum in the hot path. */
function exactSum(F: Float32Array, w: Float32Array, R: Float32Array, s: number, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const d = F[k] - R[s + k];
    sum += w[k] * d * d;
  }
  return sum;
}

/**
 * h[at + n − 1 − k] = w[k]·F[k] (or w[k] without F): a spectrum's kernels, reversed. A leaf function
 * for the reason weightedSumSquares is one (here, planFor was deoptimised ~60 times per 1500 plate
 * fibres: npm run bench:deopt).
 */
function writeReversed(h: Float32Array, at: number, w: Float32Array, F: Float32Array | undefined, n: number): void {
  const end = at + n - 1;
  if (F) for (let k = 0; k < n; k++) h[end - k] = w[k] * F[k];
  else for (let k = 0; k < n; k++) h[end - k] = w[k];
}

/** Σ w·F² — a leaf function: a hot loop inside setSpectrum was compiled on the stack and thrown away at its exit, spectrum after spectrum, in Chromium's workers. */
function weightedSumSquares(F: Float32Array, w: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < F.length; k++) sum += w[k] * F[k] * F[k];
  return sum;
}
