import { beforeAll, describe, expect, it } from 'vitest';
import { CLASSES } from '../../../src/core/types.ts';
import { reconstructionAt } from '../../../src/ui/plots/reconstructionAt.ts';
import { analyseFixture, type RealCase } from '../view/realAnalysis.ts';

/** Σ w (F − R)² / (nGood − 16) over the pixels with w > 0 (METHOD.md §4), in float64. */
function reducedChi2(F: Float32Array, w: Float32Array, R: Float32Array): number {
  let s = 0;
  let n = 0;
  for (let k = 0; k < F.length; k++) {
    if (!(w[k] > 0)) continue;
    n++;
    s += w[k] * (F[k] - R[k]) ** 2;
  }
  return s / (n - 16);
}

describe('reconstructionAt on a real galaxy', () => {
  let c: RealCase;
  beforeAll(async () => {
    c = await analyseFixture('spec-1733-53047-0351.fits');
  });

  it('takes values[s + k] at an integer shift', () => {
    const v = c.detail.result.reconstructions.GALAXY.values;
    const out = reconstructionAt(v, 123);
    expect(out).toHaveLength(4076);
    expect(Array.from(out)).toEqual(Array.from(v.subarray(123, 123 + 4076)));
  });

  it('interpolates linearly at a fractional shift', () => {
    const v = c.detail.result.reconstructions.QSO.values;
    const out = reconstructionAt(v, 500.25);
    for (const k of [0, 1, 2000, 4075]) expect(out[k]).toBeCloseTo(0.75 * v[500 + k] + 0.25 * v[501 + k], 5);
  });

  it('gives NaN where the observed pixel falls off the reconstruction', () => {
    const v = c.detail.result.reconstructions.STAR.values;
    const before = reconstructionAt(v, -2);
    expect(before[0]).toBeNaN();
    expect(before[1]).toBeNaN();
    expect(before[2]).toBe(v[0]);
    const last = v.length - 4076;
    expect(reconstructionAt(v, last)[4075]).toBe(v[v.length - 1]);
    expect(reconstructionAt(v, last + 0.5)[4075]).toBeNaN();
    expect(() => reconstructionAt(v, Number.NaN)).toThrow(RangeError);
  });

  it('reproduces the pipeline χ² at each class best shift (same alignment as the scan)', () => {
    const { result } = c.detail;
    const { F, w } = result.preprocessed;
    for (const cls of CLASSES) {
      const scan = result.scans[cls];
      const s = Math.round(scan.minima[0].shift);
      const mine = reducedChi2(F, w, reconstructionAt(result.reconstructions[cls].values, s));
      expect(Math.abs(mine - scan.chi2[s]) / scan.chi2[s]).toBeLessThan(1e-4);
    }
  });
});
