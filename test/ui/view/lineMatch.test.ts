import { describe, expect, it } from 'vitest';
import { allLines } from '../../../src/core/lines/index.ts';
import { classForZ, lineChoices, zForLine, type ZRanges } from '../../../src/ui/view/lineMatch.ts';

const RANGES: ZRanges = { STAR: [-0.005, 0.005], GALAXY: [0, 1.2], QSO: [0, 5] };

describe('line matching', () => {
  it('Hα (6564.6 Å vacuum) seen at 7000 Å is z = 7000/6564.6 − 1', () => {
    const ha = allLines().find((l) => l.name === 'Hα')!;
    const c = lineChoices(7000, RANGES).find((x) => x.line.name === 'Hα')!;
    expect(c.z).toBeCloseTo(7000 / ha.restA - 1, 12);
    expect(c.line.restA).toBeCloseTo(6564.6, 0);
    expect(zForLine(ha.restA * 1.5, ha.restA)).toBeCloseTo(0.5, 12);
  });

  it('offers only major emission and optical absorption lines whose z some class covers, lowest z first', () => {
    const choices = lineChoices(5000, RANGES);
    expect(choices.length).toBeGreaterThan(3);
    for (const c of choices) {
      expect(c.line.major).toBe(true);
      expect(c.line.kind === 'emission' || c.line.restA >= 3500).toBe(true);
      expect(c.z).toBeGreaterThanOrEqual(-0.005);
      expect(c.z).toBeLessThanOrEqual(5);
    }
    const zs = choices.map((c) => c.z);
    expect(zs).toEqual([...zs].sort((a, b) => a - b));
    // Hα would need z < 0 at 5000 Å: not offered; Lyα at z ≈ 3.1 is
    expect(choices.some((c) => c.line.name === 'Hα')).toBe(false);
    expect(choices.find((c) => c.line.name === 'Lyα')?.z).toBeCloseTo(5000 / 1215.67 - 1, 6);
  });

  it("puts the lines the shown class's models cover first", () => {
    const galaxy = lineChoices(6880, RANGES, 'GALAXY');
    const firstOut = galaxy.findIndex((c) => c.z > 1.2);
    expect(firstOut).toBeGreaterThan(0);
    expect(galaxy.slice(firstOut).every((c) => c.z > 1.2)).toBe(true);
    expect(galaxy[0].line.name).toBe('[S II] 6716');
    expect(galaxy.findIndex((c) => c.line.name === 'Hα')).toBeLessThan(5);
    // Hβ is in the emission and the absorption list: offered once
    expect(galaxy.filter((c) => c.line.name === 'Hβ').map((c) => c.line.kind)).toEqual(['emission']);
  });

  it('keeps the shown class when it covers z, else galaxies, then quasars, then stars', () => {
    expect(classForZ('GALAXY', 0.3, RANGES)).toBe('GALAXY');
    expect(classForZ('GALAXY', 2.5, RANGES)).toBe('QSO');
    expect(classForZ('STAR', 0.3, RANGES)).toBe('GALAXY');
    expect(classForZ('QSO', 0.001, RANGES)).toBe('QSO');
    expect(classForZ('STAR', 9, RANGES)).toBe('STAR');
  });
});
