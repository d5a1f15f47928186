import { describe, expect, it } from 'vitest';
import { copyForTransfer } from '../../src/worker/transfer.ts';

describe('copyForTransfer', () => {
  it('copies typed arrays into fresh buffers, listing each once, and leaves the source usable', () => {
    const shared = new Float64Array([1, 2, 3, 4]);
    const view = shared.subarray(1, 3);
    const src = { a: shared, nested: { b: view, list: [new Float32Array([5, 6])] }, n: 7, s: 'x', u: undefined };
    const { value, transfer } = copyForTransfer(src);
    expect(transfer).toHaveLength(3);
    expect(new Set(transfer).size).toBe(3);
    expect(Array.from(value.nested.b)).toEqual([2, 3]);
    expect(value.nested.b.buffer.byteLength).toBe(16); // the view alone, not its whole parent buffer
    // Transferring the copies detaches them, never the source's buffers.
    structuredClone(value, { transfer });
    expect(value.a.byteLength).toBe(0);
    expect(Array.from(shared)).toEqual([1, 2, 3, 4]);
    expect(src.n).toBe(7);
  });

  it('refuses class instances (they cannot be posted faithfully)', () => {
    expect(() => copyForTransfer({ m: new Map() })).toThrow(TypeError);
  });
});
