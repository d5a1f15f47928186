import { beforeAll, describe, expect, it } from 'vitest';
import type { PlotMouseEvent } from 'plotly.js-dist-min';
import { CLASSES } from '../../../src/core/types.ts';
import { pickFromClick } from '../../../src/ui/plots/Chi2Plot.tsx';
import { chi2Layout, chi2Traces, chi2X, chi2YAxis, robustnessText, zOfChi2X } from '../../../src/ui/plots/chi2Figure.ts';
import { CLASS_COLORS } from '../../../src/ui/plots/palette.ts';
import { analyseFixture, type RealCase } from '../view/realAnalysis.ts';

type T = { name?: string; meta?: unknown; xaxis?: string; x?: ArrayLike<number>; y?: ArrayLike<number>; customdata?: ArrayLike<number>; line?: { color?: string } };

describe('chi2 figure of a real quasar', () => {
  let c: RealCase;
  let traces: T[];
  beforeAll(async () => {
    c = await analyseFixture('spec-7401-56808-0703.fits');
    traces = chi2Traces(c.detail.result.scans, c.detail.result.cls) as T[];
  });

  it('has one curve per class, named and coloured by class, then the minima and the chosen one', () => {
    expect(traces).toHaveLength(7);
    expect(traces.slice(0, 3).map((t) => t.name)).toEqual(['STAR', 'GALAXY', 'QSO']);
    traces.slice(0, 3).forEach((t, i) => expect(t.line!.color).toBe(CLASS_COLORS[CLASSES[i]]));
    expect(traces.slice(0, 7).map((t) => t.meta)).toEqual([...CLASSES, ...CLASSES, c.detail.result.cls]);
    expect(traces[0].xaxis).toBe('x2');
    expect(traces[1].xaxis).toBe('x');
  });

  it('plots each curve point at its scan z and χ²', () => {
    for (let i = 0; i < 3; i++) {
      const scan = c.detail.result.scans[CLASSES[i]];
      expect(traces[i].y).toBe(scan.chi2);
      expect(traces[i].x).toHaveLength(scan.z.length);
      for (const j of [0, Math.floor(scan.z.length / 2), scan.z.length - 1]) {
        expect(zOfChi2X(CLASSES[i], traces[i].x![j])).toBeCloseTo(scan.z[j], 10);
        expect(traces[i].customdata![j]).toBe(scan.z[j]);
      }
      expect(traces[3 + i].y).toEqual(scan.minima.map((m) => m.chi2));
    }
    const chosen = c.detail.result.scans[c.detail.result.cls].minima[0];
    expect(traces[6].customdata).toEqual([chosen.z]);
    expect(chosen.z).toBe(c.detail.result.z);
  });

  it('turns a click on a curve or a minimum into (class, z)', () => {
    const qsoMin = c.detail.result.scans.QSO.minima[0];
    const ev = { points: [{ data: traces[5], customdata: qsoMin.z }] } as unknown as PlotMouseEvent;
    expect(pickFromClick(ev)).toEqual({ cls: 'QSO', z: qsoMin.z });
    const starZ = c.detail.result.scans.STAR.z[3];
    expect(pickFromClick({ points: [{ data: traces[0], customdata: starZ }] } as unknown as PlotMouseEvent)).toEqual({ cls: 'STAR', z: starZ });
    expect(pickFromClick({ points: [] } as unknown as PlotMouseEvent)).toBeUndefined();
  });

  it('draws the current z on the panel of the shown class and reports R', () => {
    const r = c.detail.result.scans.QSO.robustness;
    const l = chi2Layout({ cls: 'QSO', z: 2.18, robustness: r, yaxis: {}, uirevision: 'x' });
    expect(l.shapes![0].xref).toBe('x');
    expect(l.shapes![0].x0).toBeCloseTo(Math.log10(3.18), 12);
    expect(l.annotations![0].text).toContain(robustnessText(r));
    const s = chi2Layout({ cls: 'STAR', z: 0.001, robustness: undefined, yaxis: {}, uirevision: 'x' });
    expect(s.shapes![0].xref).toBe('x2');
    expect(s.shapes![0].x0).toBeCloseTo(299.792458, 6);
    expect(s.annotations![0].text).toContain('unique');
  });

  it('maps z to x and back on both panels', () => {
    for (const z of [0, 0.37, 4.9]) expect(zOfChi2X('QSO', chi2X('QSO', z))).toBeCloseTo(z, 12);
    for (const z of [-0.004, 0, 0.0021]) expect(zOfChi2X('STAR', chi2X('STAR', z))).toBeCloseTo(z, 15);
  });

  it('uses a log χ² axis only when the curves span more than a factor 8', async () => {
    const galaxy = await analyseFixture('spec-1733-53047-0351.fits');
    const wide = chi2YAxis(galaxy.detail.result.scans);
    expect(wide.type).toBe('log');
    expect((wide.tickvals as number[]).includes(1)).toBe(true);
    const competing = await analyseFixture('spec-11354-58441-0963.fits');
    expect(chi2YAxis(competing.detail.result.scans).type).toBe('linear');
  });
});
