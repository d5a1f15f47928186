/**
 * The eigenspectra E of an encoder, read from its `encoder-<cls>-eigen.f32`
 * file (float32 little-endian, row-major [nEigen, nOut]). For plots: the
 * encoder's reconstruction is A·Σ_j c_j·E_j, computed inside its ONNX graph.
 */
import { fail, ok, type Result } from '../types.ts';
import type { ModelEntry } from './manifest.ts';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** [nEigen] arrays of [nOut] values on the entry's rest-frame output grid. */
export function readEigenspectra(bytes: Uint8Array, entry: ModelEntry): Result<Float32Array[]> {
  if (!entry.eigen) throw new RangeError(`${entry.file} has no eigenspectra (only encoders do)`);
  const { n } = entry.eigen;
  const nOut = entry.outputGrid.n;
  if (bytes.length !== n * nOut * 4) {
    return fail({
      code: 'model-load',
      message: `${entry.eigen.file} has ${bytes.length} bytes, expected ${n}·${nOut}·4 = ${n * nOut * 4}: fetch it again.`,
    });
  }
  const all = new Float32Array(n * nOut);
  if (LITTLE_ENDIAN) {
    new Uint8Array(all.buffer).set(bytes);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < all.length; i++) all[i] = view.getFloat32(4 * i, true);
  }
  const rows: Float32Array[] = [];
  for (let j = 0; j < n; j++) rows.push(all.subarray(j * nOut, (j + 1) * nOut));
  return ok(rows);
}
