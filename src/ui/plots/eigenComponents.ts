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
