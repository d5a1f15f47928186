import { beforeAll, describe, expect, it } from 'vitest';
import { chi2AtZ } from '../../../src/ui/view/chi2AtZ.ts';
import { analyseFixture, type RealCase } from './realAnalysis.ts';

describe('chi2AtZ on a real quasar scan', () => {
  let c: RealCase;
  beforeAll(async () => {
    c = await analyseFixture('spec-0564-52224-0581.fits');
  });

  it('returns the scanned value at a scanned z', () => {
    const scan = c.detail.result.scans.QSO;
    for (const i of [0, 1, 1234, scan.z.length - 1]) expect(chi2AtZ(scan, scan.z[i])).toBe(scan.chi2[i]);
  });

  it('interpolates between neighbouring shifts', () => {
    const scan = c.detail.result.scans.GALAXY;
    const i = 2000;
    const zMid = (scan.z[i] + scan.z[i + 1]) / 2;
    const v = chi2AtZ(scan, zMid)!;
    expect(v).toBeCloseTo((scan.chi2[i] + scan.chi2[i + 1]) / 2, 3);
    expect(v).toBeGreaterThanOrEqual(Math.min(scan.chi2[i], scan.chi2[i + 1]));
    expect(v).toBeLessThanOrEqual(Math.max(scan.chi2[i], scan.chi2[i + 1]));
  });

  it('is close to the refined minimum χ² at the minimum z', () => {
    const scan = c.detail.result.scans.QSO;
    const m = scan.minima[0];
    expect(Math.abs(chi2AtZ(scan, m.z)! - m.chi2) / m.chi2).toBeLessThan(0.05);
  });

  it('reads the end values up to one step beyond the scan, and nothing further out', () => {
    const scan = c.detail.result.scans.QSO;
    const n = scan.z.length;
    expect(chi2AtZ(scan, 0)).toBe(scan.chi2[n - 1]);
    expect(scan.z[n - 1]).toBeGreaterThanOrEqual(0);
    expect(chi2AtZ(scan, scan.z[0] + 0.5 * (scan.z[0] - scan.z[1]))).toBe(scan.chi2[0]);
    expect(chi2AtZ(scan, 5.5)).toBeUndefined();
    expect(chi2AtZ(c.detail.result.scans.STAR, 0.5)).toBeUndefined();
    expect(chi2AtZ(scan, Number.NaN)).toBeUndefined();
  });
});
