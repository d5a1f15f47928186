/**
 * The open spectrum: the view helper's SpectrumView (plots, z slider) and
 * the DecisionBar (QOP, comment, manual z/class). The displayed z and class
 * are the user's manual choice when there is one, else the pipeline's.
 * Slider moves are kept locally while dragging and saved as the manual z
 * once they settle; guided mode's exercise never saves a z.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { DecisionIdent } from '../../core/export/types.ts';
import { classPatch, zPatch } from '../../core/export/decision.ts';
import type { FrameOverride, SpectralClass } from '../../core/types.ts';
import { useDecisions, useDecisionsApi } from '../../state/decisionsContext.ts';
import { useApp } from '../../state/store.ts';
import { DecisionBar } from '../decisions/DecisionBar.tsx';
import { useSession } from '../sessionContext.ts';
import { FramePanel } from '../view/FramePanel.tsx';
import { useModelAssets } from '../useModelAssets.ts';
import type { SpectrumDetail } from '../../worker/protocol.ts';

const SpectrumView = lazy(() => import('../view/SpectrumView.tsx').then((m) => ({ default: m.SpectrumView })));

/** A z change is saved once the slider has been still this long (ms). */
const Z_SETTLE_MS = 400;

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

function OpenSpectrum({ spectrumKey, detail, assets }: OpenSpectrumProps) {
  const guided = useApp((s) => s.guided);
  const decision = useDecisions((s) => s.decisions[spectrumKey]);
  const api = useDecisionsApi();
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
  const savedZ = decision?.z !== undefined ? toView(decision.z) : cls === result.cls ? result.z : result.zByClass[cls];
  const session = useSession();
  const fileOverride = useDecisions((s) => Object.values(s.decisions).find((d) => d.fileName === detail.fileName && d.frame)?.frame);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<(() => void) | undefined>(undefined);

  // Save a pending z when the spectrum closes (the key changes and this unmounts), and when the page
  // goes away (reload, tab closed): 'pagehide' runs before the document is torn down, and the
  // IndexedDB transaction it starts still commits (issue 6: a reload loses no decision).
  useEffect(() => {
    const flush = () => {
      clearTimeout(timer.current);
      pending.current?.();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
  // A saved change (or 'reset to pipeline', or undo) replaces the drafts; so does leaving guided mode.
  const savedCls = decision?.cls;
  const savedManualZ = decision?.z;
  useEffect(() => {
    if (pending.current) return;
    setDraftZ(undefined);
    setDraftCls(undefined);
  }, [savedCls, savedManualZ, guided]);

  const clsRef = useRef(cls);
  clsRef.current = cls;
  const saveZ = (z: number) => {
    void api.getState().setDecision(spectrumKey, zPatch(toReported(z), clsRef.current, { cls: result.cls, z: toReported(result.z) }), ident);
  };

  /** One override for the whole file: set on this spectrum's decision, cleared from the file's others, then analyse again. */
  const onOverride = (next: FrameOverride | undefined) => {
    const st = api.getState();
    for (const d of Object.values(st.decisions)) {
      if (d.fileName === detail.fileName && d.key !== spectrumKey && d.frame) void st.setDecision(d.key, { frame: undefined }, d);
    }
    void st.setDecision(spectrumKey, { frame: next }, ident);
    session.reanalyse(detail.fileName);
  };

  const onZChange = (z: number) => {
    setDraftZ(z);
    if (guided) return;
    clearTimeout(timer.current);
    pending.current = () => {
      pending.current = undefined;
      saveZ(z);
    };
    timer.current = setTimeout(() => pending.current?.(), Z_SETTLE_MS);
  };

  const onClassChange = (c: SpectralClass) => {
    setDraftCls(c);
    if (guided) return;
    void api.getState().setDecision(spectrumKey, classPatch(c, result.cls), ident);
  };

  return (
    <div className="detail" data-testid="detail" data-key={spectrumKey}>
      <DecisionBar spectrumKey={spectrumKey} ident={ident} pipeline={{ cls: result.cls, z: toReported(result.z) }} />
      {!guided && <FramePanel detail={detail} override={fileOverride} onOverride={onOverride} />}
      <Suspense fallback={<p className="detail-empty">Loading plots…</p>}>
        <SpectrumView
          detail={detail}
          manifest={assets.manifest}
          eigen={assets.eigen}
          z={draftZ ?? savedZ}
          cls={cls}
          onZChange={onZChange}
          onClassChange={onClassChange}
          guided={guided}
        />
      </Suspense>
    </div>
  );
}
