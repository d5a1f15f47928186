/** The eigenspectra plot ([data-testid="plot-eigenspectra"]) of the displayed class. */
import { useMemo } from 'react';
import type { ModelEntry } from '../../core/inference/manifest.ts';
import type { Reconstruction } from '../../core/scan/types.ts';
import type { SpectralClass } from '../../core/types.ts';
import { eigenLayout, eigenTraces } from './eigenFigure.ts';
import { Plot } from './Plot.tsx';

export interface EigenPlotProps {
  cls: SpectralClass;
  z: number;
  entry: ModelEntry;
  reconstruction: Reconstruction;
  eigen: Float32Array | undefined;
  uirevision: string;
}

/** Why the eigenspectra are not drawn, if they are not. */
export function eigenNote(entry: ModelEntry, rec: Reconstruction, eigen: Float32Array | undefined): string | undefined {
  if (entry.family === 'unet' || !rec.coefficients) return 'UNets have no eigenspectra: this is the reconstruction alone.';
  if (!eigen) return 'Eigenspectra not loaded yet: this is the reconstruction alone.';
  return undefined;
}

export function EigenPlot({ cls, z, entry, reconstruction, eigen, uirevision }: EigenPlotProps) {
  const note = eigenNote(entry, reconstruction, eigen);
  const fig = useMemo(
    () => eigenTraces(cls, reconstruction, entry.outputGrid, note ? undefined : eigen),
    [cls, reconstruction, entry.outputGrid, eigen, note],
  );
  const layout = useMemo(
    () => eigenLayout({ cls, z, grid: entry.outputGrid, note, labels: fig.labels, uirevision: `${uirevision}:${cls}` }),
    [cls, z, entry.outputGrid, note, fig.labels, uirevision],
  );
  return (
    <Plot
      testId="plot-eigenspectra"
      label={`Eigenspectra of the ${cls} encoder weighted by this spectrum's coefficients`}
      data={fig.data}
      layout={layout}
      height={note ? 300 : 520}
    />
  );
}
