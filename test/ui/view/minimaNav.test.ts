import { beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
import type { ClassScan } from '../../../src/core/scan/types.ts';
import { minimumAt, stepMinimum } from '../../../src/ui/view/minimaNav.ts';
import { analyseFixture, type RealCase } from './realAnalysis.ts';

describe('stepping through the minima of a real quasar (R ≈ 0.015)', () => {
  let c: RealCase;
  let scan: ClassScan;
  let grid: { start: number; step: number };
  beforeAll(async () => {
    c = await analyseFixture('spec-11354-58441-0963.fits');
    scan = c.detail.result.scans.QSO;
    grid = findModel(c.manifest, 'encoder', 'QSO').outputGrid;
  });

  it('has several minima to step through', () => {
    expect(scan.minima.length).toBeGreaterThanOrEqual(3);
  });

  it('knows which minimum a z sits on', () => {
    scan.minima.forEach((m, i) => expect(minimumAt(scan.minima, grid, m.z)).toBe(i));
    const between = (scan.minima[0].z + scan.minima[1].z) / 2;
    expect(minimumAt(scan.minima, grid, between)).toBe(-1);
  });

  it('goes best → second → … → worst → best, and back', () => {
    const n = scan.minima.length;
    let z = scan.minima[0].z;
    for (let i = 1; i <= n; i++) {
      z = stepMinimum(scan.minima, grid, z, 1)!.z;
      expect(z).toBe(scan.minima[i % n].z);
    }
    expect(stepMinimum(scan.minima, grid, scan.minima[0].z, -1)!.z).toBe(scan.minima[n - 1].z);
  });

  it('from a z on no minimum, next is the best and previous the worst', () => {
    const between = (scan.minima[0].z + scan.minima[1].z) / 2;
    expect(stepMinimum(scan.minima, grid, between, 1)).toBe(scan.minima[0]);
    expect(stepMinimum(scan.minima, grid, between, -1)).toBe(scan.minima[scan.minima.length - 1]);
    expect(stepMinimum([], grid, 0, 1)).toBeUndefined();
  });
});
