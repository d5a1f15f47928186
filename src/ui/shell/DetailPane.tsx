/**
 * The open spectrum: the view helper's SpectrumView (plots, z slider) and
 * the DecisionBar (QOP, accept, comment).
 *
 * Explore versus decide (issue 9): what the view shows — a class and z moved
 * by the slider, a typed z, a χ² minimum, S/G/Q, R — is kept here as a draft
 * and saved only when the inspector accepts it (a QOP key or button, Enter,
 * Shift+Enter). A spectrum left without accepting keeps no trace of the
 * exploring. The drafts start from the accepted decision, else the pipeline.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { acceptPatch, applyPatch } from '../../core/export/decision.ts';
import type { DecisionIdent, Qop } from '../../core/export/types.ts';
import { findModel } from '../../core/inference/manifest.ts';
import type { FrameOverride, SpectralClass } from '../../core/types.ts';
import { useDecisions, useDecisionsApi } from '../../state/decisionsContext.ts';
import { useApp, useAppStore } from '../../state/store.ts';
import type { SpectrumDetail } from '../../worker/protocol.ts';
import { DecisionBar } from '../decisions/DecisionBar.tsx';
import { formatZ } from '../format.ts';
import { useSession } from '../sessionContext.ts';
import { useCommands, type SpectrumCommands } from '../spectrumCommands.ts';
import { scanZRange } from '../teach/exercise.ts';
import { useModelAssets } from '../useModelAssets.ts';
import { FramePanel } from '../view/FramePanel.tsx';
import { stepMinimum } from '../view/minimaNav.ts';

const SpectrumView = lazy(() => import('../view/SpectrumView.tsx').then((m) => ({ default: m.SpectrumView })));

export function DetailPane() {
  const detail = useApp((s) => s.detail);
  const assets = useModelAssets(detail.status !== 'none');
  if (detail.status === 'none') {
    return <p className="detail-empty">Click a row (or press ↓) to open a spectrum. Press ? for shortcuts.</p>;
  }
  if (detail.status === 'loading') return <p className="detail-empty" role="status">Loading spectrum…</p>;
  if (detail.status === 'error') {
    return (
      <p className="detail-error" role="alert">
        {detail.message}
      </p>
    );
  }
  if (assets.status === 'loading') return <p className="detail-empty" role="status">Loading models…</p>;
  if (assets.status === 'error') {
    return (
      <p className="detail-error" role="alert">
        Could not load the model files: {assets.message}
      </p>
    );
  }
  return <OpenSpectrum key={detail.key} spectrumKey={detail.key} detail={detail.detail} assets={assets.assets} />;
}

interface OpenSpectrumProps {
  spectrumKey: string;
  detail: SpectrumDetail;
  assets: Extract<ReturnType<typeof useModelAssets>, { status: 'ready' }>['assets'];
}

/** The frame panel's fold, kept while moving between spectra. */
let frameOpenDefault = false;

function OpenSpectrum({ spectrumKey, detail, assets }: OpenSpectrumProps) {
  const [frameOpen, setFrameOpenState] = useState(frameOpenDefault);
  const setFrameOpen = (open: boolean) => {
    frameOpenDefault = open;
    setFrameOpenState(open);
  };
  const guided = useApp((s) => s.guided);
  const hidden = useApp((s) => s.answerHidden === spectrumKey);
  const notice = useApp((s) => (s.notice?.key === spectrumKey ? s.notice : undefined));
  const store = useAppStore();
  const decision = useDecisions((s) => s.decisions[spectrumKey]);
  const api = useDecisionsApi();
  const commands = useCommands();
  const session = useSession();
  const { result } = detail;
  const ident: DecisionIdent = { fileName: detail.fileName, index: detail.index, spectrumId: detail.spectrum.id };
  const [draftCls, setDraftCls] = useState<SpectralClass | undefined>(undefined);
  const [draftZ, setDraftZ] = useState<number | undefined>(undefined);
  const cls: SpectralClass = draftCls ?? decision?.cls ?? result.cls;
  // The view works on the file's wavelengths (result.z); decisions, rows and exports are in the
  // corrected frame (barycentric, CMB): convert at the boundary.
  const factor = detail.correction?.factor ?? 1;
  const toView = (z: number) => (1 + z) / factor - 1;
  const toReported = (z: number) => (1 + z) * factor - 1;
  const zOf = (c: SpectralClass) => (decision?.z !== undefined ? toView(decision.z) : c === result.cls ? result.z : result.zByClass[c]);
  const z = draftZ ?? zOf(cls);
  // What stands accepted (the pipeline's answer where nothing else was), and whether the view shows something else.
  const acceptedCls = decision?.cls ?? result.cls;
  const acceptedZ = zOf(acceptedCls);
  const explored = cls !== acceptedCls || Math.abs(z - acceptedZ) > 5e-7 * (1 + Math.abs(acceptedZ));
  const fileOverride = useDecisions((s) => Object.values(s.decisions).find((d) => d.fileName === detail.fileName && d.frame)?.frame);

  // An accepted change (or undo) replaces the drafts; so does switching guided mode.
  const savedCls = decision?.cls;
  const savedZ = decision?.z;
  useEffect(() => {
    setDraftZ(undefined);
    setDraftCls(undefined);
  }, [savedCls, savedZ, guided]);

  const say = (text: string) => store.getState().setNotice(spectrumKey, text);
  const digits = cls === 'STAR' ? 6 : 5;
  const pipeline = { cls: result.cls, z: toReported(result.z) };

  const accept = (qop?: Qop): boolean => {
    if (hidden) {
      say('Find the redshift first (or ask for the answer), then accept it.');
      return false;
    }
    const patch = acceptPatch({ cls, z: toReported(z) }, pipeline, qop);
    if (!applyPatch(decision, patch, ident, 0)) {
      say("Nothing to accept: this is the pipeline's answer. Give it a quality with 4 3 2 1 6.");
      return false;
    }
    void api.getState().setDecision(spectrumKey, patch, ident);
    setDraftZ(undefined);
    setDraftCls(undefined);
    const q = qop ?? decision?.qop;
    say(`Accepted: ${cls} z = ${toReported(z).toFixed(digits)}${q === undefined ? ' (no quality yet: 4 3 2 1 6)' : ` · QOP ${q}`}`);
    return true;
  };

  const live = useRef<SpectrumCommands>(undefined as unknown as SpectrumCommands);
  live.current = {
    key: spectrumKey,
    stepMinimum(dir) {
      if (hidden) return say('The χ² minima are hidden until you find the redshift (or ask for the answer).');
      const minima = result.scans[cls].minima;
      const m = stepMinimum(minima, findModel(assets.manifest, result.family, cls).outputGrid, z, dir);
      if (!m) return say(`${cls} has no χ² minimum in range.`);
      setDraftCls(cls);
      setDraftZ(m.z);
      say(`${cls} minimum ${minima.indexOf(m) + 1} of ${minima.length}: z = ${toReported(m.z).toFixed(digits)}, χ² ${m.chi2.toFixed(3)} (not saved)`);
    },
    setClass(c) {
      const [lo, hi] = scanZRange(result.scans[c]);
      setDraftCls(c);
      if (z >= lo && z <= hi) {
        setDraftZ(z);
        say(`${c} at the same z = ${toReported(z).toFixed(c === 'STAR' ? 6 : 5)} (not saved)`);
        return;
      }
      const to = hidden ? Math.min(hi, Math.max(lo, z)) : result.zByClass[c];
      setDraftZ(to);
      say(`${c}'s χ² curve covers z ${formatZ(lo)} … ${formatZ(hi)}, not z = ${formatZ(toReported(z))}: shown at ${hidden ? 'the nearest end' : 'its best z'}, ${formatZ(toReported(to))} (not saved)`);
    },
    showPipeline() {
      if (hidden) return say('The pipeline answer is hidden until you find the redshift (or ask for the answer).');
      setDraftCls(result.cls);
      setDraftZ(result.z);
      say(`Pipeline answer shown: ${result.cls} z = ${pipeline.z.toFixed(result.cls === 'STAR' ? 6 : 5)} (not saved)`);
    },
    accept,
  };
  useEffect(() => {
    const proxy: SpectrumCommands = {
      key: spectrumKey,
      stepMinimum: (d) => live.current.stepMinimum(d),
      setClass: (c) => live.current.setClass(c),
      showPipeline: () => live.current.showPipeline(),
      accept: (q) => live.current.accept(q),
    };
    commands.current = proxy;
    return () => {
      if (commands.current === proxy) commands.current = undefined;
    };
  }, [commands, spectrumKey]);

  /** One override for the whole file: set on this spectrum's decision, cleared from the file's others, then analyse again. */
  const onOverride = (next: FrameOverride | undefined) => {
    const st = api.getState();
    for (const d of Object.values(st.decisions)) {
      if (d.fileName === detail.fileName && d.key !== spectrumKey && d.frame) void st.setDecision(d.key, { frame: undefined }, d);
    }
    void st.setDecision(spectrumKey, { frame: next }, ident);
    session.reanalyse(detail.fileName);
  };

  const setAnswerHidden = store.getState().setAnswerHidden;
  useEffect(() => () => {
    if (store.getState().answerHidden === spectrumKey) setAnswerHidden(undefined);
  }, [store, spectrumKey, setAnswerHidden]);

  return (
    <div className="detail" data-testid="detail" data-key={spectrumKey}>
      <DecisionBar
        spectrumKey={spectrumKey}
        ident={ident}
        shown={{ cls, z: toReported(z) }}
        accepted={{ cls: acceptedCls, z: toReported(acceptedZ) }}
        explored={explored}
        hideAnswer={hidden}
        onAccept={(q, next) => {
          if (accept(q) && next) commands.next();
        }}
        onShowPipeline={() => live.current.showPipeline()}
        notice={notice}
      />
      {!guided && (
        // Folded by default (laptop layout, issue 9): the plots come first; the choice stays open for the session.
        <details className="frame-details" open={frameOpen} onToggle={(e) => setFrameOpen(e.currentTarget.open)} data-testid="frame-details">
          <summary>wavelengths, velocity frame and instrument{fileOverride ? ' (your choice applies)' : ''}</summary>
          <FramePanel detail={detail} override={fileOverride} onOverride={onOverride} />
        </details>
      )}
      <Suspense fallback={<p className="detail-empty">Loading plots…</p>}>
        <SpectrumView
          detail={detail}
          manifest={assets.manifest}
          eigen={assets.eigen}
          z={z}
          cls={cls}
          onZChange={setDraftZ}
          onClassChange={setDraftCls}
          guided={guided}
          onAnswerHidden={(h) => setAnswerHidden(h ? spectrumKey : undefined)}
        />
      </Suspense>
    </div>
  );
}
