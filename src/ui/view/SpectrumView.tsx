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
 * The keys (']' '[' 'S' 'G' 'Q' …) are the shell's (useGlobalKeys), so they
 * work wherever the focus is. Every move here only changes what is shown: the
 * shell saves it when the inspector accepts (issue 9).
 *
 * Under the plots, a tab away: each class's ranked minima (clicking one
 * shows that class and z) and the χ² curves as CSV. With a flagged second
 * redshift, its lines are marked on the spectrum at z₂. Line matching on the
 * spectrum (click a feature, name its line) shows that z the same way.
 */
import { useEffect, useMemo, useState } from 'react';
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

type ViewTab = 'minima' | 'eigen';
/** The tab last chosen, kept for the next spectrum of the session. */
let lastTab: ViewTab = 'minima';

export function SpectrumView({ detail, manifest, eigen, z, cls, onZChange, onClassChange, guided, onAnswerHidden }: SpectrumViewProps) {
  const { result, compare } = detail;
  const previewMinimum = (c: SpectralClass, zz: number) => {
    if (c !== cls) onClassChange(c);
    onZChange(zz);
  };
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
  const view = useViewZ({ result, cls, z, guided, spectrumKey, onZChange, onClassChange });
  const { phase, hideAnswer: hide, finish } = view.exercise;
  useEffect(() => onAnswerHidden?.(hide), [hide, onAnswerHidden]);

  const zShown = clampZ(z, zMin, zMax);
  // While z moves, Plotly keeps the settled figures and canvases draw what
  // moves (Plotly redraws are what limit the frame rate); the eigenspectra
  // band waits for the drag to pause.
  const zSettled = useSettled(zShown, 150);
  const [tab, setTab] = useState<ViewTab>(lastTab);
  const chooseTab = (t: ViewTab) => {
    lastTab = t;
    setTab(t);
  };
  return (
    <section className="spectrum-view" data-testid="spectrum-view" aria-label="spectrum view">
      <ViewHeader detail={detail} hideAnswer={hide} />
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

      <div className="view-plots">
        <div className="view-main">
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
        </div>

        <div className="view-side">
          {hide ? (
            <div className="chi2-hidden" data-testid="plot-chi2-hidden">
              The χ² curves are hidden until you find the redshift (or ask for the answer).
            </div>
          ) : (
            <Chi2Plot result={result} cls={cls} z={zShown} zSettled={zSettled} uirevision={spectrumKey} onPick={view.onPick} compare={compare} />
          )}
        </div>
      </div>

      {/* Below the plots (the pane scrolls to them): the minima and guides, or the eigenspectra, one tab at a time. */}
      <div className="view-tabs" role="tablist" aria-label="More about this fit">
        <button type="button" role="tab" data-testid="tab-minima" aria-selected={tab === 'minima'} onClick={() => chooseTab('minima')}>
          χ² minima{guided ? ' & guide' : ''}
        </button>
        <button type="button" role="tab" data-testid="tab-eigen" aria-selected={tab === 'eigen'} onClick={() => chooseTab('eigen')}>
          eigenspectra
        </button>
      </div>
      {tab === 'minima' ? (
        <div className="view-panel" role="tabpanel">
          {!hide && (
            <div className="chi2-extras">
              <MinimaList result={result} cls={cls} z={zShown} onPreview={previewMinimum} />
              <CurvesDownload detail={detail} />
            </div>
          )}
          {guided && <GuidedNote id="chi2" text={GUIDE.chi2} />}
          {guided && !hide && <GuidedNote id="robustness" text={GUIDE.robustness} />}
        </div>
      ) : (
        <div className="view-panel" role="tabpanel">
          <EigenPlot cls={cls} z={zSettled} entry={entry} reconstruction={result.reconstructions[cls]} eigen={eigen[cls]} uirevision={spectrumKey} />
          {compare && (
            <p className="muted" data-testid="eigen-compare-note">
              Eigenspectra of the {result.family === 'encoder' ? 'encoder' : 'shown model'} only: the UNet reconstructs the spectrum directly and has no eigenspectra.
            </p>
          )}
          {guided && <GuidedNote id="eigen" text={entry.family === 'encoder' ? GUIDE.eigen : GUIDE.eigenUnet} />}
        </div>
      )}
    </section>
  );
}
