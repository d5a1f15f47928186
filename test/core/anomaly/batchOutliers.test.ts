/**
 * The batch outlier score and flag on real encoder codes: the QSO spectrum spec-7401-56808-0703's code
 * (test/core/export/sampleRows.ts, from npm run analyze) among copies of it moved by small steps, and
 * one spectrum far from them.
 */
import { describe, expect, it } from 'vitest';
import { applyOutlier, batchOutlierScores, MIN_CLASS_SIZE, OUTLIER_FLAG, outlierFlags, withBatchOutliers, type CodedResult } from '../../../src/core/anomaly/batchOutliers.ts';
import type { SpectrumResult } from '../../../src/core/result/spectrumResult.ts';
import { ROWS } from '../export/sampleRows.ts';

const CODE = ROWS[0].coefficients!;
/** The real code with every number moved by a small, deterministic amount. */
const nudged = (i: number, scale = 0.02) => ({
  STAR: CODE.STAR.map((x, j) => x * (1 + scale * Math.sin(i * 7.1 + j))),
  GALAXY: CODE.GALAXY.map((x, j) => x * (1 + scale * Math.sin(i * 3.3 + j * 1.7))),
  QSO: CODE.QSO.map((x, j) => x * (1 + scale * Math.cos(i * 5.9 + j * 0.7))),
});
const row = (i: number, scale?: number): SpectrumResult => ({ ...ROWS[0], spectrumId: `s${i}`, flags: [], coefficients: nudged(i, scale) });

describe('batch outlier scores', () => {
  const batch = [...Array.from({ length: 40 }, (_, i) => row(i)), row(99, 0.6)];

  it('score the far spectrum highest within its class, and flag it alone (top 1 % of 41 = 1)', () => {
    const scores = batchOutlierScores(batch);
    const top = scores.indexOf(Math.max(...scores.map((s) => s ?? 0)));
    expect(top).toBe(40);
    expect(scores[40]!).toBeGreaterThan(1.2);
    expect(outlierFlags(batch, scores).filter(Boolean)).toHaveLength(1);
    const out = withBatchOutliers(batch);
    expect(out[40].flags).toContain(OUTLIER_FLAG);
    expect(out[40].outlier).toBe(scores[40]);
    expect(out.slice(0, 40).every((r) => !r.flags.includes(OUTLIER_FLAG))).toBe(true);
  });

  it('give no score to failed rows, rows without coefficients, or classes with fewer than MIN_CLASS_SIZE spectra', () => {
    const rows: CodedResult[] = [
      ...Array.from({ length: MIN_CLASS_SIZE - 1 }, (_, i) => ({ cls: 'STAR' as const, coefficients: nudged(i) })),
      { cls: 'QSO', coefficients: undefined },
      { cls: 'QSO', coefficients: CODE, error: 'not-finite: …' },
    ];
    expect(batchOutlierScores(rows).every((s) => s === undefined)).toBe(true);
  });

  it('take the flag off a row that is no longer an outlier, keeping its other flags', () => {
    const r = { ...ROWS[0], flags: ['low-robustness', OUTLIER_FLAG], outlier: 2.5 };
    const after = applyOutlier(r, 1.01, false);
    expect(after.flags).toEqual(['low-robustness']);
    expect(after.outlier).toBe(1.01);
    expect(applyOutlier(after, 1.01, false)).toBe(after);
  });
});
