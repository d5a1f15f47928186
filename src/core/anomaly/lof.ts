/**
 * Local Outlier Factor (Breunig, Kriegel, Ng & Sander 2000): how much sparser a point's
 * neighbourhood is than its neighbours' neighbourhoods. ≈ 1 inside a cluster, > 1 outside.
 * By hand for want of a well-kept JavaScript LOF package (knn.ts says why); the definitions are
 * the paper's, with exactly k neighbours per point as scikit-learn's LocalOutlierFactor uses.
 */
import { nearestNeighbours } from './knn.ts';

/** Added to the mean reachability distance so duplicate points give a large finite density (as scikit-learn). */
const EPS = 1e-10;

/**
 * LOF of every point of `x` (n points × d, row-major, Euclidean distance) with k neighbours:
 *   k-distance(o) = distance from o to its k-th nearest neighbour;
 *   reach-dist(p, o) = max(k-distance(o), d(p, o));
 *   lrd(p) = 1 / mean over o ∈ N_k(p) of reach-dist(p, o);
 *   LOF(p) = mean over o ∈ N_k(p) of lrd(o) / lrd(p).
 * Requires 1 ≤ k < n.
 */
export function localOutlierFactor(x: Float64Array, n: number, d: number, k: number): Float64Array {
  const nn = nearestNeighbours(x, n, d, k);
  const kDist = new Float64Array(n);
  for (let p = 0; p < n; p++) kDist[p] = nn.distance[p * k + k - 1];
  const lrd = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += Math.max(kDist[nn.index[p * k + i]], nn.distance[p * k + i]);
    lrd[p] = 1 / (s / k + EPS);
  }
  const lof = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += lrd[nn.index[p * k + i]];
    lof[p] = s / k / lrd[p];
  }
  return lof;
}
