/**
 * The results table, virtualised: only the rows in view (plus an overscan)
 * are in the DOM, each with the testability attributes
 * data-testid="result-row", data-file, data-index, data-class, data-z
 * (full precision; both the pipeline's answer) and data-qop once a quality
 * flag is set; data-final-class and data-final-z are the answer the row
 * shows (the inspector's accepted class and z where there is one, issue 9),
 * data-decided 'true' once an answer was accepted; data-family
 * names the model family whose answer the row shows, and data-disagree is
 * 'true'/'false' once both families have answered.
 * All cell text is rendered as React text (file headers are untrusted).
 */
import { useEffect, useRef } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { Decision } from '../../core/export/types.ts';
import type { ModelFamily } from '../../core/types.ts';
import { finalAnswer } from '../../state/finalAnswer.ts';
import { rowClass, type DecisionsByKey } from '../../state/selectors.ts';
import type { ResultRow, SortDir, SortKey } from '../../state/types.ts';
import { COLUMNS, gridTemplate, type Column } from './columns.ts';

/** Row height in px (fixed: no measuring needed). */
export const ROW_HEIGHT = 28;

/**
 * Viewport assumed while the scroll pane has no layout (before the first
 * layout, while hidden, or in a DOM without layout such as happy-dom), so
 * the first rows are always in the DOM.
 */
const UNLAID_RECT = { width: 1000, height: 20 * ROW_HEIGHT };

export interface ResultsTableProps {
  rows: readonly ResultRow[];
  decisions: DecisionsByKey;
  sort: { key: SortKey; dir: SortDir } | undefined;
  selectedKey: string | undefined;
  onSort(key: SortKey): void;
  onOpen(key: string): void;
  /** @default COLUMNS (columnsFor('both') adds the UNet's answer). */
  columns?: readonly Column[];
  /** The family the user chose to see; rows still showing another family's answer are dimmed. */
  family?: ModelFamily;
  /** The row whose answer guided mode hides (its exercise is running). */
  hiddenKey?: string;
}

export function ResultsTable({ rows, decisions, sort, selectedKey, onSort, onOpen, columns = COLUMNS, family, hiddenKey }: ResultsTableProps) {
  const template = gridTemplate(columns);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
    initialRect: UNLAID_RECT,
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : UNLAID_RECT)),
    getItemKey: (i) => rows[i].key,
  });

  const selectedIndex = selectedKey === undefined ? -1 : rows.findIndex((r) => r.key === selectedKey);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <div className="results" role="table" aria-label="Results" aria-rowcount={rows.length}>
      <div className="results-head-scroll" ref={headRef}>
        <div className="results-head" role="row" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <button
              key={c.key}
              type="button"
              role="columnheader"
              className={c.numeric ? 'num' : undefined}
              title={c.title}
              data-sort-key={c.key}
              aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              onClick={() => onSort(c.key)}
            >
              {c.label}
              {sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
            </button>
          ))}
        </div>
      </div>
      <div
        className="results-body"
        ref={scrollRef}
        data-testid="results-body"
        // The header scrolls sideways with the rows.
        onScroll={(e) => headRef.current && (headRef.current.scrollLeft = e.currentTarget.scrollLeft)}
      >
        {rows.length === 0 ? (
          <p className="results-empty">No results yet: drop spectra above, choose files, or open an example.</p>
        ) : (
          <div className="results-rows" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const r = rows[v.index];
              return (
                <Row
                  key={v.key}
                  r={r}
                  d={decisions[r.key]}
                  top={v.start}
                  selected={r.key === selectedKey}
                  onOpen={onOpen}
                  columns={columns}
                  template={template}
                  stale={family !== undefined && r.row.family !== family && !r.fileLevel}
                  hideAnswer={r.key === hiddenKey}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

interface RowProps {
  r: ResultRow;
  d: Decision | undefined;
  top: number;
  selected: boolean;
  onOpen(key: string): void;
  columns: readonly Column[];
  template: string;
  /** The row shows another family's answer than the chosen one (that one is not in yet). */
  stale: boolean;
  /** Guided mode's exercise runs on this spectrum: its answer columns show '?'. */
  hideAnswer: boolean;
}

/** Columns that carry the answer (or hints of it) and are hidden during guided mode's exercise. */
const HIDDEN_COLUMNS: ReadonlySet<string> = new Set(['class', 'z', 'zErr', 'chi2', 'robustness', 'flags', 'unet', 'truthClass', 'truthZ']);

function Row({ r, d, top, selected, onOpen, columns, template, stale, hideAnswer }: RowProps) {
  const cls = rowClass(r);
  const final = finalAnswer(r, d);
  return (
    <div
      role="row"
      data-testid="result-row"
      data-file={r.row.fileName}
      data-index={r.fileLevel ? undefined : r.row.index}
      data-class={cls}
      data-z={r.row.z === undefined ? undefined : String(r.row.z)}
      data-qop={d?.qop === undefined ? undefined : String(d.qop)}
      data-final-class={hideAnswer ? undefined : final.cls}
      data-final-z={hideAnswer || final.z === undefined ? undefined : String(final.z)}
      data-decided={final.decided ? 'true' : 'false'}
      data-changed={final.changed ? 'true' : undefined}
      data-answer-hidden={hideAnswer ? 'true' : undefined}
      data-flagged={r.row.flags.length > 0 ? 'true' : undefined}
      data-family={r.row.family}
      data-disagree={r.disagree === undefined ? undefined : String(r.disagree)}
      aria-selected={selected}
      className={`result-row cls-${hideAnswer ? 'hidden' : final.cls}${selected ? ' selected' : ''}${r.fileId === undefined ? ' restored' : ''}${r.disagree ? ' disagree' : ''}${stale ? ' stale' : ''}`}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onOpen(r.key)}
    >
      {columns.map((c) => {
        // Guided mode's exercise: the row of the spectrum being worked on gives nothing away (issue 9).
        if (hideAnswer && HIDDEN_COLUMNS.has(c.key)) {
          return (
            <span key={c.key} role="cell" data-col={c.key} className={c.numeric ? 'num' : undefined} title="Hidden until you find the redshift">
              ?
            </span>
          );
        }
        const text = c.text(r, d);
        return (
          <span key={c.key} role="cell" data-col={c.key} className={c.numeric ? 'num' : undefined} title={c.cellTitle ? c.cellTitle(r, d) : text}>
            {text}
          </span>
        );
      })}
    </div>
  );
}
