import { beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { shiftOfZ, zOfShift } from '../../../src/core/scan/redshift.ts';
import type { ClassScan } from '../../../src/core/scan/types.ts';
import { exerciseFeedback, exerciseStartZ, scanZRange } from '../../../src/ui/teach/exercise.ts';
import { analyseFixture, type RealCase } from '../view/realAnalysis.ts';

describe('find-the-redshift feedback on a real quasar with competing minima', () => {
  let c: RealCase;
  let scan: ClassScan;
  let grid: { start: number; step: number };
  beforeAll(async () => {
    c = await analyseFixture('spec-11354-58441-0963.fits');
    scan = c.detail.result.scans.QSO;
    grid = findModel(c.manifest, 'encoder', 'QSO').outputGrid;
  });

  it('starts at z = 0 for QSO and GALAXY, and at the top end for STAR', () => {
    const [lo, hi] = scanZRange(scan);
    expect(exerciseStartZ(lo, hi)).toBe(lo);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(lo).toBeLessThan(1e-3);
    const [slo, shi] = scanZRange(c.detail.result.scans.STAR);
    expect(exerciseStartZ(slo, shi)).toBe(shi);
    expect(shi).toBeGreaterThan(0.004);
  });

  it('is solved within a pixel of the best minimum and not beyond', () => {
    const best = scan.minima[0];
    expect(exerciseFeedback(scan, grid, best.z).state).toBe('solved');
    expect(exerciseFeedback(scan, grid, zOfShift(grid, best.shift + 0.9)).state).toBe('solved');
    const f = exerciseFeedback(scan, grid, zOfShift(grid, best.shift + 1.5));
    expect(f.state).toBe('close');
    expect(f.pixelsFromBest).toBeCloseTo(1.5, 6);
  });

  it('says so when the user sits in a dip that is not the deepest', () => {
    const second = scan.minima[1];
    const f = exerciseFeedback(scan, grid, second.z);
    expect(f.state).toBe('other-minimum');
    expect(f.chi2!).toBeGreaterThan(scan.minima[0].chi2);
  });

  it('reports χ² at z and whether it went down', () => {
    const far = zOfShift(grid, 10);
    const farther = zOfShift(grid, 11);
    const a = exerciseFeedback(scan, grid, far);
    expect(a.state).toBe('searching');
    expect(a.chi2!).toBeCloseTo(scan.chi2[10], 9);
    const b = exerciseFeedback(scan, grid, farther, a.chi2);
    expect(b.trend).toBe(scan.chi2[11] < scan.chi2[10] ? 'better' : 'worse');
    expect(exerciseFeedback(scan, grid, far, a.chi2).trend).toBe('same');
    expect(Math.round(shiftOfZ(grid, far))).toBe(10);
  });
});
