import { describe, expect, it } from 'vitest';
import { installAllocationProbe } from '../../tools/allocationProbe.ts';
import { allocationBudget, contentBytes } from '../../tools/fuzzBudget.ts';
import { gzipSync } from 'node:zlib';

describe('installAllocationProbe', () => {
  it('records the largest new array or buffer, not views of existing buffers, and uninstalls', () => {
    const Original = Float64Array;
    const probe = installAllocationProbe();
    try {
      const a = new Float64Array(1000);
      expect(probe.largest()).toBe(8000);
      expect(probe.largestKind()).toBe('Float64Array');
      a.subarray(10, 20);
      new Uint8Array(a.buffer);
      expect(probe.largest()).toBe(8000);
      Float32Array.from([1, 2, 3]);
      a.slice(0, 2000 / 8);
      new ArrayBuffer(12_000);
      expect(probe.largest()).toBe(12_000);
      expect(probe.largestKind()).toBe('ArrayBuffer');
      probe.reset();
      expect(probe.largest()).toBe(0);
      new Uint16Array([1, 2, 3, 4]);
      expect(probe.largest()).toBe(8);
    } finally {
      probe.uninstall();
    }
    expect(globalThis.Float64Array).toBe(Original);
  });
});

describe('allocationBudget', () => {
  it('is 8 bytes per byte of content, counting a gzip file at its inflated size', () => {
    const raw = new Uint8Array(100_000).fill(32);
    expect(contentBytes(raw)).toBe(100_000);
    const gz = new Uint8Array(gzipSync(raw));
    expect(gz.length).toBeLessThan(1000);
    expect(contentBytes(gz)).toBe(100_000);
    expect(allocationBudget(gz)).toBe(8 * 100_000 + 256 * 1024);
  });
});
