/** Overlay specs (overlayDraw.ts) of the parts that follow z live: the spectrum's model, residuals and line markers, and the χ² plot's z line. */
import { linesInRange } from '../../core/lines/index.ts';
import type { SpectralClass } from '../../core/types.ts';
import { chi2X } from './chi2Figure.ts';
import type { OverlaySpec, OverlayVLine } from './overlayDraw.ts';
import { PLOT_COLORS } from './palette.ts';
import { MODEL_LAMBDA_A, spectrumModelTraces, type ModelAtZ, type SpectrumData, type SpectrumMode } from './spectrumFigure.ts';

export function spectrumLiveSpec(d: SpectrumData, m: ModelAtZ, mode: SpectrumMode, lines: { show: boolean; all: boolean }): OverlaySpec {
  const series = spectrumModelTraces(d, m, mode).map((t) => {
    const tr = t as { x: ArrayLike<number>; y: ArrayLike<number>; yaxis?: string; line: { color: string; width: number } };
    return { x: tr.x, y: tr.y, xaxis: 'x' as const, yaxis: tr.yaxis === 'y2' ? ('y2' as const) : ('y' as const), color: tr.line.color, width: tr.line.width };
  });
  const vlines: OverlayVLine[] = !lines.show
    ? []
    : linesInRange(m.z, MODEL_LAMBDA_A[0], MODEL_LAMBDA_A[MODEL_LAMBDA_A.length - 1], { majorOnly: !lines.all, cls: m.cls }).map((mk) => ({
        x: mk.observedA,
        xaxis: 'x',
        yaxis: 'y',
        color: mk.line.kind === 'emission' ? PLOT_COLORS.emissionLine : PLOT_COLORS.absorptionLine,
        width: 1,
        dash: mk.line.kind === 'emission' ? [2, 3] : [6, 4],
      }));
  return { series, vlines };
}

export function chi2LiveSpec(cls: SpectralClass, z: number): OverlaySpec {
  return { series: [], vlines: [{ x: chi2X(cls, z), xaxis: cls === 'STAR' ? 'x2' : 'x', yaxis: 'y', color: PLOT_COLORS.currentZ, width: 1.5, dash: [5, 4] }] };
}
