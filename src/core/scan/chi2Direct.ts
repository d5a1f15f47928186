/**
 * The χ² scan as the plain O(n·N) sum. Only a test oracle for chi2Fft.ts:
 * it is ~50× slower than the FFT for the QSO range.
 */
export function chi2Direct(F: ArrayLike<number>, w: ArrayLike<number>, R: ArrayLike<number>): Float64Array {
  const n = F.length;
  if (w.length !== n) throw new RangeError('chi2Direct: F and w lengths differ');
  if (R.length < n) throw new RangeError('chi2Direct: reconstruction shorter than spectrum');
  const out = new Float64Array(R.length - n + 1);
  for (let s = 0; s < out.length; s++) {
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const d = F[k] - R[s + k];
      sum += w[k] * d * d;
    }
    out[s] = sum;
  }
  return out;
}
