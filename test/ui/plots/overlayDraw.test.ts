import { beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { linesInRange } from '../../../src/core/lines/index.ts';
import { readAxisMap, type AxisMap } from '../../../src/ui/plots/axisMap.ts';
import { chi2X } from '../../../src/ui/plots/chi2Figure.ts';
import { chi2LiveSpec, spectrumLiveSpec } from '../../../src/ui/plots/liveSpecs.ts';
import { drawOverlay, type Ctx2D } from '../../../src/ui/plots/overlayDraw.ts';
import { spectrumModelTraces, type ModelAtZ, type SpectrumData } from '../../../src/ui/plots/spectrumFigure.ts';
import { analyseFixture, type RealCase } from '../view/realAnalysis.ts';

/** Records the drawing calls. */
function recorder() {
  const calls: [string, ...number[]][] = [];
  const ctx: Ctx2D = {
    save: () => calls.push(['save']),
    restore: () => calls.push(['restore']),
    beginPath: () => calls.push(['beginPath']),
    rect: (...a) => calls.push(['rect', ...a]),
    clip: () => calls.push(['clip']),
    moveTo: (...a) => calls.push(['moveTo', ...a]),
    lineTo: (...a) => calls.push(['lineTo', ...a]),
    stroke: () => calls.push(['stroke']),
    setLineDash: () => undefined,
    strokeStyle: '',
    lineWidth: 1,
  };
  return { ctx, calls };
}

const map: AxisMap = readAxisMap({
  _fullLayout: {
    width: 700,
    height: 440,
    xaxis: { _offset: 60, _length: 630, range: [3600, 9200] },
    yaxis: { _offset: 10, _length: 300, range: [-3, 20] },
    yaxis2: { _offset: 330, _length: 100, range: [-2, 2] },
  },
})!;

describe('live overlay of a real galaxy', () => {
  let c: RealCase;
  let d: SpectrumData;
  let m: ModelAtZ;
  beforeAll(async () => {
    c = await analyseFixture('spec-1733-53047-0351.fits');
    const { result, spectrum, gridded } = c.detail;
    d = { spectrum, gridded, preprocessed: result.preprocessed };
    m = { cls: 'GALAXY', z: 0.0712, reconstruction: result.reconstructions.GALAXY, grid: findModel(c.manifest, 'encoder', 'GALAXY').outputGrid };
  });

  it('draws the same model and residuals as the Plotly traces, and the major lines at z', () => {
    const spec = spectrumLiveSpec(d, m, 'model', { show: true, all: false });
    const traces = spectrumModelTraces(d, m, 'model') as { y: ArrayLike<number> }[];
    expect(spec.series).toHaveLength(2);
    expect(Array.from(spec.series[0].y)).toEqual(Array.from(traces[0].y));
    expect(spec.series[1].yaxis).toBe('y2');
    expect(spec.vlines.map((l) => l.x)).toEqual(linesInRange(0.0712, 10 ** 3.5563, 10 ** (3.5563 + 0.4075), { majorOnly: true }).map((x) => x.observedA));
    expect(spectrumLiveSpec(d, m, 'model', { show: false, all: false }).vlines).toHaveLength(0);
  });

  it('strokes one polyline per series, broken at NaN, inside a clip of its axes', () => {
    const spec = spectrumLiveSpec(d, m, 'model', { show: false, all: false });
    const { ctx, calls } = recorder();
    drawOverlay(ctx, map, spec);
    expect(calls.filter((c) => c[0] === 'stroke')).toHaveLength(2);
    expect(calls.filter((c) => c[0] === 'rect')).toEqual([
      ['rect', 60, 10, 630, 300],
      ['rect', 60, 330, 630, 100],
    ]);
    const resid = spec.series[1].y;
    let finite = 0;
    let runs = 0;
    for (let k = 0; k < resid.length; k++) {
      if (Number.isFinite(resid[k])) {
        finite++;
        if (k === 0 || !Number.isFinite(resid[k - 1])) runs++;
      }
    }
    const second = calls.slice(calls.findIndex((c, i) => c[0] === 'rect' && i > calls.findIndex((x) => x[0] === 'rect')));
    expect(second.filter((c) => c[0] === 'moveTo')).toHaveLength(runs);
    expect(second.filter((c) => c[0] === 'moveTo' || c[0] === 'lineTo')).toHaveLength(finite);
  });

  it('draws the χ² z line on the STAR panel for stars, and skips lines off the axis', () => {
    expect(chi2LiveSpec('STAR', 0.001).vlines[0]).toMatchObject({ xaxis: 'x2', x: chi2X('STAR', 0.001) });
    expect(chi2LiveSpec('QSO', 2).vlines[0]).toMatchObject({ xaxis: 'x', x: Math.log10(3) });
    const { ctx, calls } = recorder();
    drawOverlay(ctx, map, { series: [], vlines: [{ x: 9999, xaxis: 'x', yaxis: 'y', color: '#000', width: 1 }, { x: 5000, xaxis: 'x2', yaxis: 'y', color: '#000', width: 1 }] });
    expect(calls.filter((c) => c[0] === 'stroke')).toHaveLength(0);
    drawOverlay(ctx, map, { series: [], vlines: [{ x: 6400, xaxis: 'x', yaxis: 'y', color: '#000', width: 1 }] });
    expect(calls.filter((c) => c[0] === 'moveTo')).toEqual([['moveTo', 375, 10]]);
  });
});
