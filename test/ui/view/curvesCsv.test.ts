/** The open spectrum's χ² curves as CSV, from a real analysis: one line per class and shift, both χ² and both frames. */
import { beforeAll, describe, expect, it } from 'vitest';
import { dofOf } from '../../../src/core/scan/classScan.ts';
import { CLASSES } from '../../../src/core/types.ts';
import { CURVES_HEADER, curvesCsv, curvesFileName } from '../../../src/ui/view/curvesCsv.ts';
import { analyseFixture, type RealCase } from './realAnalysis.ts';

let galaxy: RealCase;
beforeAll(async () => {
  galaxy = await analyseFixture('spec-0375-52140-0356.fits');
});

const parse = (text: string) => {
  expect(text.endsWith('\r\n')).toBe(true);
  const [head, ...lines] = text.trimEnd().split('\r\n');
  return { head: head.split(','), rows: lines.map((l) => l.split(',')) };
};

describe('curvesCsv', () => {
  it('writes every shift of every class: z, unreduced χ² = reduced × dof, reduced χ² as plotted', () => {
    const r = galaxy.detail.result;
    const { head, rows } = parse(curvesCsv({ result: r }));
    expect(head).toEqual([...CURVES_HEADER]);
    const dof = dofOf(r.nGood);
    for (const cls of CLASSES) {
      const mine = rows.filter((x) => x[1] === `"${cls}"`);
      const scan = r.scans[cls];
      expect(mine).toHaveLength(scan.chi2.length);
      for (const s of [0, scan.chi2.length >> 1, scan.chi2.length - 1]) {
        const [family, , z, zObs, chi2, red] = mine[s];
        expect(family).toBe('"encoder"');
        expect(Number(z)).toBe(scan.z[s]);
        expect(Number(zObs)).toBe(scan.z[s]);
        expect(Number(red)).toBe(scan.chi2[s]);
        expect(Number(chi2)).toBeCloseTo(scan.chi2[s] * dof, 6);
      }
    }
    // The curve's lowest reduced χ² is the class's best minimum (the parabola refines it by less than a pixel's worth).
    const best = rows.filter((x) => x[1] === `"${r.cls}"`).reduce((a, b) => (Number(b[5]) < Number(a[5]) ? b : a));
    expect(Math.abs(Math.log10((1 + Number(best[2])) / (1 + r.z)))).toBeLessThan(1e-4);
  });

  it("gives z in the table's frame beside z_obs when a velocity correction applies, and the compare family's curves after", () => {
    const r = galaxy.detail.result;
    const factor = 1 + 30 / 299792.458;
    const { rows } = parse(curvesCsv({ result: r, compare: { ...r, family: 'unet' }, correction: { frame: 'barycentric', factor, vBaryKms: 30 } }));
    expect(rows).toHaveLength(2 * CLASSES.reduce((n, c) => n + r.scans[c].chi2.length, 0));
    const [, , z, zObs] = rows[100];
    expect(Number(z)).toBeCloseTo((1 + Number(zObs)) * factor - 1, 12);
    expect(rows.at(-1)![0]).toBe('"unet"');
  });

  it('names the file after the spectrum, keeping only safe characters', () => {
    expect(curvesFileName('spec-0375-52140-0356.fits', 0)).toBe('spec-0375-52140-0356-0.chi2.csv');
    expect(curvesFileName('plate.fits.gz', 12)).toBe('plate-12.chi2.csv');
    expect(curvesFileName('../we ird<name>.csv', 3)).toBe('.._we_ird_name_-3.chi2.csv');
    expect(curvesFileName('.fits', 1)).toBe('spectrum-1.chi2.csv');
  });
});
