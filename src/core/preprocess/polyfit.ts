/**
 * Unweighted least-squares polynomial fit, evaluated on a grid.
 *
 * Works in a Chebyshev basis on x scaled to [−1, 1]: least squares gives the
 * same fitted values in any basis, and this one keeps the 6×6 normal matrix
 * well conditioned in float64 (monomials of log10 λ ≈ 3.6 would not be).
 */

/** Fit y(x) on the pixels where `use[i]` is true; return the fit at every x. [n] → [n]. */
export function polyfitEvaluate(x: Float64Array, y: ArrayLike<number>, use: ArrayLike<boolean | number>, degree: number): Float64Array {
  const n = x.length;
  if (y.length !== n || use.length !== n) throw new RangeError('polyfitEvaluate: x, y and use must have the same length');
  if (!Number.isInteger(degree) || degree < 0) throw new RangeError('polyfitEvaluate: degree must be a non-negative integer');
  const m = degree + 1;
  const lo = x[0];
  const hi = x[n - 1];
  const mid = (hi + lo) / 2;
  const half = (hi - lo) / 2 || 1;

  const basis = new Float64Array(m);
  const ata = new Float64Array(m * m);
  const aty = new Float64Array(m);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!use[i]) continue;
    count++;
    chebyshev((x[i] - mid) / half, basis);
    const yi = y[i];
    for (let a = 0; a < m; a++) {
      const ba = basis[a];
      aty[a] += ba * yi;
      for (let b = 0; b <= a; b++) ata[a * m + b] += ba * basis[b];
    }
  }
  const out = new Float64Array(n);
  if (count < m) {
    // Under-determined: no continuum can be fitted; the caller flags the spectrum.
    out.fill(Number.NaN);
    return out;
  }
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) ata[a * m + b] = ata[b * m + a];
  const coef = solveSymmetric(ata, aty, m);
  for (let i = 0; i < n; i++) {
    chebyshev((x[i] - mid) / half, basis);
    let s = 0;
    for (let a = 0; a < m; a++) s += coef[a] * basis[a];
    out[i] = s;
  }
  return out;
}

/** T_0..T_{m−1}(t) into `out`. */
function chebyshev(t: number, out: Float64Array): void {
  out[0] = 1;
  if (out.length > 1) out[1] = t;
  for (let k = 2; k < out.length; k++) out[k] = 2 * t * out[k - 1] - out[k - 2];
}

/** Solve A c = b for a small symmetric positive-definite A (Cholesky). Singular → NaN. */
function solveSymmetric(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= l[i * m + k] * l[j * m + k];
      if (i === j) {
        if (!(s > 0)) return new Float64Array(m).fill(Number.NaN);
        l[i * m + i] = Math.sqrt(s);
      } else {
        l[i * m + j] = s / l[j * m + j];
      }
    }
  }
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * y[k];
    y[i] = s / l[i * m + i];
  }
  const c = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < m; k++) s -= l[k * m + i] * c[k];
    c[i] = s / l[i * m + i];
  }
  return c;
}
