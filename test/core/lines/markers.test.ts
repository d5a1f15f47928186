import { describe, expect, it } from 'vitest';
import { ABSORPTION_LINES, EMISSION_LINES, airToVacuum, allLines, linesInRange } from '../../../src/core/lines/index.ts';

const byName = (name: string) => EMISSION_LINES.find((l) => l.name === name)!;

describe('airToVacuum', () => {
  it('turns the GaSNet air wavelengths into the SDSS vacuum ones', () => {
    // lines_EL.csv gives Hα 6562.8 and Hβ 4861.3 (air); SDSS_EL.csv gives them in vacuum.
    expect(airToVacuum(6562.8)).toBeCloseTo(byName('Hα').restA, 1);
    expect(airToVacuum(4861.3)).toBeCloseTo(byName('Hβ').restA, 1);
    // lines_EL [OII] 3728.9 (air) is the red doublet member; SDSS's 3728.48 is the blend.
    expect(airToVacuum(6583.0)).toBeCloseTo(byName('[N II] 6583').restA, 0);
  });
  it('adds about 1.8 Å at Hα and grows with wavelength', () => {
    const d1 = airToVacuum(4000) - 4000;
    const d2 = airToVacuum(8000) - 8000;
    expect(d1).toBeGreaterThan(1);
    expect(d2).toBeGreaterThan(d1);
  });
});

describe('line lists', () => {
  it('stores vacuum wavelengths consistent with the recorded upstream values', () => {
    for (const l of [...EMISSION_LINES, ...ABSORPTION_LINES]) {
      const expected = l.medium === 'air' ? airToVacuum(l.upstreamA) : l.upstreamA;
      expect(Math.abs(l.restA - expected)).toBeLessThan(0.006);
      expect(l.medium === 'air').toBe(l.upstreamA >= 2000 && l.source !== 'SDSS_EL.csv');
    }
  });
  it('keeps emission and absorption apart', () => {
    expect(EMISSION_LINES.every((l) => l.kind === 'emission')).toBe(true);
    expect(ABSORPTION_LINES.every((l) => l.kind === 'absorption')).toBe(true);
    // every SDSS_EL row but the duplicate air [O_I] 6363; every lines_ABS row but "?".
    expect(EMISSION_LINES.filter((l) => l.source === 'SDSS_EL.csv')).toHaveLength(30);
    expect(ABSORPTION_LINES).toHaveLength(71);
  });
});

describe('linesInRange', () => {
  it('puts Hα at 6564.6·(1+z) and leaves out lines outside the window', () => {
    const z = 0.1;
    const m = linesInRange(z, 3600, 9200);
    const ha = m.find((x) => x.line.name === 'Hα')!;
    expect(ha.observedA).toBeCloseTo(6564.614 * 1.1, 6);
    expect(m.find((x) => x.line.name === 'Lyα')).toBeUndefined();
    for (const x of m) {
      expect(x.observedA).toBeGreaterThanOrEqual(3600);
      expect(x.observedA).toBeLessThanOrEqual(9200);
    }
    for (let i = 1; i < m.length; i++) expect(m[i].observedA).toBeGreaterThanOrEqual(m[i - 1].observedA);
  });
  it('brings Lyα into the optical for a z = 2.5 quasar and pushes Hα out', () => {
    const names = linesInRange(2.5, 3600, 9200).map((x) => x.line.name);
    expect(names).toContain('Lyα');
    expect(names).toContain('C IV 1549');
    expect(names).not.toContain('Hα');
  });
  it('filters by kind and by major', () => {
    const em = linesInRange(0, 3600, 9200, { kinds: ['emission'] });
    expect(em.length).toBeGreaterThan(0);
    expect(em.every((x) => x.line.kind === 'emission')).toBe(true);
    const major = linesInRange(0, 3600, 9200, { majorOnly: true });
    expect(major.every((x) => x.line.major)).toBe(true);
    expect(major.length).toBeLessThan(linesInRange(0, 3600, 9200).length);
    expect(allLines({ kinds: [] })).toHaveLength(0);
  });
  it('marks by class: stellar absorption on a star, emission and absorption on a galaxy, broad lines on a quasar', () => {
    const names = (z: number, cls: 'STAR' | 'GALAXY' | 'QSO') => linesInRange(z, 3600, 9200, { cls }).map((x) => x.line.name);
    const star = linesInRange(0, 3600, 9200, { cls: 'STAR' });
    expect(star.every((x) => x.line.kind === 'absorption')).toBe(true);
    expect(names(0, 'STAR')).toEqual(expect.arrayContaining(['K', 'H', 'Na', 'CaT1', 'Hβ']));
    for (const galaxyLine of ['[O II] 3727', '[S II] 6716', '[Ar III] 7135', '[O III] 5007']) expect(names(0, 'STAR')).not.toContain(galaxyLine);
    expect(names(0.05, 'GALAXY')).toEqual(expect.arrayContaining(['[O II] 3727', '[S II] 6716', '[Ar III] 7135', 'K', 'Na']));
    const qso = names(0.3, 'QSO');
    expect(qso).toEqual(expect.arrayContaining(['Mg II 2799', 'Hβ', 'Hα']));
    for (const narrow of ['[O II] 3727', '[O III] 5007', '[S II] 6716', 'K']) expect(qso).not.toContain(narrow);
    expect(names(2.5, 'QSO')).toEqual(expect.arrayContaining(['Lyα', 'C IV 1549', 'C III] 1908']));
  });

  it('rejects an impossible redshift', () => {
    expect(() => linesInRange(-1, 3600, 9200)).toThrow(RangeError);
    expect(() => linesInRange(Number.NaN, 3600, 9200)).toThrow(RangeError);
  });
});
