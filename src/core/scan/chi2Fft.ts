/**
 * χ² of the observed spectrum against a sliding reconstruction, for every
 * shift at once (METHOD.md §4):
 *
 *   S(s) = Σ w F² − 2 Σ_k (wF)_k R_{s+k} + Σ_k w_k R²_{s+k},  s = 0 … N_out − n
 *
 * The two sums are cross-correlations, done by FFT in O(L log L), L ≥ N_out a
 * power of two: for valid shifts s + k < N_out ≤ L, so circular wrap-around
 * never reaches them. Two real signals share one complex transform each way:
 * (wF, w) per spectrum and size, (R, R²) per class, and the two real
 * correlations come back together from one inverse transform.
 */
import { fftOfSize, nextPow2 } from './fft.ts';

export interface Chi2Scanner {
  /** Set the spectrum (F, w: [n]) that following scans compare against. */
  setSpectrum(F: ArrayLike<number>, w: ArrayLike<number>): void;
  /** S(s) for s = 0 … R.length − n, into `out` when given ([R.length − n + 1]). */
  scan(R: ArrayLike<number>, out?: Float64Array): Float64Array;
}

interface SizeState {
  /** Interleaved conj(FFT(wF)) and conj(FFT(w)), [2L] each, for the current spectrum. */
  ca: Float64Array;
  cb: Float64Array;
  work: Float64Array;
  spec: Float64Array;
  ready: boolean;
}

export function createChi2Scanner(): Chi2Scanner {
  let F: ArrayLike<number> = new Float64Array(0);
  let w: ArrayLike<number> = new Float64Array(0);
  let n = 0;
  let sumWF2 = 0;
  const sizes = new Map<number, SizeState>();

  function stateFor(L: number): SizeState {
    let st = sizes.get(L);
    if (!st) {
      st = {
        ca: new Float64Array(2 * L),
        cb: new Float64Array(2 * L),
        work: new Float64Array(2 * L),
        spec: new Float64Array(2 * L),
        ready: false,
      };
      sizes.set(L, st);
    }
    if (!st.ready) {
      // FFT(wF + i·w), then split the two real signals' spectra by Hermitian symmetry.
      const { work, spec, ca, cb } = st;
      work.fill(0);
      for (let k = 0; k < n; k++) {
        work[2 * k] = w[k] * F[k];
        work[2 * k + 1] = w[k];
      }
      fftOfSize(L).transform(spec, work);
      for (let k = 0; k < L; k++) {
        const j = (L - k) & (L - 1);
        const xr = spec[2 * k], xi = spec[2 * k + 1];
        const yr = spec[2 * j], yi = spec[2 * j + 1];
        // A = (X[k] + conj X[−k])/2 ; B = (X[k] − conj X[−k])/(2i); store their conjugates.
        ca[2 * k] = (xr + yr) / 2;
        ca[2 * k + 1] = -(xi - yi) / 2;
        cb[2 * k] = (xi + yi) / 2;
        cb[2 * k + 1] = (xr - yr) / 2;
      }
      st.ready = true;
    }
    return st;
  }

  return {
    setSpectrum(newF, newW) {
      if (newF.length !== newW.length) throw new RangeError('chi2 scan: F and w lengths differ');
      F = newF;
      w = newW;
      n = newF.length;
      sumWF2 = 0;
      for (let k = 0; k < n; k++) sumWF2 += w[k] * F[k] * F[k];
      for (const st of sizes.values()) st.ready = false;
    },

    scan(R, out) {
      const nOut = R.length;
      if (n === 0) throw new RangeError('chi2 scan: setSpectrum first');
      if (nOut < n) throw new RangeError(`chi2 scan: reconstruction (${nOut}) shorter than spectrum (${n})`);
      const nShift = nOut - n + 1;
      const result = out ?? new Float64Array(nShift);
      if (result.length !== nShift) throw new RangeError(`chi2 scan: out must have length ${nShift}`);
      const L = nextPow2(nOut);
      const st = stateFor(L);
      const { ca, cb, work, spec } = st;

      // FFT(R + i·R²)
      work.fill(0);
      for (let i = 0; i < nOut; i++) {
        const r = R[i];
        work[2 * i] = r;
        work[2 * i + 1] = r * r;
      }
      const fft = fftOfSize(L);
      fft.transform(spec, work);

      // Z = conj(A)·FFT(R) + i·conj(B)·FFT(R²): both correlations are real, so one inverse serves both.
      for (let k = 0; k < L; k++) {
        const j = (L - k) & (L - 1);
        const xr = spec[2 * k], xi = spec[2 * k + 1];
        const yr = spec[2 * j], yi = spec[2 * j + 1];
        const pr = (xr + yr) / 2, pi = (xi - yi) / 2; // FFT(R)[k]
        const qr = (xi + yi) / 2, qi = (yr - xr) / 2; // FFT(R²)[k]
        const ar = ca[2 * k], ai = ca[2 * k + 1];
        const br = cb[2 * k], bi = cb[2 * k + 1];
        const ur = ar * pr - ai * pi, ui = ar * pi + ai * pr; // conj(A)·FFT(R)
        const vr = br * qr - bi * qi, vi = br * qi + bi * qr; // conj(B)·FFT(R²)
        work[2 * k] = ur - vi;
        work[2 * k + 1] = ui + vr;
      }
      fft.inverseTransform(spec, work);
      for (let s = 0; s < nShift; s++) result[s] = sumWF2 - 2 * spec[2 * s] + spec[2 * s + 1];
      return result;
    },
  };
}
