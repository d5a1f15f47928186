/**
 * Exact k nearest neighbours (Euclidean) of every point of a set, by a k-d tree. Written here because
 * no well-kept JavaScript k-NN/LOF package exists (the npm ones are unmaintained or approximate only);
 * exact neighbours keep the Local Outlier Factor reproducible. In the 11 dimensions of the encoder's
 * code the tree visits a small fraction of the points per query on clustered data (results/bench-map.json).
 */

/** Neighbour indices and distances, point by point: row i holds its k nearest, nearest first (itself excluded). */
export interface Neighbours {
  k: number;
  index: Int32Array;
  distance: Float64Array;
}

const LEAF = 16;

interface Tree {
  /** Point order: leaves are runs of it. */
  order: Int32Array;
  /** Per node: split dimension (−1 for a leaf), split value, children or the leaf's run [lo, hi). */
  dim: Int32Array;
  split: Float64Array;
  left: Int32Array;
  right: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
}

function buildTree(x: Float64Array, n: number, d: number): Tree {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const cap = 2 * Math.ceil(n / (LEAF / 2)) + 1;
  const t: Tree = { order, dim: new Int32Array(cap), split: new Float64Array(cap), left: new Int32Array(cap), right: new Int32Array(cap), lo: new Int32Array(cap), hi: new Int32Array(cap) };
  let nodes = 0;
  const build = (lo: number, hi: number): number => {
    const node = nodes++;
    t.lo[node] = lo;
    t.hi[node] = hi;
    t.dim[node] = -1;
    if (hi - lo <= LEAF) return node;
    // split on the widest dimension at its median
    let best = 0;
    let width = -1;
    for (let j = 0; j < d; j++) {
      let mn = Infinity;
      let mx = -Infinity;
      for (let i = lo; i < hi; i++) {
        const v = x[order[i] * d + j];
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      if (mx - mn > width) {
        width = mx - mn;
        best = j;
      }
    }
    if (!(width > 0)) return node; // all equal: one leaf
    const run = Array.from(order.subarray(lo, hi)).sort((a, b) => x[a * d + best] - x[b * d + best]);
    order.set(run, lo);
    const mid = (lo + hi) >> 1;
    t.dim[node] = best;
    t.split[node] = x[order[mid] * d + best];
    t.left[node] = build(lo, mid);
    t.right[node] = build(mid, hi);
    return node;
  };
  build(0, n);
  return t;
}

/**
 * The k nearest neighbours of every point of `x` (n points × d, row-major), excluding the point
 * itself; ties broken by index. Requires 1 ≤ k < n.
 */
export function nearestNeighbours(x: Float64Array, n: number, d: number, k: number): Neighbours {
  if (!(k >= 1 && k < n)) throw new RangeError(`k must be in 1 … n − 1 (k = ${k}, n = ${n})`);
  const t = buildTree(x, n, d);
  const index = new Int32Array(n * k);
  const distance = new Float64Array(n * k);
  // Sorted insertion lists of the current best k (squared distances).
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  for (let q = 0; q < n; q++) {
    bestD.fill(Infinity);
    bestI.fill(-1);
    const qo = q * d;
    const visit = (node: number): void => {
      const dim = t.dim[node];
      if (dim < 0) {
        for (let r = t.lo[node]; r < t.hi[node]; r++) {
          const p = t.order[r];
          if (p === q) continue;
          let s = 0;
          const po = p * d;
          for (let j = 0; j < d; j++) {
            const dd = x[po + j] - x[qo + j];
            s += dd * dd;
          }
          if (s > bestD[k - 1] || (s === bestD[k - 1] && p > bestI[k - 1])) continue;
          let i = k - 1;
          while (i > 0 && (bestD[i - 1] > s || (bestD[i - 1] === s && bestI[i - 1] > p))) {
            bestD[i] = bestD[i - 1];
            bestI[i] = bestI[i - 1];
            i--;
          }
          bestD[i] = s;
          bestI[i] = p;
        }
        return;
      }
      const diff = x[qo + dim] - t.split[node];
      const [near, far] = diff < 0 ? [t.left[node], t.right[node]] : [t.right[node], t.left[node]];
      visit(near);
      if (diff * diff <= bestD[k - 1]) visit(far);
    };
    visit(0);
    for (let i = 0; i < k; i++) {
      index[q * k + i] = bestI[i];
      distance[q * k + i] = Math.sqrt(bestD[i]);
    }
  }
  return { k, index, distance };
}
