/** What is being shown: file, spectrum id, object, the target's position, type and magnitudes, and the file's own answer (all header text shown as plain text). */
import type { SpectrumDetail } from '../../worker/protocol.ts';
import { capText, targetFacts } from './targetFacts.ts';

/**
 * hideAnswer: guided mode's exercise is running, so the file's own class and z stay hidden, and so
 * does the survey's target type (a DESI "QSO" target bit would give the class away).
 */
export function ViewHeader({ detail, hideAnswer = false }: { detail: SpectrumDetail; hideAnswer?: boolean }) {
  const { meta } = detail.spectrum;
  const truth = meta.truth;
  const facts = targetFacts(meta).filter((f) => !(hideAnswer && f.key === 'type'));
  return (
    <header className="view-header">
      <h2 data-testid="view-title">
        {detail.fileName}
        {detail.index > 0 || detail.spectrum.id !== detail.fileName ? ` · ${detail.spectrum.id}` : ''}
      </h2>
      <p className="view-meta">
        {meta.objectName && <span>{capText(meta.objectName)} · </span>}
        {meta.survey && <span>{capText(meta.survey)} · </span>}
        <span>read as {meta.format}</span>
        {!hideAnswer && truth && (truth.class || truth.z !== undefined) && (
          <span data-testid="view-truth">
            {' '}
            · file says: {truth.class ?? '?'}
            {truth.subclass ? ` ${truth.subclass}` : ''}
            {truth.z !== undefined ? ` z = ${truth.z.toFixed(5)}` : ''}
          </span>
        )}
      </p>
      {facts.length > 0 && (
        <p className="view-target" data-testid="view-target">
          {facts.map((f) => (
            <span key={f.key} data-testid={`target-${f.key}`}>
              <span className="muted">{f.label}</span> {f.text}
            </span>
          ))}
        </p>
      )}
      {detail.spectrum.issues && detail.spectrum.issues.length > 0 && (
        <ul className="view-issues">
          {detail.spectrum.issues.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
    </header>
  );
}
