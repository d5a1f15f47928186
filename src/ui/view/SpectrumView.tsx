/**
 * One analysed spectrum: the spectrum with the shifted reconstruction, the χ²
 * curves, the eigenspectra, a live redshift slider and, in guided mode,
 * explanations and the find-the-redshift exercise. z and class live in the
 * shell; the view reports changes through onZChange/onClassChange.
 *
 * Compare view (both model families on, detail.compare present): the other
 * family's reconstruction dashed over the spectrum, its χ² curves dashed
 * beside the solid ones, and both answers side by side. The eigenspectra
 * stay the encoder's (UNets have none).
 *
 * Keys (when the view has focus): ']' or 'n' next χ² minimum of the shown
 * class, '[' or 'p' previous (ranked lowest χ² first, wrapping).
 *
 * Under the χ² plot: each class's ranked minima (clicking one previews it: the
 * view shows that class and z until any other move, and nothing is saved
 * unless "keep" is pressed) and the χ² curves as CSV. With a flagged second
 * redshift, its lines are marked on the spectrum at z₂. Line matching on the
 * spectrum (click a feature, name its line) previews the same way.
 */
import { useMemo, useState } from 'react';
import { findModel } from '../../core/inference/manifest.ts';
import { Chi2Plot } from '../plots/Chi2Plot.tsx';
import { EigenPlot } from '../plots/EigenPlot.tsx';
import { Exercise } from '../teach/Exercise.tsx';
import { GuidedNote } from '../teach/GuidedNote.tsx';
import { GUIDE } from '../teach/guideText.ts';
import { CLASSES, type SpectralClass } from '../../core/types.ts';
import { CompareReadouts } from './CompareReadouts.tsx';
import { CurvesDownload } from './CurvesDownload.tsx';
import type { ZRanges } from './lineMatch.ts';
import { MinimaList } from './MinimaList.tsx';
import { Readouts } from './Readouts.tsx';
import { SpectrumPanel } from './SpectrumPanel.tsx';
import type { SpectrumViewProps } from './types.ts';
import { useSettled } from './useSettled.ts';
import { useViewZ } from './useViewZ.ts';
import { ViewHeader } from './ViewHeader.tsx';
import { ZControls, clampZ } from './ZControls.tsx';
import './spectrumView.css';

/** A minimum shown without saving it, valid while the shell's z and class are those it was made from. */
interface Preview {
  cls: SpectralClass;
  z: number;
  fromZ: number;
  fromCls: SpectralClass;
}

export function SpectrumView({ detail, manifest, eigen, z: shellZ, cls: shellCls, onZChange, onClassChange, guided }: SpectrumViewProps) {
  const { result, compare } = detail;
  const [previewState, setPreview] = useState<Preview | undefined>(undefined);
  // A change of the shell's z or class (a saved move, undo, another decision) ends the preview.
  const preview = previewState && previewState.fromZ === shellZ && previewState.fromCls === shellCls ? previewState : undefined;
  const cls = preview?.cls ?? shellCls;
  const z = preview?.z ?? shellZ;
  // Any other move starts from what is shown: a previewed class becomes the chosen one first, unless
  // the move picks a class itself (a class button reports the class, then its best z, in one handler).
  let classPicked = false;
  const changeZ = (zz: number) => {
    if (preview && !classPicked && preview.cls !== shellCls) onClassChange(preview.cls);
    setPreview(undefined);
    onZChange(zz);
  };
  const changeClass = (c: SpectralClass) => {
    classPicked = true;
    setPreview(undefined);
    onClassChange(c);
  };
  const previewMinimum = (c: SpectralClass, zz: number) => setPreview({ cls: c, z: zz, fromZ: shellZ, fromCls: shellCls });
  const entry = findModel(manifest, result.family, cls);
  const compareEntry = compare ? findModel(manifest, compare.family, cls) : undefined;
  const compareRec = compare?.reconstructions[cls];
  const compareModel = useMemo(
    () => (compare && compareRec && compareEntry ? { family: compare.family, reconstruction: compareRec, grid: compareEntry.outputGrid } : undefined),
    [compare, compareRec, compareEntry],
  );
  const grid = entry.outputGrid;
  const family = result.family;
  const zRanges = useMemo(
    () => Object.fromEntries(CLASSES.map((c) => [c, [findModel(manifest, family, c).zMin, findModel(manifest, family, c).zMax] as const])) as ZRanges,
    [manifest, family],
  );
  const digits = cls === 'STAR' ? 6 : 5;
  const spectrumKey = `${detail.fileName}#${detail.index}`;

  const zMin = entry.zMin;
  const zMax = entry.zMax;
  const view = useViewZ({ result, cls, z, grid, guided, spectrumKey, onZChange: changeZ, onClassChange: changeClass });
  const { phase, hideAnswer: hide, finish } = view.exercise;

  const zShown = clampZ(z, zMin, zMax);
  // While z moves, Plotly keeps the settled figures and canvases draw what
  // moves (Plotly redraws are what limit the frame rate); the eigenspectra
  // band waits for the drag to pause.
  const zSettled = useSettled(zShown, 150);
  return (
    <section className="spectrum-view" data-testid="spectrum-view" tabIndex={0} onKeyDown={view.onKeyDown} aria-label="spectrum view">
      <ViewHeader detail={detail} />
      <div className="view-controls">
        <ZControls z={zShown} zMin={zMin} zMax={zMax} digits={digits} onZ={view.moveZ} onCommit={view.commitZ} />
        <Readouts result={result} cls={cls} z={zShown} grid={grid} digits={digits} hideAnswer={hide} onClass={view.pickClass} />
        {compare && <CompareReadouts shown={result} other={compare} cls={cls} z={zShown} digits={digits} hideAnswer={hide} />}
      </div>
      {detail.compareError && (
        <p className="view-issues" role="status" data-testid="compare-error">
          No comparison: {detail.compareError}
        </p>
      )}
      {(phase === 'running' || phase === 'done') && (
        <Exercise
          scan={result.scans[cls]}
          grid={grid}
          z={zShown}
          done={phase === 'done'}
          onSolved={finish}
          onReveal={finish}
          onRestart={view.restartExercise}
        />
      )}

      <SpectrumPanel
        detail={detail}
        cls={cls}
        z={zShown}
        zSettled={zSettled}
        grid={grid}
        compare={compareModel}
        guided={guided}
        secondZ={result.flags.includes('second-redshift') ? result.secondRedshift : undefined}
        zRanges={zRanges}
        onMatchLine={previewMinimum}
      />

      <div className="view-panel">
        {hide ? (
          <div className="chi2-hidden" data-testid="plot-chi2-hidden">
            The χ² curves are hidden until you find the redshift (or ask for the answer).
          </div>
        ) : (
          <>
            <Chi2Plot result={result} cls={cls} z={zShown} zSettled={zSettled} uirevision={spectrumKey} onPick={view.onPick} compare={compare} />
            <div className="chi2-extras">
              <MinimaList result={result} cls={cls} z={zShown} onPreview={previewMinimum} onKeep={preview ? () => changeZ(preview.z) : undefined} />
              <CurvesDownload detail={detail} />
            </div>
          </>
        )}
        {guided && <GuidedNote id="chi2" text={GUIDE.chi2} />}
        {guided && !hide && <GuidedNote id="robustness" text={GUIDE.robustness} />}
      </div>

      <div className="view-panel">
        <EigenPlot cls={cls} z={zSettled} entry={entry} reconstruction={result.reconstructions[cls]} eigen={eigen[cls]} uirevision={spectrumKey} />
        {compare && (
          <p className="muted" data-testid="eigen-compare-note">
            Eigenspectra of the {result.family === 'encoder' ? 'encoder' : 'shown model'} only: the UNet reconstructs the spectrum directly and has no eigenspectra.
          </p>
        )}
        {guided && <GuidedNote id="eigen" text={entry.family === 'encoder' ? GUIDE.eigen : GUIDE.eigenUnet} />}
      </div>
    </section>
  );
}
