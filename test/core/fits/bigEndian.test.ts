import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyFloatsBE } from '../../../src/core/fits/bigEndian.ts';

/** Rows of `count` big-endian floats at `offset` in rows of `rowBytes`, written with DataView. */
function rows(values: number[][], size: 4 | 8, rowBytes: number, offset: number): Uint8Array {
  const bytes = new Uint8Array(values.length * rowBytes);
  const view = new DataView(bytes.buffer);
  values.forEach((row, r) =>
    row.forEach((v, j) => (size === 4 ? view.setFloat32(r * rowBytes + offset + 4 * j, v) : view.setFloat64(r * rowBytes + offset + 8 * j, v))),
  );
  return bytes;
}

describe('copyFloatsBE', () => {
  it('equals a DataView decode for strided and contiguous rows, float32 and float64', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<4 | 8>(4, 8),
        fc.integer({ min: 1, max: 20 }), // runs of 4..160 bytes: both the byte loop and the subarray copy
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.double(), { minLength: 100, maxLength: 100 }),
        (size, count, nRows, pad, outStart, pool) => {
          const offset = pad;
          const rowBytes = pad === 0 ? count * size : count * size + pad + 3;
          const values = Array.from({ length: nRows }, (_, r) => pool.slice(r * count, (r + 1) * count));
          const bytes = rows(values, size, rowBytes, offset);
          const out = size === 4 ? new Float32Array(outStart + nRows * count) : new Float64Array(outStart + nRows * count);
          copyFloatsBE(bytes.subarray(0), nRows, rowBytes, offset, count, out, outStart);
          const want = values.flat().map((v) => (size === 4 ? Math.fround(v) : v));
          expect(Array.from(out.subarray(outStart))).toEqual(want);
          expect(Array.from(out.subarray(0, outStart)).every((v) => v === 0)).toBe(true);
        },
      ),
      { seed: 1, numRuns: 200 },
    );
  });

  it('keeps special values and works from an unaligned source', () => {
    const specials = [NaN, Infinity, -Infinity, -0, 5e-324, 1.7976931348623157e308];
    const bytes = new Uint8Array(1 + 8 * specials.length);
    const view = new DataView(bytes.buffer, 1);
    specials.forEach((v, i) => view.setFloat64(8 * i, v));
    const out = new Float64Array(specials.length);
    copyFloatsBE(bytes.subarray(1), 1, 0, 0, specials.length, out, 0);
    expect(Array.from(out)).toEqual(specials);
  });
});
