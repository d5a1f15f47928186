import { describe, expect, it } from 'vitest';
import { localMinima, parabolaAt, refineMinimum, separatedMinima } from '../../../src/core/scan/minima.ts';
import { robustness } from '../../../src/core/scan/robustness.ts';

/** A curve with Gaussian dips of given depth at given centres on a flat level. */
function dips(n: number, centres: number[], depths: number[], width = 8): Float64Array {
  const c = new Float64Array(n).fill(10);
  for (let i = 0; i < n; i++) centres.forEach((x, j) => (c[i] -= depths[j] * Math.exp(-0.5 * ((i - x) / width) ** 2)));
  return c;
}

describe('minima', () => {
  it('finds local minima, including a lower end point', () => {
    expect(localMinima([3, 1, 2, 0.5, 4])).toEqual([1, 3]);
    expect(localMinima([0, 1, 2])).toEqual([0]);
    expect(localMinima([2, 1, 0])).toEqual([2]);
    expect(localMinima([2, 1, 1, 3])).toEqual([1]); // a flat bottom counts once
    expect(localMinima([Number.NaN, 1, 2])).toEqual([1]);
  });

  it('refines a sampled parabola to its true vertex', () => {
    const x0 = 5.3;
    const curve = Array.from({ length: 11 }, (_, i) => 2 + 0.7 * (i - x0) ** 2);
    const r = refineMinimum(curve, 5);
    expect(r.position).toBeCloseTo(x0, 10);
    expect(r.value).toBeCloseTo(2, 10);
  });

  it('parabolaAt passes through its three points and its vertex is the refined minimum', () => {
    const [a, v, c] = [3.1, 2.05, 2.4];
    expect(parabolaAt(a, v, c, -1)).toBeCloseTo(a, 14);
    expect(parabolaAt(a, v, c, 0)).toBe(v);
    expect(parabolaAt(a, v, c, 1)).toBeCloseTo(c, 14);
    const r = refineMinimum([a, v, c], 1);
    for (const dt of [-1e-3, 1e-3]) expect(parabolaAt(a, v, c, r.position - 1 + dt)).toBeGreaterThan(r.value);
  });

  it('keeps minima at least 100 pixels apart, lowest first', () => {
    const curve = dips(2000, [300, 350, 900, 1500], [5, 4, 6, 2]);
    const kept = separatedMinima(curve, 100);
    expect(kept.map((m) => m.index)).toEqual([900, 300, 1500]); // 350 is within 100 of 300
    expect(kept[0].value).toBeLessThan(kept[1].value);
  });

  it('robustness is (S2 − S1)/S1 of the two lowest, undefined when unique', () => {
    expect(robustness([4, 5, 9])).toBeCloseTo(0.25, 12);
    expect(robustness([4])).toBeUndefined();
    const curve = dips(1000, [200, 700], [6, 1]);
    const vals = separatedMinima(curve, 100).map((m) => m.value);
    expect(robustness(vals)).toBeCloseTo((9 - 4) / 4, 2);
  });
});
