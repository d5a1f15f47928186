/** The spectrum panel of the view: the flux/model and line toggles over the spectrum plot. */
import { useState } from 'react';
import type { SpectralClass } from '../../core/types.ts';
import type { ModelEntry } from '../../core/inference/manifest.ts';
import type { SpectrumDetail } from '../../worker/protocol.ts';
import { SpectrumPlot, type SpectrumPlotProps } from '../plots/SpectrumPlot.tsx';
import type { SpectrumMode } from '../plots/spectrumFigure.ts';
import { GuidedNote } from '../teach/GuidedNote.tsx';
import { GUIDE } from '../teach/guideText.ts';

export interface SpectrumPanelProps {
  detail: SpectrumDetail;
  cls: SpectralClass;
  z: number;
  zSettled: number;
  grid: ModelEntry['outputGrid'];
  compare: SpectrumPlotProps['compare'];
  guided: boolean;
}

export function SpectrumPanel({ detail, cls, z, zSettled, grid, compare, guided }: SpectrumPanelProps) {
  const [mode, setMode] = useState<SpectrumMode>('model');
  const [showLines, setShowLines] = useState(true);
  const [allLines, setAllLines] = useState(false);
  return (
    <div className="view-panel">
      <div className="view-toggles">
        <label>
          <input type="checkbox" data-testid="toggle-flux" checked={mode === 'flux'} onChange={(e) => setMode(e.currentTarget.checked ? 'flux' : 'model')} /> flux units
        </label>
        <label>
          <input type="checkbox" checked={showLines} onChange={(e) => setShowLines(e.currentTarget.checked)} /> lines
        </label>
        <label>
          <input type="checkbox" checked={allLines} disabled={!showLines} onChange={(e) => setAllLines(e.currentTarget.checked)} /> all lines
        </label>
      </div>
      <SpectrumPlot detail={detail} cls={cls} z={z} grid={grid} mode={mode} showLines={showLines} allLines={allLines} zSettled={zSettled} compare={compare} />
      {guided && <GuidedNote id="spectrum" text={mode === 'model' ? GUIDE.spectrum : GUIDE.flux} />}
    </div>
  );
}
