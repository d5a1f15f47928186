/** The one rule for two families' answers disagreeing (table mark and compare view). */
import { describe, expect, it } from 'vitest';
import { compareAnswers, familiesDisagree } from '../../../src/core/result/familiesDisagree.ts';
import type { SpectralClass } from '../../../src/core/types.ts';

const a = (cls: SpectralClass | undefined, z?: number) => ({ cls, z });

describe('familiesDisagree', () => {
  it('another class disagrees', () => {
    expect(familiesDisagree(a('GALAXY', 0.5), a('QSO', 0.5))).toBe(true);
    expect(compareAnswers({ cls: 'GALAXY', z: 0.5 }, { cls: 'QSO', z: 0.5 })).toMatchObject({ disagree: true, reason: 'class' });
  });

  it('the same class disagrees only beyond the class GF threshold in |Δz|/(1+z)', () => {
    // GALAXY at z = 1: threshold 3e-4 · 2 = 6e-4 in z.
    expect(familiesDisagree(a('GALAXY', 1), a('GALAXY', 1 + 5.9e-4))).toBe(false);
    expect(familiesDisagree(a('GALAXY', 1), a('GALAXY', 1 - 6.1e-4))).toBe(true);
    // QSO at z = 2: threshold 3e-3 · 3 = 9e-3 in z.
    expect(familiesDisagree(a('QSO', 2), a('QSO', 2.0089))).toBe(false);
    expect(familiesDisagree(a('QSO', 2), a('QSO', 2.0091))).toBe(true);
    const d = compareAnswers({ cls: 'QSO', z: 2 }, { cls: 'QSO', z: 2.0091 });
    expect(d).toMatchObject({ disagree: true, reason: 'z', limit: 3e-3 });
    expect(d.dz).toBeCloseTo(0.0091 / 3, 12);
  });

  it('is undefined while either family has no answer', () => {
    expect(familiesDisagree(a('STAR', 0), undefined)).toBeUndefined();
    expect(familiesDisagree(a('STAR', 0), a(undefined))).toBeUndefined();
  });
});
