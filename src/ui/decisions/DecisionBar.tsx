/**
 * A person's decision about the open spectrum: QOP (Marz's scale), manual
 * class and redshift with a reset to the pipeline's, and a comment. Every
 * change goes to the decisions store, which saves it at once. Keys typed in
 * the text fields stop here, so they never trigger global shortcuts.
 */
import { useState, type KeyboardEvent } from 'react';
import { CLASSES, type SpectralClass } from '../../core/types.ts';
import { classPatch } from '../../core/export/decision.ts';
import { QOP_VALUES, type DecisionIdent, type DecisionPatch } from '../../core/export/types.ts';
import { useDecisions, useDecisionsApi } from '../../state/decisionsContext.ts';
import { PersistErrorBanner } from './PersistErrorBanner.tsx';
import { QOP_INFO } from './qop.ts';
import './decisions.css';

export interface DecisionBarProps {
  spectrumKey: string;
  ident: DecisionIdent;
  /** The pipeline's answer, shown beside the manual one. */
  pipeline: { cls?: SpectralClass; z?: number };
  /**
   * Show the storage-failure banner here too. The ExportMenu shows it, so
   * turn this on only where no ExportMenu is on screen.
   * @default false
   */
  banner?: boolean;
}

/** Keep typing out of the global shortcut handler. */
const stopShortcuts = (e: KeyboardEvent) => e.stopPropagation();

// One form (QOP, class, z, comment, save state); its length is markup, its logic is set() and commitZ().
export function DecisionBar({ spectrumKey, ident, pipeline, banner = false }: DecisionBarProps) {
  const decision = useDecisions((s) => s.decisions[spectrumKey]);
  const saving = useDecisions((s) => s.pendingWrites > 0);
  const notSaved = useDecisions((s) => s.persistError !== undefined);
  const api = useDecisionsApi();
  /** The z field while being edited; undefined shows the stored value. */
  const [zDraft, setZDraft] = useState<string | undefined>(undefined);
  const [zProblem, setZProblem] = useState<string | undefined>(undefined);

  const set = (patch: DecisionPatch) => void api.getState().setDecision(spectrumKey, patch, ident);
  const overridden = decision?.z !== undefined || decision?.cls !== undefined;

  const commitZ = () => {
    if (zDraft === undefined) return;
    const text = zDraft.trim();
    setZDraft(undefined);
    if (text === '') {
      setZProblem(undefined);
      if (decision?.z !== undefined) set({ z: undefined });
      return;
    }
    const z = Number(text);
    if (!Number.isFinite(z) || z <= -1) {
      setZProblem(`'${text}' is not a redshift (a number above −1)`);
      return;
    }
    setZProblem(undefined);
    set({ z });
  };

  return (
    <section className="decision-bar" aria-label="Your decision" data-testid="decision-bar" data-key={spectrumKey}>
      {banner && <PersistErrorBanner />}
      <div className="qop" role="group" aria-label="Redshift quality (QOP)">
        {QOP_VALUES.map((q) => (
          <button
            key={q}
            type="button"
            title={QOP_INFO[q].help}
            aria-pressed={decision?.qop === q}
            data-qop={q}
            onClick={() => set({ qop: decision?.qop === q ? undefined : q })}
          >
            {q} {QOP_INFO[q].label}
          </button>
        ))}
      </div>

      <div className="manual">
        <label>
          Class{' '}
          <select
            value={decision?.cls ?? ''}
            onKeyDown={stopShortcuts}
            onChange={(e) => set(e.target.value === '' ? { cls: undefined } : classPatch(e.target.value as SpectralClass, pipeline.cls))}
            data-testid="decision-class"
          >
            <option value="">pipeline{pipeline.cls ? ` (${pipeline.cls})` : ''}</option>
            {CLASSES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          z{' '}
          <input
            type="text"
            inputMode="decimal"
            spellCheck={false}
            size={10}
            placeholder={pipeline.z === undefined ? '' : `pipeline ${pipeline.z.toFixed(5)}`}
            value={zDraft ?? (decision?.z === undefined ? '' : String(decision.z))}
            aria-invalid={zProblem !== undefined}
            data-testid="decision-z"
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter') commitZ();
              if (e.key === 'Escape') {
                setZDraft(undefined);
                setZProblem(undefined);
              }
            }}
            onChange={(e) => setZDraft(e.target.value)}
            onBlur={commitZ}
          />
        </label>
        <button type="button" disabled={!overridden} onClick={() => set({ z: undefined, cls: undefined })} data-testid="decision-reset">
          Reset to pipeline
        </button>
        {zProblem && (
          <span className="problem" role="status">
            {zProblem}
          </span>
        )}
      </div>

      <label className="comment">
        Comment
        <textarea
          rows={2}
          value={decision?.comment ?? ''}
          onKeyDown={stopShortcuts}
          onKeyUp={stopShortcuts}
          onChange={(e) => set({ comment: e.target.value })}
          data-testid="decision-comment"
        />
      </label>

      <span className={notSaved ? 'save-state problem' : 'save-state'} aria-live="polite" data-testid="decision-save-state">
        {notSaved ? 'Not saved (see the warning)' : saving ? 'Saving…' : decision ? 'Saved' : ''}
      </span>
    </section>
  );
}
