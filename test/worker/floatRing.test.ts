/** The worker's float ring: blocks in order, never across a segment, laps that reuse the same memory. */
import { describe, expect, it } from 'vitest';
import { createFloatRing } from '../../src/worker/floatRing.ts';

describe('float ring', () => {
  it('hands out blocks in order within segments, and after a lap reuses the same segments', () => {
    const ring = createFloatRing(100, 40); // 2 segments of 40 (the 20 left over are not used)
    const a = ring.take(30);
    expect([a.start, a.lap, a.data.length]).toEqual([0, 0, 30]);
    const b = ring.take(30); // does not fit the rest of segment 0: starts segment 1
    expect([b.start, b.lap]).toEqual([40, 0]);
    expect(ring.allocated).toBe(80);
    const at = ring.place(30)!; // past the last segment: lap 1 from the start
    expect(at).toEqual({ start: 0, lap: 1 });
    expect(ring.overwrites(at, 30, a)).toBe(true);
    expect(ring.overwrites(at, 30, b)).toBe(false);
    const c = ring.take(30);
    c.data.fill(7);
    expect(a.data.every((x) => x === 7)).toBe(true); // the same memory as a's
    expect(ring.allocated).toBe(80);
    expect(ring.place(41)).toBeUndefined(); // larger than a segment
  });

  it('tells exactly which earlier blocks a new one overwrites', () => {
    const ring = createFloatRing(64, 64);
    const sizes = [10, 20, 5, 25, 12, 30, 7, 9, 33, 3, 17, 21];
    const live: { start: number; lap: number; data: Float32Array; tag: number }[] = [];
    sizes.forEach((n, tag) => {
      const at = ring.place(n)!;
      while (live.length > 0 && ring.overwrites(at, n, live[0])) live.shift();
      const block = ring.take(n);
      block.data.fill(tag);
      live.push({ ...block, tag });
      // Every block still held has its own contents: none was written over without being dropped.
      for (const l of live) expect(l.data.every((x) => x === l.tag)).toBe(true);
    });
    expect(live.length).toBeGreaterThan(1);
  });
});
