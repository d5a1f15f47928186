/** Where the displayed z sits among a real result's ranked minima, and its σ_z there. */
import { beforeAll, describe, expect, it } from 'vitest';
import { classesAnswerFirst, rankedAt, zErrAt } from '../../../src/ui/view/rankedMinima.ts';
import { analyseFixture, type RealCase } from './realAnalysis.ts';

let galaxy: RealCase;
beforeAll(async () => {
  galaxy = await analyseFixture('spec-0375-52140-0356.fits');
});

describe('rankedAt / zErrAt', () => {
  it("finds each minimum at its own z and within one pixel (1e-4 dex), not two pixels off", () => {
    const { rankedMinima, cls, z, zErr } = galaxy.detail.result;
    const m = rankedMinima[cls];
    expect(m.length).toBeGreaterThanOrEqual(2);
    m.forEach((x, i) => expect(rankedAt(m, x.z)).toBe(i));
    const near = (zz: number, dex: number) => (1 + zz) * 10 ** dex - 1;
    expect(rankedAt(m, near(m[1].z, 0.9e-4))).toBe(1);
    expect(rankedAt(m, near(m[1].z, -2e-4))).toBe(-1);
    expect(zErrAt(m, z)).toBe(zErr);
    expect(zErrAt(m, near(z, 5e-4))).toBeUndefined();
    expect(rankedAt([], z)).toBe(-1);
  });

  it("lists the answer's class first", () => {
    expect(classesAnswerFirst('QSO')).toEqual(['QSO', 'STAR', 'GALAXY']);
    expect(classesAnswerFirst('STAR')).toEqual(['STAR', 'GALAXY', 'QSO']);
  });
});
