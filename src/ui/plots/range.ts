/** Robust axis ranges: a cosmic ray or a bad pixel must not flatten a plot. */

/**
 * The p-th percentile (0–100, linear interpolation) of the finite values in
 * `arrays`, optionally only where `keep[k]` is true. NaN when none is finite.
 */
export function percentile(arrays: readonly ArrayLike<number>[], p: number, keep?: (k: number) => boolean): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  const vals: number[] = [];
  for (const a of arrays) {
    for (let k = 0; k < a.length; k++) {
      const v = a[k];
      if (Number.isFinite(v) && (!keep || keep(k))) vals.push(v);
    }
  }
  if (vals.length === 0) return Number.NaN;
  vals.sort((x, y) => x - y);
  const pos = ((vals.length - 1) * p) / 100;
  const i = Math.floor(pos);
  const t = pos - i;
  return i + 1 < vals.length ? vals[i] * (1 - t) + vals[i + 1] * t : vals[i];
}

export interface RobustRangeOptions {
  /** @default 0.5 — lower percentile. */
  low?: number;
  /** @default 99.5 — upper percentile. */
  high?: number;
  /** @default 0.12 — padding added on each side, as a fraction of the span. */
  pad?: number;
}

/**
 * [lo, hi] spanning the low…high percentiles of the data, padded. Falls back
 * to [−1, 1] when nothing is finite, and widens a zero span.
 */
export function robustRange(
  arrays: readonly ArrayLike<number>[],
  keep?: (k: number) => boolean,
  options: RobustRangeOptions = {},
): [number, number] {
  const lo = percentile(arrays, options.low ?? 0.5, keep);
  const hi = percentile(arrays, options.high ?? 99.5, keep);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
  const span = hi - lo || Math.abs(hi) || 1;
  const pad = (options.pad ?? 0.12) * span;
  return [lo - pad, hi + pad];
}
