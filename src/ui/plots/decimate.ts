/** Fewer points for drawing, without losing narrow peaks or gaps. */
import type { Data } from 'plotly.js-dist-min';

/**
 * At most ~`maxPoints` points of (x, y) for drawing: each bucket of
 * consecutive samples keeps its minimum and maximum, in x order, so narrow
 * lines survive. NaN samples are skipped; a bucket with no number becomes one
 * NaN point, so gaps stay gaps. Returns the input unchanged when it is short.
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
    let iMin = -1;
    let iMax = -1;
    for (let i = i0; i < i1; i++) {
      const v = y[i];
      if (Number.isNaN(v)) continue;
      if (iMin < 0 || v < y[iMin]) iMin = i;
      if (iMax < 0 || v > y[iMax]) iMax = i;
    }
    if (iMin < 0) {
      ox.push(x[i0]);
      oy.push(Number.NaN);
      continue;
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

/** The same traces with x/y decimated to ~`maxPoints` each (other trace fields kept). */
export function decimateTraces(traces: readonly Data[], maxPoints: number): Data[] {
  return traces.map((t) => {
    const { x, y } = t as { x?: unknown; y?: unknown };
    if (!isNumbers(x) || !isNumbers(y) || x.length !== y.length) return t;
    const d = decimateMinMax(x, y, maxPoints);
    return { ...t, x: d.x, y: d.y } as Data;
  });
}

function isNumbers(a: unknown): a is ArrayLike<number> {
  return ArrayBuffer.isView(a) || (Array.isArray(a) && (a.length === 0 || typeof a[0] === 'number'));
}
