/**
 * The spectrum plot ([data-testid="plot-spectrum"]): data, shifted
 * reconstruction, residuals, masks, lines.
 *
 * While z moves (`zSettled` ≠ `z`) Plotly keeps the settled figure with the
 * model and line markers hidden, and a canvas over it draws the model,
 * residuals and markers at the live z: no Plotly redraw per frame. Before the
 * chart has been drawn once (no axis map yet) it falls back to Plotly updates
 * with decimated traces and no labels.
 */
import { useMemo } from 'react';
import type { Data } from 'plotly.js-dist-min';
import type { OutputGridSpec } from '../../core/scan/redshift.ts';
import type { SpectralClass } from '../../core/types.ts';
import type { SpectrumDetail } from '../view/types.ts';
import { decimateTraces } from './decimate.ts';
import { LiveOverlay } from './LiveOverlay.tsx';
import { spectrumLiveSpec } from './liveSpecs.ts';
import { Plot } from './Plot.tsx';
import {
  maskShapes,
  spectrumLayout,
  spectrumModelTraces,
  spectrumRanges,
  spectrumStaticTraces,
  type SpectrumData,
  type SpectrumMode,
} from './spectrumFigure.ts';
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
}

/** Points per trace in the fallback while z moves (about two per screen pixel). */
const FAST_POINTS = 1400;

export function SpectrumPlot({ detail, cls, z, zSettled, grid, mode, showLines, allLines }: SpectrumPlotProps) {
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
  const staticTraces = useMemo(() => spectrumStaticTraces(data, mode), [data, mode]);
  const fastStatic = useMemo(() => decimateTraces(staticTraces, FAST_POINTS), [staticTraces]);
  const masks = useMemo(() => maskShapes(result.preprocessed.w), [result.preprocessed.w]);
  // Ranges from the class's best z, so the axes hold still while z moves.
  const zBest = result.zByClass[cls];
  const ranges = useMemo(
    () => spectrumRanges(data, { cls, z: Number.isFinite(zBest) ? zBest : zSettled, reconstruction, grid }, mode),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- z on purpose left out
    [data, cls, zBest, reconstruction, grid, mode],
  );
  const fallback = moving && !live;
  const modelTraces = useMemo(() => {
    const t = spectrumModelTraces(data, { cls, z: zPlotly, reconstruction, grid }, mode);
    if (live) return t.map((x) => ({ ...x, visible: false }) as Data);
    return fallback ? decimateTraces(t, FAST_POINTS) : t;
  }, [data, cls, zPlotly, reconstruction, grid, mode, live, fallback]);
  const traces = useMemo(() => [...(fallback ? fastStatic : staticTraces), ...modelTraces], [fallback, fastStatic, staticTraces, modelTraces]);
  const uirevision = `${detail.fileName}#${detail.index}`;
  const fluxUnit = detail.spectrum.meta.fluxUnit;
  const layout = useMemo(
    () =>
      spectrumLayout({
        mode,
        z: zPlotly,
        ranges,
        showLines: showLines && !live,
        allLines,
        labels: !moving,
        maskShapes: masks,
        fluxUnit,
        uirevision: `${uirevision}:${mode}`,
      }),
    [mode, zPlotly, ranges, showLines, live, allLines, moving, masks, fluxUnit, uirevision],
  );
  const liveSpec = useMemo(
    () => (live ? spectrumLiveSpec(data, { cls, z, reconstruction, grid }, mode, { show: showLines, all: allLines }) : undefined),
    [live, data, cls, z, reconstruction, grid, mode, showLines, allLines],
  );
  return (
    <Plot
      testId="plot-spectrum"
      label={`Spectrum with the ${cls} reconstruction at z = ${z.toFixed(4)}`}
      data={traces}
      layout={layout}
      height={440}
      onGraph={onGraph}
    >
      {liveSpec && map && <LiveOverlay map={map} spec={liveSpec} />}
    </Plot>
  );
}
