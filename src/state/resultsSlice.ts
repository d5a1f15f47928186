/**
 * The table's rows (analysed spectra and failures, in arrival order) and the
 * model switch that decides which family's answer each row shows.
 */
import type { StateCreator } from 'zustand/vanilla';
import { deriveRow, mergeAnswers } from './familyAnswers.ts';
import type { AppState } from './store.ts';
import type { ModelChoice, ResultRow } from './types.ts';

export interface ResultsSlice {
  rows: ResultRow[];
  /** Encoder, UNet or both (the table then shows the encoder's answers and marks disagreements). */
  modelChoice: ModelChoice;
  /** Switch the family shown; every row shows that family's answer where it has one. */
  setModelChoice(choice: ModelChoice): void;
  /** Append rows; a row whose key is already present replaces the old one in place. */
  addRows(rows: readonly ResultRow[]): void;
  /** Like addRows, but a row whose key is present keeps its other families' answers (the incoming ones win). */
  addAnswers(rows: readonly ResultRow[]): void;
  /** Drop the rows for which `drop` is true. */
  removeRows(drop: (r: ResultRow) => boolean): void;
}

/** `rows` with `incoming` put in: appended, or at the place of the row with the same key. */
function upsert(rows: readonly ResultRow[], incoming: readonly ResultRow[], combine: (old: ResultRow, r: ResultRow) => ResultRow): ResultRow[] {
  const at = new Map<string, number>();
  rows.forEach((r, i) => at.set(r.key, i));
  const out = rows.slice();
  for (const r of incoming) {
    const i = at.get(r.key);
    if (i === undefined) {
      at.set(r.key, out.length);
      out.push(r);
    } else {
      out[i] = combine(out[i], r);
    }
  }
  return out;
}

export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = (set) => ({
  rows: [],
  modelChoice: 'encoder',
  setModelChoice: (choice) =>
    set((s) => (s.modelChoice === choice ? {} : { modelChoice: choice, rows: s.rows.map((r) => deriveRow(r, choice)) })),
  addRows: (incoming) => set((s) => (incoming.length === 0 ? {} : { rows: upsert(s.rows, incoming, (_old, r) => r) })),
  addAnswers: (incoming) =>
    set((s) => {
      if (incoming.length === 0) return {};
      const fresh = incoming.map((r) => deriveRow(r, s.modelChoice));
      return { rows: upsert(s.rows, fresh, (old, r) => mergeAnswers(old, r, s.modelChoice)) };
    }),
  removeRows: (drop) =>
    set((s) => {
      const rows = s.rows.filter((r) => !drop(r));
      return rows.length === s.rows.length ? {} : { rows };
    }),
});
