/**
 * Float32 storage written round and round, for what a worker keeps per spectrum (analysisCache.ts).
 *
 * Why not a new Float32Array per kept curve: in Chromium on this 2-core VM every 4 kB page of fresh
 * ArrayBuffer memory costs some 25–35 µs the first time it is touched (e2e/benchFreshMemory.mjs),
 * and the garbage collector frees old buffers one by one, so ~50 kB of new arrays per spectrum
 * cost more than the χ² scans that made them. The ring's pages are touched once and then reused.
 *
 * Space is handed out in order, in segments allocated as they are first needed (memory grows with
 * use, up to `floats`); a block never straddles two segments. When the end is reached, writing
 * starts again at the beginning of the next lap. A block is identified by its lap and start: it is
 * overwritten by a later lap's block that reaches past its start, which the caller learns from
 * `overwrites` before writing and must stop using (the cache drops those entries, oldest first).
 */
export interface RingBlock {
  /** Position of its first float, counted over the segments laid end to end. */
  readonly start: number;
  readonly lap: number;
  /** The floats (a view into one segment). */
  readonly data: Float32Array;
}

export interface FloatRing {
  /** Where the next block of `n` floats goes (nothing is written yet), or undefined if n exceeds a segment. */
  place(n: number): { start: number; lap: number } | undefined;
  /** Whether writing `n` floats at `place(n)` overwrites `block` (a block of an earlier lap). */
  overwrites(at: { start: number; lap: number }, n: number, block: { start: number; lap: number }): boolean;
  /** Take the block at `place(n)` (the caller has dropped what it overwrites). */
  take(n: number): RingBlock;
  /** Floats allocated so far (segments touched). */
  readonly allocated: number;
}

/** Segments of 8 MiB: a small session allocates one. */
export const SEGMENT_FLOATS = 2 * 1024 * 1024;

export function createFloatRing(floats: number, segmentFloats = SEGMENT_FLOATS): FloatRing {
  const segLen = Math.max(1, Math.min(segmentFloats, Math.floor(floats)));
  const nSegments = Math.max(1, Math.floor(Math.max(floats, 1) / segLen));
  const segments: Float32Array[] = [];
  let head = 0; // next free position (global)
  let lap = 0;

  const place = (n: number) => {
    if (n > segLen) return undefined;
    let start = head;
    let l = lap;
    const offset = start % segLen;
    if (offset + n > segLen) start += segLen - offset; // not across a segment's end
    if (start + n > nSegments * segLen) {
      start = 0;
      l++;
    }
    return { start, lap: l };
  };

  return {
    place,
    overwrites: (at, n, block) => block.lap < at.lap && block.start < at.start + n,
    take(n) {
      const at = place(n);
      if (!at) throw new RangeError(`a block of ${n} floats does not fit a segment of ${segLen}`);
      head = at.start + n;
      lap = at.lap;
      const s = Math.floor(at.start / segLen);
      segments[s] ??= new Float32Array(segLen);
      const offset = at.start - s * segLen;
      return { start: at.start, lap: at.lap, data: segments[s].subarray(offset, offset + n) };
    },
    get allocated() {
      return segments.reduce((t, s) => t + (s ? s.length : 0), 0);
    },
  };
}
