/**
 * A class's rest-frame reconstruction placed on the observed (input) grid at
 * a shift s: observed pixel k sees output pixel s + k (METHOD.md §4).
 */
import { N_INPUT } from '../../core/grid/modelGrid.ts';

/**
 * [n] values[s + k] for k < n, linearly interpolated for a fractional shift;
 * NaN where s + k falls outside the reconstruction. Throws RangeError for a
 * non-finite shift or n < 1.
 */
export function reconstructionAt(values: Float32Array, shift: number, n: number = N_INPUT): Float32Array {
  if (!Number.isFinite(shift)) throw new RangeError(`shift must be finite, got ${shift}`);
  if (!(n >= 1)) throw new RangeError(`n must be ≥ 1, got ${n}`);
  const out = new Float32Array(n);
  const i0 = Math.floor(shift);
  const t = shift - i0;
  const last = values.length - 1;
  for (let k = 0; k < n; k++) {
    const i = i0 + k;
    if (t === 0) {
      out[k] = i >= 0 && i <= last ? values[i] : Number.NaN;
    } else {
      out[k] = i >= 0 && i + 1 <= last ? values[i] * (1 - t) + values[i + 1] * t : Number.NaN;
    }
  }
  return out;
}

