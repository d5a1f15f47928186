/** The R-threshold cut (paper Fig. 12) on rows of SDSS fixtures' truth (test/fixtures/sdss/truth.csv) with hand-set answers. */
import { describe, expect, it } from 'vitest';
import { rThresholdCurve, type CutInput } from '../../../src/core/evaluate/rThreshold.ts';

// spec-7680-58131-0771 (QSO z 0.90424), spec-8285-57048-0398 (QSO z 1.53556) and two more rows.
const ROWS: CutInput[] = [
  { trueClass: 'QSO', trueZ: 0.90424, cls: 'QSO', z: 0.9043, robustness: 0.5 }, // right
  { trueClass: 'QSO', trueZ: 1.53556, cls: 'QSO', z: 2.1, robustness: 0.05 }, // wrong z, low R
  { trueClass: 'STAR', trueZ: 0.0001, cls: 'STAR', z: 0.00012, robustness: undefined }, // right, unique
  { trueClass: 'GALAXY', trueZ: 0.1, cls: 'STAR', z: 0, robustness: 0.2 }, // wrong class
  { trueClass: 'GALAXY', trueZ: 0.2, robustness: undefined }, // failed
];

describe('rThresholdCurve', () => {
  it('keeps R ≥ R_T (unique always), and scores what is kept', () => {
    const [all, cut01, cut03] = rThresholdCurve(ROWS, [0, 0.1, 0.3]);
    expect(all).toEqual({ rThreshold: 0, kept: 4, completeness: 0.8, accuracy: 0.75, gf: 0.5 });
    expect(cut01).toEqual({ rThreshold: 0.1, kept: 3, completeness: 0.6, accuracy: 2 / 3, gf: 2 / 3 });
    expect(cut03).toEqual({ rThreshold: 0.3, kept: 2, completeness: 0.4, accuracy: 1, gf: 1 });
  });

  it('completeness never grows with the threshold', () => {
    const c = rThresholdCurve(ROWS);
    for (let i = 1; i < c.length; i++) expect(c[i].completeness).toBeLessThanOrEqual(c[i - 1].completeness);
  });
});
