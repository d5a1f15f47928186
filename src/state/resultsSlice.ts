/** The table's rows: analysed spectra and failures, in arrival order. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';
import type { ResultRow } from './types.ts';

export interface ResultsSlice {
  rows: ResultRow[];
  /** Append rows; a row whose key is already present replaces the old one in place. */
  addRows(rows: readonly ResultRow[]): void;
  /** Drop the rows for which `drop` is true. */
  removeRows(drop: (r: ResultRow) => boolean): void;
  clearRows(): void;
}

export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = (set) => ({
  rows: [],
  addRows: (incoming) =>
    set((s) => {
      if (incoming.length === 0) return {};
      const at = new Map<string, number>();
      s.rows.forEach((r, i) => at.set(r.key, i));
      const rows = s.rows.slice();
      for (const r of incoming) {
        const i = at.get(r.key);
        if (i === undefined) {
          at.set(r.key, rows.length);
          rows.push(r);
        } else {
          rows[i] = r;
        }
      }
      return { rows };
    }),
  removeRows: (drop) =>
    set((s) => {
      const rows = s.rows.filter((r) => !drop(r));
      return rows.length === s.rows.length ? {} : { rows };
    }),
  clearRows: () => set({ rows: [] }),
});
