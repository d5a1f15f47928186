import { describe, expect, it } from 'vitest';
import { percentile, robustRange } from '../../../src/ui/plots/range.ts';

describe('percentile', () => {
  it('interpolates between sorted finite values and skips NaN', () => {
    const a = new Float32Array([5, Number.NaN, 1, 3, Number.POSITIVE_INFINITY, 2, 4]);
    expect(percentile([a], 0)).toBe(1);
    expect(percentile([a], 100)).toBe(5);
    expect(percentile([a], 50)).toBe(3);
    expect(percentile([a], 25)).toBe(2);
  });
  it('pools several arrays and honours keep()', () => {
    expect(percentile([[1, 2], [3, 4]], 100)).toBe(4);
    expect(percentile([[1, 100, 3]], 100, (k) => k !== 1)).toBe(3);
    expect(percentile([[Number.NaN]], 50)).toBeNaN();
  });
});

describe('robustRange', () => {
  it('is not stretched by one cosmic ray', () => {
    const y = new Float32Array(4000);
    for (let k = 0; k < y.length; k++) y[k] = Math.sin(k / 50);
    y[1234] = 1e4;
    const [lo, hi] = robustRange([y]);
    expect(hi).toBeLessThan(2);
    expect(lo).toBeGreaterThan(-2);
    expect(hi).toBeGreaterThan(1);
    expect(lo).toBeLessThan(-1);
  });
  it('falls back when nothing is finite and widens a flat line', () => {
    expect(robustRange([[Number.NaN]])).toEqual([-1, 1]);
    const [lo, hi] = robustRange([[2, 2, 2]]);
    expect(lo).toBeLessThan(2);
    expect(hi).toBeGreaterThan(2);
  });
});
