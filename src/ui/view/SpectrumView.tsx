/**
 * One analysed spectrum: the spectrum with the shifted reconstruction, the χ²
 * curves, the eigenspectra, a live redshift slider and, in guided mode,
 * explanations and the find-the-redshift exercise. z and class live in the
 * shell; the view reports changes through onZChange/onClassChange.
 *
 * Keys (when the view has focus): ']' or 'n' next χ² minimum of the shown
 * class, '[' or 'p' previous (ranked lowest χ² first, wrapping).
 */
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { findModel } from '../../core/inference/manifest.ts';
import type { SpectralClass } from '../../core/types.ts';
import { Chi2Plot } from '../plots/Chi2Plot.tsx';
import { EigenPlot } from '../plots/EigenPlot.tsx';
import { SpectrumPlot } from '../plots/SpectrumPlot.tsx';
import type { SpectrumMode } from '../plots/spectrumFigure.ts';
import { Exercise } from '../teach/Exercise.tsx';
import { exerciseStartZ } from '../teach/exercise.ts';
import { GuidedNote } from '../teach/GuidedNote.tsx';
import { GUIDE } from '../teach/guideText.ts';
import { stepMinimum } from './minimaNav.ts';
import { Readouts } from './Readouts.tsx';
import type { SpectrumViewProps } from './types.ts';
import { useRafThrottle } from './useRafThrottle.ts';
import { ViewHeader } from './ViewHeader.tsx';
import { isTyping, viewKeyAction } from './viewKeys.ts';
import { ZControls, clampZ } from './ZControls.tsx';
import './spectrumView.css';

type ExercisePhase = 'off' | 'running' | 'done';

export function SpectrumView({ detail, manifest, eigen, z, cls, onZChange, onClassChange, guided }: SpectrumViewProps) {
  const { result } = detail;
  const entry = findModel(manifest, result.family, cls);
  const grid = entry.outputGrid;
  const digits = cls === 'STAR' ? 6 : 5;
  const spectrumKey = `${detail.fileName}#${detail.index}`;

  const [mode, setMode] = useState<SpectrumMode>('model');
  const [showLines, setShowLines] = useState(true);
  const [allLines, setAllLines] = useState(false);
  const [exercise, setExercise] = useState<ExercisePhase>('off');

  const setZ = useRafThrottle(onZChange);

  // Guided mode starts the exercise afresh for every spectrum, with z at 0.
  const zMin = entry.zMin;
  const zMax = entry.zMax;
  useEffect(() => {
    if (!guided) {
      setExercise('off');
      return;
    }
    setExercise('running');
    // Next frame, through the throttle: a parent that resets its own z state in
    // an effect of the same commit would otherwise overwrite the start.
    setZ(exerciseStartZ(zMin, zMax));
  }, [guided, spectrumKey, zMin, zMax, setZ]);

  const running = exercise === 'running';
  const pickClass = useCallback(
    (c: SpectralClass) => {
      if (c === cls) return;
      onClassChange(c);
      const target = findModel(manifest, result.family, c);
      const zc = running ? exerciseStartZ(target.zMin, target.zMax) : result.zByClass[c];
      if (Number.isFinite(zc)) onZChange(zc);
    },
    [cls, manifest, result, running, onClassChange, onZChange],
  );
  const onPick = useCallback(
    (c: SpectralClass, zc: number) => {
      if (c !== cls) onClassChange(c);
      onZChange(zc);
    },
    [cls, onClassChange, onZChange],
  );
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const action = viewKeyAction(e);
    if (!action || isTyping(e.target) || running) return;
    const m = stepMinimum(result.scans[cls].minima, grid, z, action === 'next-minimum' ? 1 : -1);
    if (!m) return;
    e.preventDefault();
    e.stopPropagation();
    onZChange(m.z);
  };
  const onSolved = useCallback(() => setExercise('done'), []);
  const restart = useCallback(() => {
    setExercise('running');
    onZChange(exerciseStartZ(zMin, zMax));
  }, [onZChange, zMin, zMax]);

  const zShown = clampZ(z, zMin, zMax);
  return (
    <section className="spectrum-view" data-testid="spectrum-view" tabIndex={0} onKeyDown={onKeyDown} aria-label="spectrum view">
      <ViewHeader detail={detail} />
      <div className="view-controls">
        <ZControls z={zShown} zMin={zMin} zMax={zMax} digits={digits} onZ={setZ} />
        <Readouts result={result} cls={cls} z={zShown} grid={grid} digits={digits} hideAnswer={running} onClass={pickClass} />
      </div>
      {guided && exercise !== 'off' && (
        <Exercise scan={result.scans[cls]} grid={grid} z={zShown} done={!running} onSolved={onSolved} onReveal={onSolved} onRestart={restart} />
      )}

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
        <SpectrumPlot detail={detail} cls={cls} z={zShown} grid={grid} mode={mode} showLines={showLines} allLines={allLines} />
        {guided && <GuidedNote id="spectrum" text={mode === 'model' ? GUIDE.spectrum : GUIDE.flux} />}
      </div>

      <div className="view-panel">
        {running ? (
          <div className="chi2-hidden" data-testid="plot-chi2-hidden">
            The χ² curves are hidden until you find the redshift (or ask for the answer).
          </div>
        ) : (
          <Chi2Plot result={result} cls={cls} z={zShown} uirevision={spectrumKey} onPick={onPick} />
        )}
        {guided && <GuidedNote id="chi2" text={GUIDE.chi2} />}
        {guided && !running && <GuidedNote id="robustness" text={GUIDE.robustness} />}
      </div>

      <div className="view-panel">
        <EigenPlot cls={cls} z={zShown} entry={entry} reconstruction={result.reconstructions[cls]} eigen={eigen[cls]} uirevision={spectrumKey} />
        {guided && <GuidedNote id="eigen" text={entry.family === 'encoder' ? GUIDE.eigen : GUIDE.eigenUnet} />}
      </div>
    </section>
  );
}
