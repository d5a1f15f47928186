/**
 * The spectrum panel of the view: the flux/model and line toggles, the display controls
 * (smoothing, sky, noise, arm colours: display only, the analysis never sees them) over the
 * spectrum plot, Marz-style line matching (click a feature, say which line it is: z is previewed),
 * and a flagged second redshift's lines.
 *
 * Key 's' (anywhere but a text box) cycles the smoothing width: off, 3, 5, 9, 15 px.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SecondRedshift } from '../../core/scan/types.ts';
import type { SpectralClass } from '../../core/types.ts';
import type { ModelEntry } from '../../core/inference/manifest.ts';
import type { SpectrumDetail } from '../../worker/protocol.ts';
import { isTypingTarget } from '../keyboard.ts';
import { SpectrumPlot, type SpectrumPlotProps } from '../plots/SpectrumPlot.tsx';
import type { SpectrumMode } from '../plots/spectrumFigure.ts';
import type { DisplayOptions } from '../plots/spectrumExtras.ts';
import { nextSmoothing, NO_SMOOTHING, SMOOTHING_WIDTHS, type Smoothing, type SmoothingKind } from '../plots/smoothing.ts';
import { GuidedNote } from '../teach/GuidedNote.tsx';
import { GUIDE } from '../teach/guideText.ts';
import { classForZ, lineChoices, type LineChoice, type ZRanges } from './lineMatch.ts';
import { LineMatchMenu } from './LineMatchMenu.tsx';

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
  /** Each class's model redshift range: which lines line matching offers, and which class a matched z is shown in. */
  zRanges?: ZRanges;
  /** Line matching picked a line: show this class at this z (in the view's frame) without saving it. */
  onMatchLine?: (cls: SpectralClass, z: number) => void;
}

/** Width of the line-matching menu (px), to keep it inside the plot. */
const MENU_W = 250;
const MENU_H = 300;

interface OpenMenu {
  lambdaA: number;
  left: number;
  top: number;
  choices: LineChoice[];
}

export function SpectrumPanel({ detail, cls, z, zSettled, grid, compare, guided, secondZ, zRanges, onMatchLine }: SpectrumPanelProps) {
  const [mode, setMode] = useState<SpectrumMode>('model');
  const [showLines, setShowLines] = useState(true);
  const [allLines, setAllLines] = useState(false);
  const [smoothing, setSmoothing] = useState<Smoothing>(NO_SMOOTHING);
  const [sky, setSky] = useState(false);
  const [noise, setNoise] = useState(false);
  const [arms, setArms] = useState(true);
  const [menu, setMenu] = useState<OpenMenu | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);
  // the class shown when the click comes, without re-making the click handler (and the plot's props) per class change
  const clsRef = useRef(cls);
  useEffect(() => {
    clsRef.current = cls;
  }, [cls]);
  const { spectrum } = detail;
  const hasSky = spectrum.sky !== undefined;
  const hasNoise = !spectrum.noErrors;
  const armNames = spectrum.arms && spectrum.arms.length > 1 ? spectrum.arms.map((a) => a.name).join(' ') : undefined;
  const display = useMemo<DisplayOptions>(() => ({ smoothing, sky: sky && hasSky, noise: noise && hasNoise, arms }), [smoothing, sky, hasSky, noise, hasNoise, arms]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 's' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTypingTarget(e.target)) return;
      setSmoothing((s) => nextSmoothing(s));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onPickWavelength = useMemo(
    () =>
      zRanges && onMatchLine
        ? (lambdaA: number, at: { clientX: number; clientY: number }) => {
            const r = box.current?.getBoundingClientRect();
            const left = r ? Math.max(0, Math.min(at.clientX - r.left + 8, r.width - MENU_W)) : 0;
            const top = r ? Math.max(0, Math.min(at.clientY - r.top + 8, r.height - MENU_H)) : 0;
            setMenu({ lambdaA, left, top, choices: lineChoices(lambdaA, zRanges, clsRef.current) });
          }
        : undefined,
    [zRanges, onMatchLine],
  );
  const closeMenu = useCallback(() => setMenu(undefined), []);
  const pick = (c: LineChoice) => {
    setMenu(undefined);
    if (zRanges && onMatchLine) onMatchLine(classForZ(cls, c.z, zRanges), c.z);
  };

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
        <span className="smoothing-control" title="Display only: the analysis always uses the unsmoothed spectrum. Key s cycles the width.">
          smooth{' '}
          <select aria-label="smoothing kernel" data-testid="smoothing-kind" value={smoothing.kind} onChange={(e) => setSmoothing({ ...smoothing, kind: e.currentTarget.value as SmoothingKind })}>
            <option value="boxcar">boxcar</option>
            <option value="gaussian">Gaussian</option>
          </select>{' '}
          <select aria-label="smoothing width" data-testid="smoothing-width" value={smoothing.width} onChange={(e) => setSmoothing({ ...smoothing, width: Number(e.currentTarget.value) })}>
            {SMOOTHING_WIDTHS.map((w) => (
              <option key={w} value={w}>
                {w === 0 ? 'off' : `${w} px`}
              </option>
            ))}
          </select>
          <kbd>s</kbd>
        </span>
        <label title={hasSky ? 'The sky the reduction subtracted, on the right-hand axis' : 'This file carries no sky spectrum'}>
          <input type="checkbox" data-testid="toggle-sky" checked={sky && hasSky} disabled={!hasSky} onChange={(e) => setSky(e.currentTarget.checked)} /> sky
        </label>
        <label title={hasNoise ? 'σ = 1/√ivar per pixel, on the right-hand axis' : 'The file gave no errors'}>
          <input type="checkbox" data-testid="toggle-noise" checked={noise && hasNoise} disabled={!hasNoise} onChange={(e) => setNoise(e.currentTarget.checked)} /> noise σ
        </label>
        {armNames && (
          <label title="Colour the data by spectrograph arm (the arms are merged where they overlap)">
            <input type="checkbox" data-testid="toggle-arms" checked={arms} onChange={(e) => setArms(e.currentTarget.checked)} /> arms ({armNames})
          </label>
        )}
        {onPickWavelength && <span className="muted view-hint" title="Click a feature in the spectrum and say which line it is: z is shown for it (not saved until you accept)">click: name a line</span>}
      </div>
      <div className="spectrum-box" ref={box}>
        <SpectrumPlot
          detail={detail}
          cls={cls}
          z={z}
          grid={grid}
          mode={mode}
          showLines={showLines}
          allLines={allLines}
          zSettled={zSettled}
          compare={compare}
          secondZ={secondZ}
          display={display}
          onPickWavelength={onPickWavelength}
        />
        {menu && <LineMatchMenu lambdaA={menu.lambdaA} choices={menu.choices} left={menu.left} top={menu.top} onPick={pick} onClose={closeMenu} />}
      </div>
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
