// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spectrumKey } from '../../../src/core/export/spectrumKey.ts';
import type { ResultRow } from '../../../src/state/types.ts';
import { ResultsTable } from '../../../src/ui/table/ResultsTable.tsx';
import { realRows } from '../../state/realRows.ts';

afterEach(cleanup);

let rows: ResultRow[];
beforeAll(async () => {
  rows = await realRows();
});

/** A big batch: the real rows repeated as if 200 copies of the files had been dropped. */
function manyRows(copies: number): ResultRow[] {
  const out: ResultRow[] = [];
  for (let c = 0; c < copies; c++) {
    for (const r of rows) {
      const fileName = `copy${c}-${r.row.fileName}`;
      out.push({ ...r, key: r.fileLevel ? `file:${c}` : spectrumKey(fileName, r.row.index, r.row.spectrumId), row: { ...r.row, fileName } });
    }
  }
  return out;
}

describe('ResultsTable', () => {
  it('renders only a window of a large table, every rendered row with the contract attributes', () => {
    const big = manyRows(200);
    render(<ResultsTable rows={big} decisions={{}} sort={undefined} selectedKey={undefined} onSort={() => {}} onOpen={() => {}} />);
    const dom = screen.getAllByTestId('result-row');
    expect(big.length).toBe(200 * rows.length);
    expect(dom.length).toBeGreaterThan(10);
    expect(dom.length).toBeLessThan(100);
    dom.forEach((el, i) => {
      const r = big[i];
      expect(el.getAttribute('data-file')).toBe(r.row.fileName);
      expect(el.getAttribute('data-class')).toBe(r.row.cls ?? 'error');
      if (r.row.z !== undefined) expect(el.getAttribute('data-z')).toBe(String(r.row.z));
      if (!r.fileLevel) expect(el.getAttribute('data-index')).toBe(String(r.row.index));
    });
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe(String(big.length));
  });

  it('renders header text as text: a hostile file name stays inert', () => {
    const evil = '<img src=x onerror="globalThis.pwned=1">.fits';
    const r = rows[0];
    const hostile: ResultRow = { ...r, key: 'evil', row: { ...r.row, fileName: evil, meta: { ...r.row.meta, truth: { class: '<b>bold</b>' } } } };
    render(<ResultsTable rows={[hostile]} decisions={{}} sort={undefined} selectedKey={undefined} onSort={() => {}} onOpen={() => {}} />);
    const el = screen.getByTestId('result-row');
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(el.textContent).toContain(evil);
    expect(el.getAttribute('data-file')).toBe(evil);
  });

  it('reports header clicks and row clicks, and marks the sorted column and the selected row', () => {
    const sorted: string[] = [];
    const opened: string[] = [];
    render(
      <ResultsTable rows={rows} decisions={{}} sort={{ key: 'chi2', dir: 'desc' }} selectedKey={rows[3].key} onSort={(k) => sorted.push(k)} onOpen={(k) => opened.push(k)} />,
    );
    fireEvent.click(screen.getByRole('columnheader', { name: /^R/ }));
    expect(sorted).toEqual(['robustness']);
    expect(screen.getByRole('columnheader', { name: /χ²/ }).getAttribute('aria-sort')).toBe('descending');
    const dom = screen.getAllByTestId('result-row');
    fireEvent.click(dom[5]);
    expect(opened).toEqual([rows[5].key]);
    expect(dom[3].getAttribute('aria-selected')).toBe('true');
    expect(dom.filter((e) => e.getAttribute('aria-selected') === 'true')).toHaveLength(1);
  });
});
