/** The Local Outlier Factor and its k-d tree neighbours: a case worked by hand, and properties against brute force. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestNeighbours } from '../../../src/core/anomaly/knn.ts';
import { localOutlierFactor } from '../../../src/core/anomaly/lof.ts';

/** Brute-force neighbours (Euclidean, ties by index), the oracle of the tree. */
function bruteNeighbours(x: number[][], k: number): number[][] {
  const dist = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0));
  return x.map((p, i) =>
    x
      .map((q, j) => ({ j, d: dist(p, q) }))
      .filter((o) => o.j !== i)
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, k)
      .map((o) => o.j),
  );
}

const flat = (x: number[][]) => Float64Array.from(x.flat());

describe('localOutlierFactor', () => {
  it('matches the hand-worked case 0, 1, 2, 3, 10 with k = 2: LOF 1, 1, 1, 1, 5', () => {
    // k-distances 2, 1, 1, 2, 8; mean reachability distances 1.5, 1.5, 1.5, 1.5, 7.5;
    // so lrd = 2/3 for the four and 2/15 for 10, whose LOF is (2/3)/(2/15) = 5.
    const lof = localOutlierFactor(Float64Array.from([0, 1, 2, 3, 10]), 5, 1, 2);
    expect(Array.from(lof).map((v) => Number(v.toFixed(9)))).toEqual([1, 1, 1, 1, 5]);
  });

  it('refuses a k the set cannot give', () => {
    expect(() => localOutlierFactor(Float64Array.from([0, 1]), 2, 1, 2)).toThrow(RangeError);
  });

  const cloud = fc.integer({ min: 3, max: 60 }).chain((n) =>
    fc.record({
      x: fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: n, maxLength: n }),
      k: fc.integer({ min: 1, max: n - 1 }),
    }),
  );

  it('finds the same neighbours as brute force (property)', () => {
    fc.assert(
      fc.property(cloud, ({ x, k }) => {
        const nn = nearestNeighbours(flat(x), x.length, 3, k);
        const oracle = bruteNeighbours(x, k);
        const dist = (i: number, j: number) => Math.hypot(...x[i].map((v, m) => v - x[j][m]));
        // same distances in order (ties may pick other points at the same distance)
        x.forEach((_p, i) => oracle[i].forEach((j, r) => expect(nn.distance[i * k + r]).toBeCloseTo(dist(i, j), 12)));
      }),
      { numRuns: 150 },
    );
  });

  it('does not change when the points are moved, scaled or reordered (property)', () => {
    fc.assert(
      fc.property(cloud, fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), ({ x, k }, shift, scale) => {
        // distinct points, so ties (which reordering may break differently) do not arise
        const jitter = (i: number, j: number) => (Math.abs(Math.sin((i + 1) * (j + 3) * 78.233) * 43758.5453) % 1);
        const pts = x.map((p, i) => p.map((v, j) => v + jitter(i, j)));
        // Points closer than 1e-4 after scaling would make the 1e-10 added to each reachability mean
        // (scikit-learn's, not scale-free) matter; such clouds say nothing about the invariance.
        let closest = Infinity;
        for (let i = 0; i < pts.length; i++) for (let j = 0; j < i; j++) closest = Math.min(closest, Math.hypot(...pts[i].map((v, m) => v - pts[j][m])));
        fc.pre(closest * Math.min(1, scale) >= 1e-4);
        const base = localOutlierFactor(flat(pts), pts.length, 3, k);
        const moved = localOutlierFactor(flat(pts.map((p) => p.map((v) => v * scale + shift))), pts.length, 3, k);
        const perm = pts.map((_p, i) => pts.length - 1 - i);
        const reordered = localOutlierFactor(flat(perm.map((i) => pts[i])), pts.length, 3, k);
        base.forEach((v, i) => {
          expect(Math.abs(moved[i] - v) / v).toBeLessThan(1e-5);
          expect(Math.abs(reordered[pts.length - 1 - i] - v) / v).toBeLessThan(1e-7);
          expect(v).toBeGreaterThan(0);
        });
      }),
      { numRuns: 100 },
    );
  });
});
