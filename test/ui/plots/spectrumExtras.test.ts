/** The spectrum plot's on-demand extras on real files: smoothing, DESI arm colours, sky and noise on the right axis. */
import { beforeAll, describe, expect, it } from 'vitest';
import { airToVacuumA } from '../../../src/core/grid/airToVacuum.ts';
import { armCuts, noiseOf, vacuumWavelengths } from '../../../src/ui/plots/spectrumExtras.ts';
import { spectrumLayout, spectrumStaticTraces, type SpectrumData } from '../../../src/ui/plots/spectrumFigure.ts';
import { smooth } from '../../../src/ui/plots/smoothing.ts';
import { analyseFixture, type RealCase } from '../view/realAnalysis.ts';

type Line = { name?: string; x?: ArrayLike<number>; y?: ArrayLike<number>; yaxis?: string; line?: { color?: string } };
const dataOf = (c: RealCase): SpectrumData => ({ spectrum: c.detail.spectrum, gridded: c.detail.gridded, preprocessed: c.detail.result.preprocessed });

describe('DESI coadd: arms', () => {
  let desi: RealCase;
  beforeAll(async () => {
    desi = await analyseFixture('external/desi/coadd-4-80613-thru20210324.fits');
  });

  it('cuts b|r and r|z in the middle of their overlaps', () => {
    const cuts = armCuts(desi.detail.spectrum.arms)!;
    expect(cuts.map((c) => c.name)).toEqual(['b', 'r', 'z']);
    expect(cuts[0].to).toBeCloseTo((5800 + 5760) / 2, 3);
    expect(cuts[1].to).toBeCloseTo((7620 + 7520) / 2, 3);
    expect(cuts[0].from).toBe(-Infinity);
    expect(cuts[2].to).toBe(Infinity);
  });

  it('colours the data one trace per arm, each pixel drawn by exactly one arm, in both modes', () => {
    for (const mode of ['model', 'flux'] as const) {
      const plain = spectrumStaticTraces(dataOf(desi), mode) as Line[];
      const split = spectrumStaticTraces(dataOf(desi), mode, { arms: true }) as Line[];
      const armTraces = split.filter((t) => /^[brz] arm$/.test(t.name ?? ''));
      expect(armTraces).toHaveLength(3);
      expect(new Set(armTraces.map((t) => t.line?.color)).size).toBe(3);
      const whole = plain.find((t) => t.name === (mode === 'model' ? 'input F (normalised)' : 'flux'))!;
      for (let k = 0; k < whole.y!.length; k += 7) {
        const drawn = armTraces.filter((t) => Number.isFinite(t.y![k]));
        if (Number.isFinite(whole.y![k])) {
          expect(drawn).toHaveLength(1);
          expect(drawn[0].y![k]).toBe(whole.y![k]);
        } else expect(drawn).toHaveLength(0);
      }
      // pixels bluer than 5780 Å are the b arm's
      const b = armTraces[0];
      const k = Array.from(b.x!).findIndex((x) => x > 5000);
      expect(Number.isFinite(b.y![k]) || !Number.isFinite(whole.y![k])).toBe(true);
    }
  });

  it('names the smoothing in each arm trace', () => {
    const split = spectrumStaticTraces(dataOf(desi), 'model', { arms: true, smoothing: { kind: 'boxcar', width: 3 } }) as Line[];
    expect(split.map((t) => t.name)).toEqual(['b arm (boxcar 3 px)', 'r arm (boxcar 3 px)', 'z arm (boxcar 3 px)']);
  });

  it('has no sky, and its noise is 1/√ivar', () => {
    const traces = spectrumStaticTraces(dataOf(desi), 'flux', { sky: true, noise: true }) as Line[];
    expect(traces.some((t) => t.name?.startsWith('sky'))).toBe(false);
    const noise = traces.find((t) => t.name?.startsWith('noise'))!;
    expect(noise.yaxis).toBe('y3');
    const { ivar } = desi.detail.spectrum;
    const k = Array.from(ivar).findIndex((v) => v > 0);
    expect(noise.y![k]).toBeCloseTo(1 / Math.sqrt(ivar[k]), 6);
  });
});

describe('2dF (MGC, air wavelengths): sky', () => {
  let mgc: RealCase;
  beforeAll(async () => {
    mgc = await analyseFixture('external/2df/MGC23320.fit');
  });

  it('draws the file’s sky on the right axis at vacuum wavelengths, and the layout adds that axis', () => {
    const s = mgc.detail.spectrum;
    expect(s.frame.medium).toBe('air');
    expect(s.sky).toBeDefined();
    const traces = spectrumStaticTraces(dataOf(mgc), 'model', { sky: true }) as Line[];
    const sky = traces.find((t) => t.name?.startsWith('sky'))!;
    expect(sky.yaxis).toBe('y3');
    expect(sky.y).toBe(s.sky);
    expect(sky.x![100]).toBeCloseTo(airToVacuumA(s.wavelength[100]), 6);
    expect(vacuumWavelengths(s)[0]).toBeGreaterThan(s.wavelength[0]);
    const layout = spectrumLayout({ mode: 'model', cls: 'GALAXY', z: 0.1, ranges: { main: [0, 1], residual: [-1, 1] }, showLines: false, allLines: false, maskShapes: [], uirevision: 'x', rightAxis: true });
    expect(layout.yaxis3).toMatchObject({ overlaying: 'y', side: 'right' });
    expect(spectrumLayout({ mode: 'model', cls: 'GALAXY', z: 0.1, ranges: { main: [0, 1], residual: [-1, 1] }, showLines: false, allLines: false, maskShapes: [], uirevision: 'x' }).yaxis3).toBeUndefined();
  });
});

describe('SDSS: smoothing changes only what is drawn', () => {
  let gal: RealCase;
  beforeAll(async () => {
    gal = await analyseFixture('spec-1733-53047-0351.fits');
  });

  it('model mode smooths F with its weights; flux mode smooths flux with ivar; the analysis input is untouched', () => {
    const d = dataOf(gal);
    const before = Float32Array.from(d.preprocessed.F);
    const sm = { kind: 'gaussian' as const, width: 5 };
    const model = spectrumStaticTraces(d, 'model', { smoothing: sm }) as Line[];
    expect(model[0].name).toBe('input F (normalised, Gaussian FWHM 5 px)');
    const expected = smooth(d.preprocessed.F, d.preprocessed.w, sm);
    for (let k = 0; k < 4076; k += 101) if (!d.gridded.noData?.[k]) expect(model[0].y![k]).toBe(expected[k]);
    const flux = spectrumStaticTraces(d, 'flux', { smoothing: sm }) as Line[];
    const f = flux.find((t) => t.name?.startsWith('flux'))!;
    const ef = smooth(d.spectrum.flux, d.spectrum.ivar, sm);
    for (let k = 0; k < ef.length; k += 101) expect(f.y![k]).toBe(ef[k]);
    expect(d.preprocessed.F).toEqual(before);
    expect(noiseOf(d.spectrum)!.length).toBe(d.spectrum.flux.length);
  });
});
