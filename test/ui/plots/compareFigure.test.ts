/** The compare view's traces, on a real quasar analysed by both families (they disagree on its z). */
import { beforeAll, describe, expect, it } from 'vitest';
import { CLASSES } from '../../../src/core/types.ts';
import { chi2Layout, chi2Traces, chi2X, chi2YAxis } from '../../../src/ui/plots/chi2Figure.ts';
import type { AxisMap } from '../../../src/ui/plots/axisMap.ts';
import { drawOverlay, type Ctx2D } from '../../../src/ui/plots/overlayDraw.ts';
import { compareChi2Traces, compareModelTrace, joinedScans, withFamilyNames } from '../../../src/ui/plots/compareFigure.ts';
import { CLASS_COLORS } from '../../../src/ui/plots/palette.ts';
import { placedModel, spectrumModelTraces } from '../../../src/ui/plots/spectrumFigure.ts';
import { analyseFixture, type RealCase } from '../view/realAnalysis.ts';

type T = { name?: string; meta?: unknown; xaxis?: string; x?: ArrayLike<number>; y?: ArrayLike<number>; customdata?: ArrayLike<number>; line?: { color?: string; dash?: string }; showlegend?: boolean };

const FILE = 'spec-11354-58441-0963.fits';
let enc: RealCase;
let unet: RealCase;
beforeAll(async () => {
  enc = await analyseFixture(FILE, 'encoder');
  unet = await analyseFixture(FILE, 'unet');
});

describe('compare traces', () => {
  it('the UNet χ² curves: one dashed curve per class in its colour at the UNet scan, then its best minima', () => {
    const scans = unet.detail.result.scans;
    const t = compareChi2Traces(scans, 'unet') as T[];
    expect(t.map((x) => x.name)).toEqual(['STAR · UNet', 'GALAXY · UNet', 'QSO · UNet', 'STAR · UNet best', 'GALAXY · UNet best', 'QSO · UNet best']);
    CLASSES.forEach((cls, i) => {
      expect(t[i].line).toEqual({ color: CLASS_COLORS[cls], width: 1.5, dash: 'dash' });
      expect(t[i].y).toBe(scans[cls].chi2);
      expect(t[i].customdata).toBe(scans[cls].z);
      expect(t[i].x![10]).toBeCloseTo(chi2X(cls, scans[cls].z[10]), 12);
      expect(t[i].meta).toBe(cls);
      expect(t[3 + i].customdata).toEqual([scans[cls].minima[0].z]);
      expect(t[3 + i].showlegend).toBe(false);
    });
    // The two families put the quasar at different z.
    expect(t[5].customdata![0]).not.toBeCloseTo(enc.detail.result.zByClass.QSO, 3);
  });

  it('names the shown family on its curves and reconstruction, leaving the other traces alone', () => {
    const own = withFamilyNames(chi2Traces(enc.detail.result.scans, 'QSO'), 'encoder') as T[];
    expect(own.slice(0, 3).map((x) => x.name)).toEqual(['STAR · encoder', 'GALAXY · encoder', 'QSO · encoder']);
    expect(own.slice(3).map((x) => x.name)).toEqual(['STAR minima', 'GALAXY minima', 'QSO minima', 'pipeline: QSO']);
    const d = enc.detail;
    const data = { spectrum: d.spectrum, gridded: d.gridded, preprocessed: d.result.preprocessed };
    const m = { cls: 'QSO' as const, z: d.result.z, reconstruction: d.result.reconstructions.QSO, grid: enc.manifest.models.find((x) => x.family === 'encoder' && x.cls === 'QSO')!.outputGrid };
    const named = withFamilyNames(spectrumModelTraces(data, m, 'model'), 'encoder') as T[];
    expect(named.map((x) => x.name)).toEqual(['encoder QSO reconstruction', 'residual']);
    expect((withFamilyNames(spectrumModelTraces(data, m, 'flux'), 'encoder') as T[])[0].name).toBe('encoder QSO: continuum + Norm·R');
  });

  it('the UNet reconstruction over the spectrum is the UNet output placed at the shown z, dashed', () => {
    const d = enc.detail;
    const data = { spectrum: d.spectrum, gridded: d.gridded, preprocessed: d.result.preprocessed };
    const grid = unet.manifest.models.find((x) => x.family === 'unet' && x.cls === 'QSO')!.outputGrid;
    const m = { cls: 'QSO' as const, z: d.result.z, reconstruction: unet.detail.result.reconstructions.QSO, grid };
    const t = compareModelTrace(data, m, 'model', 'unet') as T;
    expect(t.name).toBe('UNet QSO reconstruction');
    expect(t.line?.dash).toBe('dash');
    expect(t.y).toEqual(placedModel(data, m, 'model'));
    expect(t.y).toHaveLength(4076);
  });

  it('one χ² axis for all six curves', () => {
    const j = joinedScans(enc.detail.result.scans, unet.detail.result.scans);
    for (const cls of CLASSES) expect(j[cls].chi2).toHaveLength(enc.detail.result.scans[cls].chi2.length * 2);
    expect(chi2YAxis(j).type).toBe(chi2YAxis(enc.detail.result.scans).type);
  });
});

describe('compare view details', () => {
  it("the χ² annotation gives both families' R of the shown class", () => {
    const r = enc.detail.result.scans.QSO.robustness;
    const ru = unet.detail.result.scans.QSO.robustness;
    const layout = chi2Layout({ cls: 'QSO', z: 2.39, robustness: r, yaxis: {}, uirevision: 'x', compare: { shown: 'encoder', other: 'UNet', robustness: ru } });
    expect(layout.annotations![0].text).toBe(`QSO · encoder (solid): R = ${r!.toFixed(3)} · UNet (dashed): R = ${ru!.toFixed(3)}`);
  });

  it('the live overlay draws a series with its dash pattern, and solid ones solid', () => {
    const dashes: number[][] = [];
    const ctx: Ctx2D = {
      save() {}, restore() {}, beginPath() {}, rect() {}, clip() {}, moveTo() {}, lineTo() {}, stroke() {},
      setLineDash: (d) => void dashes.push(d),
      strokeStyle: '', lineWidth: 1,
    };
    const axis = { offset: 0, length: 100, range: [0, 1] as [number, number], log: false };
    const map: AxisMap = { width: 100, height: 100, axes: { x: axis, y: axis } };
    const line = { x: [0, 1], y: [0, 1], xaxis: 'x' as const, yaxis: 'y' as const, color: '#000', width: 1 };
    drawOverlay(ctx, map, { series: [line, { ...line, dash: [6, 4] }], vlines: [] });
    expect(dashes).toEqual([[], [6, 4]]);
  });
});
