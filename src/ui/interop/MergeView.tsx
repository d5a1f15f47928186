/**
 * The spectra where other inspectors disagree (class, z beyond 3e-4 (1+z) — 3e-3 for quasars —,
 * or QOP), one line each with every inspector's answer and the view's own. Keyboard: ↓/↑ or j/k
 * move, 1–9 take inspector N's answer (written as your decision), 0 keeps your own, x downloads the
 * merged table, Esc closes; u and Ctrl+Z still undo (the page's keys), other letters do nothing here. Text from the files is shown as text, never as markup.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { mergedCsv, mergeSpectra } from '../../core/interop/mergedTable.ts';
import type { SpectrumResult } from '../../core/result/spectrumResult.ts';
import { useDecisions, useDecisionsApi } from '../../state/decisionsContext.ts';
import { inspectorMerge } from '../../state/inspectorMerge.ts';
import { downloadFile } from '../decisions/download.ts';
import { exportFileName } from '../decisions/exportFile.ts';
import { answerText } from './answerText.ts';

export function MergeView({ rows }: { rows: readonly SpectrumResult[] }) {
  const inspectors = useStore(inspectorMerge, (s) => s.inspectors);
  const resolutions = useStore(inspectorMerge, (s) => s.resolutions);
  const reports = useStore(inspectorMerge, (s) => s.reports);
  const decisions = useDecisions((s) => s.decisions);
  const api = useDecisionsApi();
  const merged = useMemo(() => mergeSpectra(rows, inspectors, decisions, resolutions), [rows, inspectors, decisions, resolutions]);
  // A resolved row stays listed: taking an inspector's answer makes your decision agree with it, and
  // the row must not vanish from under the cursor.
  const disputed = useMemo(() => merged.filter((m) => m.reasons.length > 0 || resolutions[m.key] !== undefined), [merged, resolutions]);
  const [cursor, setCursor] = useState(0);
  const at = Math.min(cursor, Math.max(0, disputed.length - 1));
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => card.current?.focus(), []);

  const close = () => inspectorMerge.getState().setOpen(false);
  const exportMerged = () => {
    const name = exportFileName('csv', new Date()).replace('gasnet-results', 'gasnet-merged');
    downloadFile(name, '\uFEFF' + mergedCsv(merged, inspectors.map((i) => i.name)), 'text/csv;charset=utf-8');
  };
  const resolve = (choice: 'own' | number) => {
    const m = disputed[at];
    if (!m || (choice !== 'own' && !m.answers[choice])) return;
    void inspectorMerge.getState().resolve(m.key, choice, rows, api);
    // On to the next one not yet resolved, as Marz's merge walks its list.
    const next = disputed.findIndex((d, i) => i > at && resolutions[d.key] === undefined);
    if (next >= 0) setCursor(next);
  };
  const onKey = (e: KeyboardEvent) => {
    const k = e.key;
    if (k === 'ArrowDown' || k === 'j') setCursor(Math.min(at + 1, disputed.length - 1));
    else if (k === 'ArrowUp' || k === 'k') setCursor(Math.max(at - 1, 0));
    else if (k === '0') resolve('own');
    else if (/^[1-9]$/.test(k) && Number(k) <= inspectors.length) resolve(Number(k) - 1);
    else if (k === 'x') exportMerged();
    else if (k === 'Escape') close();
    // A modal view: other letters and digits must not reach the page's keys (S/G/Q, QOP), but u undoes.
    else if (k.length !== 1 || k === 'u' || e.ctrlKey || e.metaKey || e.altKey) return;
    // Handled here: the page's own keys (QOP digits, row moves) must not act as well.
    e.preventDefault();
    e.stopPropagation();
  };

  const resolvedCount = disputed.filter((m) => resolutions[m.key] !== undefined).length;
  return createPortal(
    <div className="overlay" role="presentation" onClick={close}>
      <div
        className="overlay-card merge-card"
        role="dialog"
        aria-modal="true"
        aria-label="Merge inspectors"
        data-testid="merge-view"
        tabIndex={-1}
        ref={card}
        onKeyDown={onKey}
        onClick={(e) => e.stopPropagation()}
      >
        <h2>Merge inspectors</h2>
        <ul className="merge-reports">
          {reports.map((r, i) => (
            <li key={i} className={r.kind === 'error' ? 'problem' : 'muted'} data-testid="merge-report" data-kind={r.kind}>
              {r.text}
            </li>
          ))}
        </ul>
        <p data-testid="merge-summary">
          {merged.length} spectra answered by {inspectors.length} inspector{inspectors.length === 1 ? '' : 's'}; {disputed.length} disagree, {resolvedCount} resolved.
        </p>
        {disputed.length > 0 && (
          <table className="merge-table">
            <thead>
              <tr>
                <th>spectrum</th>
                <th>differs in</th>
                <th>
                  <kbd>0</kbd> yours
                </th>
                {inspectors.map((i, n) => (
                  <th key={i.name}>
                    <kbd>{n + 1}</kbd> {i.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {disputed.map((m, i) => {
                const choice = resolutions[m.key];
                return (
                  <tr
                    key={m.key}
                    data-testid="merge-row"
                    data-key={m.key}
                    data-resolved-from={m.resolvedFrom}
                    aria-selected={i === at}
                    className={i === at ? 'current' : undefined}
                    onClick={() => setCursor(i)}
                  >
                    <td>
                      {m.row.fileName} #{m.row.index}
                    </td>
                    <td>{m.reasons.join(', ')}</td>
                    <td className={choice === 'own' ? 'chosen' : undefined}>{answerText(m.own)}</td>
                    {m.answers.map((a, n) => (
                      <td key={n} className={choice === n ? 'chosen' : undefined}>
                        {answerText(a)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="muted">
          <kbd>↓</kbd>/<kbd>↑</kbd> move · <kbd>1</kbd>–<kbd>{Math.max(1, inspectors.length)}</kbd> take that inspector's answer as your decision · <kbd>0</kbd> keep yours · <kbd>x</kbd> download the merged table · <kbd>Esc</kbd> close
        </p>
        <button type="button" onClick={exportMerged} data-testid="export-merged">
          Merged table (CSV)
        </button>{' '}
        <button type="button" onClick={() => inspectorMerge.getState().clear()}>
          Forget these inspectors
        </button>{' '}
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </div>,
    document.body,
  );
}
