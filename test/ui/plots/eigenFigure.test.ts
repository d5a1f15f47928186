import { beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { CLASSES } from '../../../src/core/types.ts';
import { sumComponents, weightedEigenspectra } from '../../../src/ui/plots/eigenComponents.ts';
import { eigenLayout, eigenTraces, observedWindowRest, restLambda } from '../../../src/ui/plots/eigenFigure.ts';
import { analyseFixture, type RealCase } from '../view/realAnalysis.ts';

describe('eigenspectra of real encoder outputs', () => {
  let c: RealCase;
  beforeAll(async () => {
    c = await analyseFixture('spec-0375-52140-0356.fits');
  });

  it('c_j·A·E_j summed over j is the network reconstruction, for every class', () => {
    for (const cls of CLASSES) {
      const rec = c.detail.result.reconstructions[cls];
      const comps = weightedEigenspectra(c.eigen[cls], rec.coefficients!, rec.amplitude!);
      expect(comps).toHaveLength(10);
      const sum = sumComponents(comps);
      expect(sum).toHaveLength(rec.values.length);
      let maxAbs = 0;
      let maxErr = 0;
      for (let i = 0; i < sum.length; i++) {
        maxAbs = Math.max(maxAbs, Math.abs(rec.values[i]));
        maxErr = Math.max(maxErr, Math.abs(sum[i] - rec.values[i]));
      }
      expect(maxErr).toBeLessThan(1e-4 * maxAbs);
      const csum = rec.coefficients!.reduce((a, b) => a + b, 0);
      expect(csum).toBeCloseTo(1, 5);
    }
  });

  it('rejects eigenspectra that do not match the coefficients', () => {
    const rec = c.detail.result.reconstructions.GALAXY;
    expect(() => weightedEigenspectra(c.eigen.GALAXY.subarray(1), rec.coefficients!, 1)).toThrow(RangeError);
  });

  it('stacks the sum and ten components top to bottom, with a label each', () => {
    const entry = findModel(c.manifest, 'encoder', 'GALAXY');
    const { data, labels } = eigenTraces('GALAXY', c.detail.result.reconstructions.GALAXY, entry.outputGrid, c.eigen.GALAXY);
    expect(data).toHaveLength(11);
    expect(labels).toHaveLength(11);
    expect((data[0] as { name: string }).name).toContain('reconstruction');
    const mean = (t: unknown) => {
      const y = (t as { y: number[] }).y;
      return y.reduce((a, b) => a + b, 0) / y.length;
    };
    for (let i = 1; i < data.length; i++) expect(mean(data[i])).toBeLessThan(mean(data[i - 1]));
    for (const t of data) expect((t as { x: number[] }).x.length).toBeLessThanOrEqual(2400);
  });

  it('shows the reconstruction alone without coefficients (UNet)', async () => {
    const u = await analyseFixture('spec-0375-52140-0356.fits', 'unet');
    const rec = u.detail.result.reconstructions.GALAXY;
    expect(rec.coefficients).toBeUndefined();
    const entry = findModel(u.manifest, 'unet', 'GALAXY');
    const { data } = eigenTraces('GALAXY', rec, entry.outputGrid, u.eigen.GALAXY);
    expect(data).toHaveLength(1);
    const layout = eigenLayout({ cls: 'GALAXY', z: 0.1, grid: entry.outputGrid, note: 'UNets have no eigenspectra', labels: [], uirevision: 'u' });
    expect(layout.annotations!.some((a) => String(a.text).includes('UNets'))).toBe(true);
  });

  it('marks the rest-frame window the observed spectrum covers at z', () => {
    const z = c.detail.result.z;
    const [lo, hi] = observedWindowRest(z);
    expect(lo * (1 + z)).toBeCloseTo(10 ** 3.5563, 6);
    expect(hi * (1 + z)).toBeCloseTo(10 ** (3.5563 + 0.4075), 4);
    const grid = findModel(c.manifest, 'encoder', 'QSO').outputGrid;
    const lam = restLambda(grid);
    expect(lam).toHaveLength(grid.n);
    // the QSO grid reaches 9200/(1+5) Å at its blue end
    expect(lam[0]).toBeCloseTo(9200 / 10 ** 0.4076 / 6, 0);
  });
});
