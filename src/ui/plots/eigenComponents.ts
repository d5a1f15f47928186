/**
 * An encoder's reconstruction as its parts: R = A · Σ_j c_j · E_j over the
 * rest-frame grid (METHOD.md §3).
 */

/**
 * [nEigen][N_out] the weighted eigenspectra c_j·A·E_j. `eigen` is row-major
 * [nEigen · N_out] float32 as shipped (`encoder-<cls>-eigen.f32`). Throws
 * RangeError when the lengths disagree.
 */
export function weightedEigenspectra(eigen: Float32Array, coefficients: Float32Array, amplitude: number): Float32Array[] {
  const nEigen = coefficients.length;
  if (nEigen === 0 || eigen.length % nEigen !== 0) {
    throw new RangeError(`eigenspectra length ${eigen.length} is not a multiple of ${nEigen} coefficients`);
  }
  const nOut = eigen.length / nEigen;
  const out: Float32Array[] = [];
  for (let j = 0; j < nEigen; j++) {
    const wj = coefficients[j] * amplitude;
    const row = new Float32Array(nOut);
    const off = j * nOut;
    for (let i = 0; i < nOut; i++) row[i] = wj * eigen[off + i];
    out.push(row);
  }
  return out;
}

/** [N_out] Σ_j of the components (accumulated in float64). */
export function sumComponents(components: readonly Float32Array[]): Float64Array {
  if (components.length === 0) throw new RangeError('no components to sum');
  const n = components[0].length;
  const out = new Float64Array(n);
  for (const c of components) {
    if (c.length !== n) throw new RangeError('components differ in length');
    for (let i = 0; i < n; i++) out[i] += c[i];
  }
  return out;
}

/**
 * At most ~`maxPoints` points of (x, y) for drawing: each bucket of
 * consecutive samples keeps its minimum and maximum, in x order, so narrow
 * lines survive. Returns the input unchanged when it is already short.
 */
export function decimateMinMax(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): { x: number[]; y: number[] } {
  if (x.length !== y.length) throw new RangeError('x and y differ in length');
  const n = y.length;
  if (n <= maxPoints) return { x: Array.from(x), y: Array.from(y) };
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = n / buckets;
  const ox: number[] = [];
  const oy: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const i0 = Math.floor(b * size);
    const i1 = Math.min(n, Math.floor((b + 1) * size));
    let iMin = i0;
    let iMax = i0;
    for (let i = i0; i < i1; i++) {
      if (y[i] < y[iMin]) iMin = i;
      if (y[i] > y[iMax]) iMax = i;
    }
    const [a, c] = iMin <= iMax ? [iMin, iMax] : [iMax, iMin];
    ox.push(x[a]);
    oy.push(y[a]);
    if (c !== a) {
      ox.push(x[c]);
      oy.push(y[c]);
    }
  }
  return { x: ox, y: oy };
}
