import { describe, expect, it } from 'vitest';
import { maskedRuns } from '../../../src/ui/plots/maskRuns.ts';

const fromMask = (bad: number[], n: number) => {
  const set = new Set(bad);
  return (k: number) => k < n && !set.has(k);
};

describe('maskedRuns', () => {
  it('finds maximal runs of masked pixels, inclusive ends', () => {
    expect(maskedRuns(20, fromMask([0, 1, 2, 10, 11, 19], 20), 0)).toEqual([
      { start: 0, end: 2 },
      { start: 10, end: 11 },
      { start: 19, end: 19 },
    ]);
    expect(maskedRuns(10, () => true)).toEqual([]);
    expect(maskedRuns(5, () => false)).toEqual([{ start: 0, end: 4 }]);
  });
  it('merges runs separated by small gaps', () => {
    expect(maskedRuns(20, fromMask([3, 5, 6, 15], 20), 2)).toEqual([
      { start: 3, end: 6 },
      { start: 15, end: 15 },
    ]);
  });
  it('caps the number of runs by merging the closest, keeping every masked pixel covered', () => {
    const bad: number[] = [];
    for (let k = 0; k < 4000; k += 7 + (k % 5)) bad.push(k);
    const runs = maskedRuns(4076, fromMask(bad, 4076), 0, 50);
    expect(runs.length).toBe(50);
    for (const b of bad) expect(runs.some((r) => r.start <= b && b <= r.end)).toBe(true);
    for (let i = 1; i < runs.length; i++) expect(runs[i].start).toBeGreaterThan(runs[i - 1].end);
  });
});
