/**
 * The catalog's rows, virtualised: whatever the catalog's size, only the
 * rows in view are in the DOM. Each row carries data-testid="catalog-row",
 * data-row (its row number in the file), data-file, data-index and, once
 * the user flagged it, data-qop. Cell text is rendered as React text.
 */
import { useRef } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { Decision } from '../../core/export/types.ts';
import type { CatalogSort } from '../../state/catalogStore.ts';
import type { CatalogViewColumn } from './catalogColumns.ts';

const ROW_HEIGHT = 26;
const QOP_WIDTH = 44;
const UNLAID_RECT = { width: 1000, height: 20 * ROW_HEIGHT };

export interface CatalogTableProps {
  columns: readonly CatalogViewColumn[];
  /** Row numbers shown, in order. */
  rows: Uint32Array;
  sort: CatalogSort;
  selectedRow: number | undefined;
  fileOf(row: number): string;
  indexOf(row: number): number;
  decisionOf(row: number): Decision | undefined;
  onSort(key: string): void;
  onOpen(row: number): void;
}

export function CatalogTable({ columns, rows, sort, selectedRow, fileOf, indexOf, decisionOf, onSort, onOpen }: CatalogTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const template = `${QOP_WIDTH}px ${columns.map((c) => `${c.width}px`).join(' ')}`;
  const width = QOP_WIDTH + columns.reduce((s, c) => s + c.width, 0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    initialRect: UNLAID_RECT,
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : UNLAID_RECT)),
  });
  return (
    <div className="catalog-body" ref={scrollRef} role="table" aria-label="Catalog" aria-rowcount={rows.length} data-testid="catalog-body">
      <div className="catalog-head" role="row" style={{ gridTemplateColumns: template, width }}>
        <span role="columnheader" title="Your quality flag (QOP)">QOP</span>
        {columns.map((c) => (
          <button
            key={c.key}
            type="button"
            role="columnheader"
            className={c.numeric ? 'num' : undefined}
            data-sort-key={c.key}
            title={`Sort by ${c.label}`}
            aria-sort={sort.column === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            onClick={() => onSort(c.key)}
          >
            {c.label}
            {sort.column === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
          </button>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const r = rows[v.index];
          const d = decisionOf(r);
          return (
            <div
              key={v.index}
              role="row"
              data-testid="catalog-row"
              data-row={r}
              data-file={fileOf(r)}
              data-index={indexOf(r)}
              data-qop={d?.qop === undefined ? undefined : String(d.qop)}
              aria-selected={r === selectedRow}
              className={`catalog-row${r === selectedRow ? ' selected' : ''}`}
              style={{ gridTemplateColumns: template, transform: `translateY(${v.start}px)`, height: ROW_HEIGHT, width }}
              onClick={() => onOpen(r)}
            >
              <span role="cell" className="qop">{d?.qop ?? ''}</span>
              {columns.map((c) => {
                const text = c.text(r);
                return (
                  <span key={c.key} role="cell" className={c.numeric ? 'num' : undefined} title={text}>
                    {text}
                  </span>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
