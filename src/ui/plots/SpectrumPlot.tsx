/** The spectrum plot ([data-testid="plot-spectrum"]): data, shifted reconstruction, residuals, masks, lines. */
import { useMemo } from 'react';
import type { OutputGridSpec } from '../../core/scan/redshift.ts';
import type { SpectralClass } from '../../core/types.ts';
import type { SpectrumDetail } from '../view/types.ts';
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

export interface SpectrumPlotProps {
  detail: SpectrumDetail;
  cls: SpectralClass;
  z: number;
  grid: OutputGridSpec;
  mode: SpectrumMode;
  showLines: boolean;
  allLines: boolean;
}

export function SpectrumPlot({ detail, cls, z, grid, mode, showLines, allLines }: SpectrumPlotProps) {
  const { result } = detail;
  const data: SpectrumData = useMemo(
    () => ({ spectrum: detail.spectrum, gridded: detail.gridded, preprocessed: result.preprocessed }),
    [detail.spectrum, detail.gridded, result.preprocessed],
  );
  const reconstruction = result.reconstructions[cls];
  const staticTraces = useMemo(() => spectrumStaticTraces(data, mode), [data, mode]);
  const masks = useMemo(() => maskShapes(result.preprocessed.w), [result.preprocessed.w]);
  // Ranges from the class's best z, so the axes hold still while z moves.
  const zBest = result.zByClass[cls];
  const ranges = useMemo(
    () => spectrumRanges(data, { cls, z: Number.isFinite(zBest) ? zBest : z, reconstruction, grid }, mode),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- z on purpose left out
    [data, cls, zBest, reconstruction, grid, mode],
  );
  const modelTraces = useMemo(() => spectrumModelTraces(data, { cls, z, reconstruction, grid }, mode), [data, cls, z, reconstruction, grid, mode]);
  const traces = useMemo(() => [...staticTraces, ...modelTraces], [staticTraces, modelTraces]);
  const uirevision = `${detail.fileName}#${detail.index}`;
  const layout = useMemo(
    () =>
      spectrumLayout({ mode, z, ranges, showLines, allLines, maskShapes: masks, fluxUnit: detail.spectrum.meta.fluxUnit, uirevision: `${uirevision}:${mode}` }),
    [mode, z, ranges, showLines, allLines, masks, detail.spectrum.meta.fluxUnit, uirevision],
  );
  return (
    <Plot
      testId="plot-spectrum"
      label={`Spectrum with the ${cls} reconstruction at z = ${z.toFixed(4)}`}
      data={traces}
      layout={layout}
      height={440}
    />
  );
}
