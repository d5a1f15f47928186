import { describe, expect, it } from 'vitest';
import { airToVacuum, airToVacuumA } from '../../../src/core/grid/airToVacuum.ts';

// Published air → vacuum pairs (desihub/specex specex_air_to_vacuum.py, FORMATS.md §10).
const PAIRS: [number, number][] = [
  [4861.363, 4862.721],
  [5006.843, 5008.239],
  [6562.801, 6564.614],
  [6583.45, 6585.27],
  [6716.44, 6718.29],
];

describe('airToVacuum', () => {
  it('matches the published pairs to 0.01 Å', () => {
    for (const [air, vac] of PAIRS) expect(Math.abs(airToVacuumA(air) - vac)).toBeLessThanOrEqual(0.01);
  });

  it('converts arrays element by element and keeps order', () => {
    const air = [3600, 4861.363, 6562.801, 9200];
    const vac = airToVacuum(air);
    expect(vac).toBeInstanceOf(Float64Array);
    for (let i = 0; i < air.length; i++) expect(vac[i]).toBe(airToVacuumA(air[i]));
    for (let i = 1; i < vac.length; i++) expect(vac[i]).toBeGreaterThan(vac[i - 1]);
    // vacuum is longer by about 1 Å at 3600 Å and 2.5 Å at 9200 Å
    expect(vac[0] - 3600).toBeGreaterThan(0.9);
    expect(vac[0] - 3600).toBeLessThan(1.1);
    expect(vac[3] - 9200).toBeGreaterThan(2.4);
    expect(vac[3] - 9200).toBeLessThan(2.6);
  });

  it('leaves wavelengths below 2000 Å unchanged', () => {
    expect(airToVacuumA(1500)).toBe(1500);
  });
});
