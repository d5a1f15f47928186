/** The spectrum panel of the view: the flux/model and line toggles over the spectrum plot, and a flagged second redshift's lines. */
import { useState } from 'react';
import type { SecondRedshift } from '../../core/scan/types.ts';
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
  /** A flagged second redshift (in the detail's measured frame): its lines are marked at z₂. */
  secondZ?: SecondRedshift;
}

export function SpectrumPanel({ detail, cls, z, zSettled, grid, compare, guided, secondZ }: SpectrumPanelProps) {
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
      <SpectrumPlot detail={detail} cls={cls} z={z} grid={grid} mode={mode} showLines={showLines} allLines={allLines} zSettled={zSettled} compare={compare} secondZ={secondZ} />
      {secondZ && (
        <p className="second-z-note" data-testid="second-z-note" data-z2={String(secondZ.z2)}>
          Second redshift z₂ = {secondZ.z2.toFixed(4)} (S/N {secondZ.snr.toFixed(1)}) in the residual: {secondZ.lines.map((l) => `${l.name} (S/N ${l.snr.toFixed(1)})`).join(', ')} — marked ‘z₂ …’ on the spectrum
          {showLines ? '' : ' when lines are on'}.
        </p>
      )}
      {guided && <GuidedNote id="spectrum" text={mode === 'model' ? GUIDE.spectrum : GUIDE.flux} />}
    </div>
  );
}
