/**
 * Local minima of a χ² curve, kept greedily lowest first with a minimum
 * separation (METHOD.md §5: 100 pixels = 0.01 dex), and refined to a
 * fraction of a pixel by the parabola through each minimum and its neighbours.
 */

export interface RawMinimum {
  /** Integer index of the minimum. */
  index: number;
  /** Refined position (index + δ, |δ| ≤ 0.5). */
  position: number;
  /** Curve value at the refined position. */
  value: number;
}

/** Indices of local minima (ends count when lower than their one neighbour), NaN-safe. */
export function localMinima(curve: ArrayLike<number>): number[] {
  const n = curve.length;
  const out: number[] = [];
  if (n === 0) return out;
  if (n === 1) return Number.isFinite(curve[0]) ? [0] : [];
  if (below(curve[0], curve[1])) out.push(0);
  interiorMinima(curve, out);
  if (below(curve[n - 1], curve[n - 2])) out.push(n - 1);
  return out.filter((i) => Number.isFinite(curve[i]));
}

/** NaN compares false, so a NaN neighbour never blocks a minimum and a NaN is never one. */
const below = (v: number, u: number) => v < u || (u !== u && v === v);

/**
 * The interior minima, appended to `out`. A leaf function: inside localMinima this loop was compiled
 * on the stack and thrown away at the code after it, curve after curve, in Chromium's workers.
 */
function interiorMinima(curve: ArrayLike<number>, out: number[]): void {
  for (let i = 1; i < curve.length - 1; i++) {
    const v = curve[i];
    // Strict on the left, non-strict on the right: a flat bottom yields its first pixel once.
    if (below(v, curve[i - 1]) && (v <= curve[i + 1] || curve[i + 1] !== curve[i + 1])) out.push(i);
  }
}

/**
 * The parabola through (−1, a), (0, v), (1, c) at t: the sub-pixel model of a
 * χ² curve used both to refine its minima and to read it between shifts.
 */
export function parabolaAt(a: number, v: number, c: number, t: number): number {
  return v + 0.5 * (c - a) * t + 0.5 * (a - 2 * v + c) * t * t;
}

/** Vertex of the parabola through (i−1, i, i+1); at the ends, or when not convex, the pixel itself. */
export function refineMinimum(curve: ArrayLike<number>, i: number): { position: number; value: number } {
  const v = curve[i];
  if (i <= 0 || i >= curve.length - 1) return { position: i, value: v };
  const a = curve[i - 1], c = curve[i + 1];
  const denom = a - 2 * v + c;
  if (!(denom > 0)) return { position: i, value: v };
  let delta = (0.5 * (a - c)) / denom;
  if (delta > 0.5) delta = 0.5;
  else if (delta < -0.5) delta = -0.5;
  return { position: i + delta, value: parabolaAt(a, v, c, delta) };
}

/**
 * Minima lowest first, each at least `separation` pixels from every one kept before it.
 * Picks by repeated scans rather than sorting: a float32 curve has thousands of tiny
 * local minima, and only a handful are kept.
 */
/** Flags of separatedMinima, reused and grown (a fresh one per scan is an ArrayBuffer for the GC to free). */
let aliveWork = new Uint8Array(1024);

export function separatedMinima(curve: ArrayLike<number>, separation: number, maxCount = 10): RawMinimum[] {
  const candidates = localMinima(curve);
  if (aliveWork.length < candidates.length) aliveWork = new Uint8Array(2 * candidates.length);
  const alive = aliveWork.subarray(0, candidates.length).fill(1);
  const kept: RawMinimum[] = [];
  while (kept.length < maxCount) {
    const pick = lowestAlive(curve, candidates, alive);
    if (pick < 0) break;
    const index = candidates[pick];
    const r = refineMinimum(curve, index);
    kept.push({ index, position: r.position, value: r.value });
    dropNear(candidates, alive, index, separation);
  }
  return kept;
}

// The two scans are leaf functions: an inner loop compiled on the stack (OSR) is thrown away each
// time it returns to the outer loop (secondRedshift.ts says what that cost in Chromium).

/** Position in `candidates` of the lowest one still alive, −1 when none is. */
function lowestAlive(curve: ArrayLike<number>, candidates: readonly number[], alive: Uint8Array): number {
  let pick = -1;
  for (let c = 0; c < candidates.length; c++) {
    if (alive[c] && (pick < 0 || curve[candidates[c]] < curve[candidates[pick]])) pick = c;
  }
  return pick;
}

function dropNear(candidates: readonly number[], alive: Uint8Array, index: number, separation: number): void {
  for (let c = 0; c < candidates.length; c++) if (Math.abs(candidates[c] - index) < separation) alive[c] = 0;
}
