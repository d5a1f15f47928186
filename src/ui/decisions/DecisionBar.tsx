/**
 * A person's decision about the open spectrum: the answer accepted so far
 * (or none), what is shown when it differs (explored, not saved), the QOP
 * buttons (Marz's scale) that accept the shown class and z with that
 * quality, Accept and Accept & next, and a comment saved as it is typed.
 * Keys typed in the comment are typing (the global handler leaves text boxes
 * alone; Esc leaves the box).
 */
import { QOP_VALUES, type DecisionIdent, type Qop } from '../../core/export/types.ts';
import type { SpectralClass } from '../../core/types.ts';
import { useDecisions, useDecisionsApi } from '../../state/decisionsContext.ts';
import { PersistErrorBanner } from './PersistErrorBanner.tsx';
import { QOP_INFO } from './qop.ts';
import './decisions.css';

export interface DecisionBarProps {
  spectrumKey: string;
  ident: DecisionIdent;
  /** What the view shows now (z in the reported frame, as decisions are). */
  shown: { cls: SpectralClass; z: number };
  /** What stands accepted (the pipeline's answer where only a QOP was given), same frame. */
  accepted: { cls: SpectralClass; z: number };
  /** The shown class or z differs from the accepted one (or the pipeline's when nothing is accepted). */
  explored: boolean;
  /** Guided mode's exercise is running: show no class or z the inspector did not give. */
  hideAnswer?: boolean;
  /** Accept the shown answer, with this QOP (or the one already set); then open the next spectrum when `next`. */
  onAccept(qop: Qop | undefined, next: boolean): void;
  /** Show the pipeline's class and z again (not saved). */
  onShowPipeline(): void;
  /** The last message about this spectrum's keys. */
  notice?: { text: string; seq: number };
  /**
   * Show the storage-failure banner here too. The ExportMenu shows it, so
   * turn this on only where no ExportMenu is on screen.
   * @default false
   */
  banner?: boolean;
}

const zText = (cls: SpectralClass, z: number) => z.toFixed(cls === 'STAR' ? 6 : 5);

// One form (answer, QOP, accept, comment, save state); its length is markup.
export function DecisionBar({ spectrumKey, ident, shown, accepted, explored, hideAnswer = false, onAccept, onShowPipeline, notice, banner = false }: DecisionBarProps) {
  const decision = useDecisions((s) => s.decisions[spectrumKey]);
  const saving = useDecisions((s) => s.pendingWrites > 0);
  const notSaved = useDecisions((s) => s.persistError !== undefined);
  const api = useDecisionsApi();
  const decided = decision !== undefined && (decision.qop !== undefined || decision.cls !== undefined || decision.z !== undefined);

  return (
    <section className="decision-bar" aria-label="Your decision" data-testid="decision-bar" data-key={spectrumKey}>
      {banner && <PersistErrorBanner />}
      <div className="qop" role="group" aria-label="Accept with a quality (QOP)">
        {QOP_VALUES.map((q) => (
          <button key={q} type="button" title={`${QOP_INFO[q].help}. Accepts the shown class and z (key ${q}).`} aria-pressed={decision?.qop === q} data-qop={q} onClick={() => onAccept(q, false)}>
            {q} {QOP_INFO[q].label}
          </button>
        ))}
      </div>
      <div className="accept">
        <button type="button" data-testid="decision-accept" title="Accept the shown class and z, keeping the quality (Enter)" onClick={() => onAccept(undefined, false)}>
          Accept
        </button>
        <button type="button" data-testid="decision-accept-next" title="Accept and open the next spectrum (Shift+Enter)" onClick={() => onAccept(undefined, true)}>
          Accept &amp; next
        </button>
        {!hideAnswer && (
          <button type="button" className="link" data-testid="decision-reset" title="Show the pipeline's class and z again; accept to save (R)" onClick={onShowPipeline}>
            pipeline answer
          </button>
        )}
      </div>
      <p className="decision-status" data-testid="decision-status" data-decided={decided ? 'true' : 'false'} data-explored={explored ? 'true' : 'false'}>
        {decided ? (
          <span className="accepted">
            Accepted{hideAnswer && decision?.cls === undefined && decision?.z === undefined ? '' : `: ${accepted.cls} z = ${zText(accepted.cls, accepted.z)}`}
            {decision?.qop !== undefined ? ` · QOP ${decision.qop}` : ' · no quality yet'}
          </span>
        ) : (
          <span className="muted">Not decided yet</span>
        )}
        {explored && !hideAnswer && (
          <span className="explored" data-testid="decision-explored">
            {' '}
            · shown, not saved: {shown.cls} z = {zText(shown.cls, shown.z)} (Enter or 4 3 2 1 6 accepts)
          </span>
        )}
      </p>

      <label className="comment">
        Comment
        <textarea rows={1} value={decision?.comment ?? ''} onChange={(e) => void api.getState().setDecision(spectrumKey, { comment: e.target.value }, ident)} data-testid="decision-comment" />
      </label>

      <span className={notSaved ? 'save-state problem' : 'save-state'} aria-live="polite" data-testid="decision-save-state">
        {notSaved ? 'Not saved (see the warning)' : saving ? 'Saving…' : decision ? 'Saved' : ''}
      </span>
      {notice && (
        <p className="notice" role="status" data-testid="notice" key={notice.seq}>
          {notice.text}
        </p>
      )}
    </section>
  );
}
