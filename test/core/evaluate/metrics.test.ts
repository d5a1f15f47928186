import { describe, expect, it } from 'vitest';
import { computeMetrics, median } from '../../../src/core/evaluate/metrics.ts';

describe('metrics', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('accuracy, GF with per-class thresholds, MAD and confusion', () => {
    const m = computeMetrics([
      { trueClass: 'STAR', trueZ: 0, cls: 'STAR', z: 1e-4 }, // Δz 1e-4: good
      { trueClass: 'STAR', trueZ: 0, cls: 'STAR', z: 5e-4 }, // 5e-4: bad for a star
      { trueClass: 'QSO', trueZ: 1, cls: 'QSO', z: 1.004 }, // 2e-3: good for a QSO
      { trueClass: 'QSO', trueZ: 1, cls: 'GALAXY', z: 1.2 }, // wrong class, 0.1
      { trueClass: 'GALAXY', trueZ: 0.1 }, // failed
    ]);
    expect(m.perClass.STAR).toMatchObject({ n: 2, accuracy: 1, gf: 0.5 });
    expect(m.perClass.STAR.mad).toBeCloseTo(2e-4, 12); // signed 1e-4, 5e-4: median 3e-4, |dev| 2e-4
    expect(m.perClass.QSO).toMatchObject({ n: 2, accuracy: 0.5, gf: 0.5 });
    expect(m.perClass.GALAXY).toMatchObject({ n: 1, accuracy: 0, gf: 0 });
    expect(m.overall.accuracy).toBeCloseTo(3 / 5, 12);
    expect(m.confusion.QSO).toEqual({ STAR: 0, GALAXY: 1, QSO: 1, failed: 0 });
    expect(m.confusion.GALAXY.failed).toBe(1);
  });
});
