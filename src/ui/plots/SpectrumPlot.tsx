/**
 * The spectrum plot ([data-testid="plot-spectrum"]): data, shifted
 * reconstruction, residuals, masks, lines. In the compare view the other
 * model family's reconstruction is drawn dashed over it (residuals stay the
 * shown family's).
 *
 * While z moves (`zSettled` ≠ `z`) Plotly keeps the settled figure with the
 * model and line markers hidden, and a canvas over it draws the model,
 * residuals and markers at the live z: no Plotly redraw per frame. Before the
 * chart has been drawn once (no axis map yet) it falls back to Plotly updates
 * with decimated traces and no labels.
 */
import { useMemo } from 'react';
import type { Data, PlotMouseEvent } from 'plotly.js-dist-min';
import type { OutputGridSpec } from '../../core/scan/redshift.ts';
import type { Reconstruction, SecondRedshift } from '../../core/scan/types.ts';
import type { ModelFamily, SpectralClass } from '../../core/types.ts';
import type { SpectrumDetail } from '../../worker/protocol.ts';
import { compareModelTrace, COMPARE_DASH_PX, FAMILY_LABEL, withFamilyNames } from './compareFigure.ts';
import { decimateTraces } from './decimate.ts';
import { LiveOverlay } from './LiveOverlay.tsx';
import { spectrumLiveSpec } from './liveSpecs.ts';
import { Plot } from './Plot.tsx';
import { CLASS_COLORS } from './palette.ts';
import {
  maskShapes,
  MODEL_LAMBDA_A,
  placedModel,
  spectrumLayout,
  spectrumModelTraces,
  spectrumRanges,
  spectrumStaticTraces,
  type SpectrumData,
  type SpectrumMode,
} from './spectrumFigure.ts';
import type { DisplayOptions } from './spectrumExtras.ts';
import { useAxisMap } from './useAxisMap.ts';

export interface SpectrumPlotProps {
  detail: SpectrumDetail;
  cls: SpectralClass;
  /** The live redshift. */
  z: number;
  /** z once it has stopped moving; equal to z when still. */
  zSettled: number;
  grid: OutputGridSpec;
  mode: SpectrumMode;
  showLines: boolean;
  allLines: boolean;
  /** Compare view: the other family's reconstruction of the same class (dashed). */
  compare?: { family: ModelFamily; reconstruction: Reconstruction; grid: OutputGridSpec };
  /** A flagged second redshift: its lines marked at z₂ (they do not move with z). */
  secondZ?: SecondRedshift;
  /** Smoothing, arm colours, sky and noise (display only). */
  display?: DisplayOptions;
  /** A click on the plot: the wavelength under it (vacuum Å, the x axis) and where on the page it was. */
  onPickWavelength?: (lambdaA: number, at: { clientX: number; clientY: number }) => void;
}

/** Points per trace in the fallback while z moves (about two per screen pixel). */
const FAST_POINTS = 1400;

export function SpectrumPlot({ detail, cls, z, zSettled, grid, mode, showLines, allLines, compare, secondZ, display, onPickWavelength }: SpectrumPlotProps) {
  const { result } = detail;
  const [map, onGraph] = useAxisMap();
  const moving = zSettled !== z;
  const live = moving && map !== undefined;
  const zPlotly = live ? zSettled : z;

  const data: SpectrumData = useMemo(
    () => ({ spectrum: detail.spectrum, gridded: detail.gridded, preprocessed: result.preprocessed }),
    [detail.spectrum, detail.gridded, result.preprocessed],
  );
  const reconstruction = result.reconstructions[cls];
  const staticTraces = useMemo(() => spectrumStaticTraces(data, mode, display), [data, mode, display]);
  const rightAxis = useMemo(() => staticTraces.some((t) => (t as { yaxis?: string }).yaxis === 'y3'), [staticTraces]);
  const fastStatic = useMemo(() => decimateTraces(staticTraces, FAST_POINTS), [staticTraces]);
  const masks = useMemo(() => maskShapes(result.preprocessed.w), [result.preprocessed.w]);
  // Ranges from the class's best z, so the axes hold still while z moves.
  const zBest = result.zByClass[cls];
  const ranges = useMemo(
    () => spectrumRanges(data, { cls, z: Number.isFinite(zBest) ? zBest : zSettled, reconstruction, grid }, mode),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ranges follow the best z, not the slider
    [data, cls, zBest, reconstruction, grid, mode],
  );
  const fallback = moving && !live;
  const family = result.family;
  const modelTraces = useMemo(() => {
    let t = spectrumModelTraces(data, { cls, z: zPlotly, reconstruction, grid }, mode);
    if (compare) {
      const other = compareModelTrace(data, { cls, z: zPlotly, reconstruction: compare.reconstruction, grid: compare.grid }, mode, compare.family);
      t = [...withFamilyNames(t, family), other];
    }
    if (live) return t.map((x) => ({ ...x, visible: false }) as Data);
    return fallback ? decimateTraces(t, FAST_POINTS) : t;
  }, [data, cls, zPlotly, reconstruction, grid, mode, live, fallback, compare, family]);
  const traces = useMemo(() => [...(fallback ? fastStatic : staticTraces), ...modelTraces], [fallback, fastStatic, staticTraces, modelTraces]);
  const uirevision = `${detail.fileName}#${detail.index}`;
  const fluxUnit = detail.spectrum.meta.fluxUnit;
  const layout = useMemo(
    () =>
      spectrumLayout({
        mode,
        cls,
        z: zPlotly,
        ranges,
        showLines: showLines && !live,
        allLines,
        secondZ: showLines ? secondZ : undefined,
        labels: !moving,
        maskShapes: masks,
        fluxUnit,
        uirevision: `${uirevision}:${mode}`,
        rightAxis,
      }),
    [mode, cls, zPlotly, ranges, showLines, live, allLines, secondZ, moving, masks, fluxUnit, uirevision, rightAxis],
  );
  const liveSpec = useMemo(() => {
    if (!live) return undefined;
    const spec = spectrumLiveSpec(data, { cls, z, reconstruction, grid }, mode, { show: showLines, all: allLines });
    if (compare) {
      const y = placedModel(data, { cls, z, reconstruction: compare.reconstruction, grid: compare.grid }, mode);
      spec.series.push({ x: MODEL_LAMBDA_A, y, xaxis: 'x', yaxis: 'y', color: CLASS_COLORS[cls], width: 1.5, dash: COMPARE_DASH_PX });
    }
    return spec;
  }, [live, data, cls, z, reconstruction, grid, mode, showLines, allLines, compare]);
  const onClick = useMemo(
    () =>
      onPickWavelength &&
      ((e: PlotMouseEvent) => {
        const x = e.points[0]?.x;
        const ev = e.event as MouseEvent | undefined;
        if (typeof x === 'number' && Number.isFinite(x)) onPickWavelength(x, { clientX: ev?.clientX ?? 0, clientY: ev?.clientY ?? 0 });
      }),
    [onPickWavelength],
  );
  return (
    <Plot
      testId="plot-spectrum"
      label={
        compare
          ? `Spectrum with the ${FAMILY_LABEL[family]} (solid) and ${FAMILY_LABEL[compare.family]} (dashed) ${cls} reconstructions at z = ${z.toFixed(4)}`
          : `Spectrum with the ${cls} reconstruction at z = ${z.toFixed(4)}`
      }
      data={traces}
      layout={layout}
      height={440}
      onGraph={onGraph}
      onClick={onClick}
    >
      {liveSpec && map && <LiveOverlay map={map} spec={liveSpec} />}
    </Plot>
  );
}
