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

  it('interpolates between neighbouring shifts along the local parabola', () => {
    const scan = c.detail.result.scans.GALAXY;
    const i = 2000;
    const [a, v, b] = [scan.chi2[i - 1], scan.chi2[i], scan.chi2[i + 1]];
    // a quarter of the way from shift i to i + 1 (z is locally linear in the shift)
    const zq = scan.z[i] + 0.25 * (scan.z[i + 1] - scan.z[i]);
    const t = 0.25;
    expect(chi2AtZ(scan, zq)!).toBeCloseTo(v + 0.5 * (b - a) * t + 0.5 * (a - 2 * v + b) * t * t, 6);
  });

  it("returns each kept minimum's own χ² at its refined z, for every class", () => {
    for (const cls of ['STAR', 'GALAXY', 'QSO'] as const) {
      const scan = c.detail.result.scans[cls];
      for (const m of scan.minima) expect(Math.abs(chi2AtZ(scan, m.z)! - m.chi2) / m.chi2).toBeLessThan(1e-6);
    }
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
