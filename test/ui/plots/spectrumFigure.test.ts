import { beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { shiftOfZ } from '../../../src/core/scan/redshift.ts';
import { PLOT_COLORS } from '../../../src/ui/plots/palette.ts';
import { reconstructionAt } from '../../../src/ui/plots/reconstructionAt.ts';
import {
  MODEL_LAMBDA_A,
  maskShapes,
  placedModel,
  secondZMarks,
  spectrumLayout,
  spectrumModelTraces,
  spectrumRanges,
  spectrumStaticTraces,
  type ModelAtZ,
  type SpectrumData,
} from '../../../src/ui/plots/spectrumFigure.ts';
import { analyseFixture, type RealCase } from '../view/realAnalysis.ts';

type Line = { name?: string; x?: ArrayLike<number>; y?: ArrayLike<number>; yaxis?: string };

describe('spectrum figure of a real star-forming galaxy', () => {
  let c: RealCase;
  let d: SpectrumData;
  let m: ModelAtZ;
  beforeAll(async () => {
    c = await analyseFixture('spec-1733-53047-0351.fits');
    const { result, spectrum, gridded } = c.detail;
    d = { spectrum, gridded, preprocessed: result.preprocessed };
    m = { cls: 'GALAXY', z: result.zByClass.GALAXY, reconstruction: result.reconstructions.GALAXY, grid: findModel(c.manifest, 'encoder', 'GALAXY').outputGrid };
  });

  it('puts observed pixel k at 10^(3.5563 + 1e-4·k) Å', () => {
    expect(MODEL_LAMBDA_A[0]).toBeCloseTo(10 ** 3.5563, 6);
    expect(MODEL_LAMBDA_A[4075]).toBeCloseTo(10 ** (3.5563 + 0.4075), 4);
  });

  it('model mode: data, shifted reconstruction and residual F − R on good pixels', () => {
    const stat = spectrumStaticTraces(d, 'model') as Line[];
    const dyn = spectrumModelTraces(d, m, 'model') as Line[];
    expect(stat.map((t) => t.name)).toEqual(['input F (normalised)']);
    expect(dyn.map((t) => t.name)).toEqual(['GALAXY reconstruction', 'residual']);
    expect(dyn[1].yaxis).toBe('y2');
    const R = reconstructionAt(m.reconstruction.values, shiftOfZ(m.grid, m.z));
    const { F, w } = d.preprocessed;
    for (let k = 0; k < 4076; k += 97) {
      expect(dyn[0].y![k]).toBeCloseTo(R[k], 6);
      if (w[k] > 0) expect(dyn[1].y![k]).toBeCloseTo(F[k] - R[k], 5);
      else expect(dyn[1].y![k]).toBeNaN();
    }
  });

  it('flux mode: ±1σ band from ivar, continuum + Norm·R, and the survey model', () => {
    const stat = spectrumStaticTraces(d, 'flux') as Line[];
    expect(stat.map((t) => t.name)).toEqual(['−1σ', '±1σ', 'flux', 'continuum (degree 5)', 'survey pipeline model']);
    const { ivar } = d.spectrum;
    const k = Array.from(ivar).findIndex((v) => v > 0);
    expect(stat[1].y![k] - stat[0].y![k]).toBeCloseTo(2 / Math.sqrt(ivar[k]), 3);
    const placed = placedModel(d, m, 'flux');
    const R = placedModel(d, m, 'model');
    const { continuum, norm } = d.preprocessed;
    for (let j = 0; j < 4076; j += 211) expect(placed[j]).toBeCloseTo(continuum[j] + norm * R[j], 3);
  });

  it('fits better at the pipeline z than 30 pixels away', () => {
    const rms = (zz: number) => {
      const r = (spectrumModelTraces(d, { ...m, z: zz }, 'model')[1] as Line).y!;
      const { w } = d.preprocessed;
      let s = 0;
      for (let k = 0; k < 4076; k++) if (w[k] > 0) s += w[k] * r[k] ** 2;
      return s;
    };
    const off = (1 + m.z) * 10 ** (30e-4) - 1;
    expect(rms(m.z)).toBeLessThan(rms(off));
  });

  it('keeps the y range robust and containing most of the data', () => {
    const r = spectrumRanges(d, m, 'model');
    const { F, w } = d.preprocessed;
    let inside = 0;
    let good = 0;
    for (let k = 0; k < 4076; k++) {
      if (!(w[k] > 0)) continue;
      good++;
      if (F[k] >= r.main[0] && F[k] <= r.main[1]) inside++;
    }
    expect(inside / good).toBeGreaterThan(0.98);
    expect(r.residual[0]).toBeLessThan(0);
    expect(r.residual[1]).toBeGreaterThan(0);
  });

  it('marks Hα at 6564.61·(1+z) and shades masked pixels', () => {
    const masks = maskShapes(d.preprocessed.w);
    const layout = spectrumLayout({ mode: 'model', cls: m.cls, z: m.z, ranges: spectrumRanges(d, m, 'model'), showLines: true, allLines: false, maskShapes: masks, uirevision: 'a' });
    const ha = 6564.614 * (1 + m.z);
    expect(layout.shapes!.some((s) => s.type === 'line' && Math.abs(Number(s.x0) - ha) < 1e-6)).toBe(true);
    expect(layout.annotations!.some((a) => a.text === 'Hα')).toBe(true);
    const moving = spectrumLayout({ mode: 'model', cls: m.cls, z: m.z, ranges: spectrumRanges(d, m, 'model'), showLines: true, allLines: false, labels: false, maskShapes: masks, uirevision: 'a' });
    expect(moving.shapes).toHaveLength(layout.shapes!.length);
    expect(moving.annotations).toHaveLength(0);
    const none = spectrumLayout({ mode: 'model', cls: m.cls, z: m.z, ranges: spectrumRanges(d, m, 'model'), showLines: false, allLines: false, maskShapes: masks, uirevision: 'a' });
    expect(none.shapes).toHaveLength(masks.length + 1);
    expect(none.annotations).toHaveLength(0);
    // every pixel with w = 0 lies under a shaded rectangle
    const { w } = d.preprocessed;
    for (let k = 0; k < 4076; k++) {
      if (w[k] > 0) continue;
      expect(masks.some((s) => Number(s.x0) <= MODEL_LAMBDA_A[k] && MODEL_LAMBDA_A[k] <= Number(s.x1))).toBe(true);
    }
  });

  it('marks the lines of the class shown: no galaxy emission lines on a star', () => {
    const base = { mode: 'model' as const, z: 0.0001, ranges: spectrumRanges(d, m, 'model'), showLines: true, allLines: true, maskShapes: [], uirevision: 'a' };
    const texts = (cls: 'STAR' | 'GALAXY') => spectrumLayout({ ...base, cls }).annotations!.map((a) => String(a.text));
    for (const galaxyLine of ['[O II] 3727', '[S II] 6716', '[Ar III] 7135']) {
      expect(texts('STAR')).not.toContain(galaxyLine);
      expect(texts('GALAXY')).toContain(galaxyLine);
    }
    expect(spectrumLayout({ ...base, cls: 'STAR' }).shapes!.some((s) => s.line?.color === PLOT_COLORS.emissionLine)).toBe(false);
  });

  it("marks a second redshift's lines at restA·(1+z₂) in their own colour, labelled 'z₂ …', only inside the plot", () => {
    const masks = maskShapes(d.preprocessed.w);
    const secondZ = { z2: 0.7, snr: 30, lines: [{ name: '[O II] 3727', restA: 3728.48, snr: 20 }, { name: 'Hα', restA: 6564.61, snr: 9 }] };
    const base = { mode: 'model' as const, cls: m.cls, z: m.z, ranges: spectrumRanges(d, m, 'model'), showLines: true, allLines: false, maskShapes: masks, uirevision: 'a' };
    const plain = spectrumLayout(base);
    const withZ2 = spectrumLayout({ ...base, secondZ });
    // Hα at z₂ = 0.7 is at 11160 Å, beyond the grid: only [O II] is drawn.
    const added = withZ2.shapes!.slice(plain.shapes!.length);
    expect(added).toHaveLength(1);
    expect(Number(added[0].x0)).toBeCloseTo(3728.48 * 1.7, 6);
    expect(added[0].line?.color).toBe(PLOT_COLORS.secondZLine);
    expect(withZ2.annotations!.filter((a) => String(a.text).startsWith('z₂')).map((a) => a.text)).toEqual(['z₂ [O II] 3727']);
    const marks = secondZMarks(secondZ, MODEL_LAMBDA_A[0], MODEL_LAMBDA_A[4075], false);
    expect(marks.shapes).toHaveLength(1);
    expect(marks.annotations).toHaveLength(0);
  });
});
