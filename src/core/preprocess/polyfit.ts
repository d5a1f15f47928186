/**
 * Unweighted least-squares polynomial fit on a fixed grid, evaluated on that grid.
 *
 * Works in a Chebyshev basis on x scaled to [−1, 1]: least squares gives the
 * same fitted values in any basis, and this one keeps the normal matrix well
 * conditioned in float64 (monomials of log10 λ ≈ 3.6 would not be). The grid
 * is the same for every spectrum, so the basis and the Gram matrix over all
 * pixels are made once; a fit then subtracts the few unused pixels.
 */

/** Fits y on the pixels where `use` is set and evaluates everywhere, into `out` when given ([n]). */
export type PolyFitter = (y: ArrayLike<number>, use: ArrayLike<number | boolean>, out?: Float64Array) => Float64Array;

/** A fitter for polynomials of `degree` on the grid `x` ([n], increasing). */
export function createPolyFitter(x: Float64Array, degree: number): PolyFitter {
  if (!Number.isInteger(degree) || degree < 0) throw new RangeError('polyfit: degree must be a non-negative integer');
  const n = x.length;
  const m = degree + 1;
  const mid = (x[n - 1] + x[0]) / 2;
  const half = (x[n - 1] - x[0]) / 2 || 1;
  /** [m·n] basis, row a = T_a(t_k). */
  const basis = new Float64Array(m * n);
  for (let k = 0; k < n; k++) {
    const t = (x[k] - mid) / half;
    basis[k] = 1;
    if (m > 1) basis[n + k] = t;
    for (let a = 2; a < m; a++) basis[a * n + k] = 2 * t * basis[(a - 1) * n + k] - basis[(a - 2) * n + k];
  }
  const gramAll = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += basis[a * n + k] * basis[b * n + k];
      gramAll[a * m + b] = gramAll[b * m + a] = s;
    }
  }

  // Fused single-pass loops: this runs once per spectrum in the hot path.
  const rows = Array.from({ length: m }, (_, a) => basis.subarray(a * n, (a + 1) * n));

  // Per-fit work arrays, reused: small, but each fresh one is an ArrayBuffer the browser's GC frees on its own.
  const gram = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  const work: SolveWork = { l: new Float64Array(m * m), y: new Float64Array(m), c: new Float64Array(m) };
  return (y, use, into) => {
    if (y.length !== n || use.length !== n) throw new RangeError(`polyfit: expected ${n} values and flags`);
    if (into && into.length !== n) throw new RangeError(`polyfit: out must have ${n} values`);
    gram.set(gramAll);
    rhs.fill(0);
    let count = n;
    if (m === 6) rhsDegree5(rows, y, use, rhs);
    else {
      for (let k = 0; k < n; k++) {
        if (!use[k]) continue;
        const yk = y[k];
        for (let a = 0; a < m; a++) rhs[a] += rows[a][k] * yk;
      }
    }
    for (let k = 0; k < n; k++) {
      if (use[k]) continue;
      count--;
      for (let a = 0; a < m; a++) {
        const ba = rows[a][k];
        for (let b = 0; b < m; b++) gram[a * m + b] -= ba * rows[b][k];
      }
    }
    const out = into ?? new Float64Array(n);
    // Under-determined: no continuum can be fitted; the caller flags the spectrum.
    const coef = count < m ? undefined : solveSymmetric(gram, rhs, m, work);
    if (!coef) return out.fill(Number.NaN);
    if (m === 6) evalDegree5(rows, coef, out);
    else {
      for (let k = 0; k < n; k++) {
        let v = 0;
        for (let a = 0; a < m; a++) v += coef[a] * rows[a][k];
        out[k] = v;
      }
    }
    return out;
  };
}

/** Σ_k T_a(x_k)·y_k over used pixels, degree 5 unrolled (the models' degree; the hot path). */
function rhsDegree5(rows: Float64Array[], y: ArrayLike<number>, use: ArrayLike<number | boolean>, rhs: Float64Array): void {
  const [b0, b1, b2, b3, b4, b5] = rows;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
  for (let k = 0; k < b0.length; k++) {
    if (!use[k]) continue;
    const v = y[k];
    s0 += b0[k] * v;
    s1 += b1[k] * v;
    s2 += b2[k] * v;
    s3 += b3[k] * v;
    s4 += b4[k] * v;
    s5 += b5[k] * v;
  }
  rhs[0] = s0;
  rhs[1] = s1;
  rhs[2] = s2;
  rhs[3] = s3;
  rhs[4] = s4;
  rhs[5] = s5;
}

function evalDegree5(rows: Float64Array[], c: Float64Array, out: Float64Array): void {
  const [b0, b1, b2, b3, b4, b5] = rows;
  const [c0, c1, c2, c3, c4, c5] = c;
  for (let k = 0; k < out.length; k++) out[k] = c0 * b0[k] + c1 * b1[k] + c2 * b2[k] + c3 * b3[k] + c4 * b4[k] + c5 * b5[k];
}

/** One-off fit (tests, tools): see createPolyFitter. */
export function polyfitEvaluate(x: Float64Array, y: ArrayLike<number>, use: ArrayLike<boolean | number>, degree: number): Float64Array {
  return createPolyFitter(x, degree)(y, use);
}

interface SolveWork {
  l: Float64Array;
  y: Float64Array;
  c: Float64Array;
}

/** Solve A c = b for a small symmetric positive-definite A (Cholesky) into work.c; undefined when singular. */
function solveSymmetric(a: Float64Array, b: Float64Array, m: number, work: SolveWork): Float64Array | undefined {
  const l = work.l.fill(0);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= l[i * m + k] * l[j * m + k];
      if (i === j) {
        if (!(s > 0)) return undefined;
        l[i * m + i] = Math.sqrt(s);
      } else {
        l[i * m + j] = s / l[j * m + j];
      }
    }
  }
  const y = work.y;
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * y[k];
    y[i] = s / l[i * m + i];
  }
  const c = work.c;
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < m; k++) s -= l[k * m + i] * c[k];
    c[i] = s / l[i * m + i];
  }
  return c;
}
