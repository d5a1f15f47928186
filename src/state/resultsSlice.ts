/**
 * The table's rows (analysed spectra and failures) and the model switch that
 * decides which family's answer each row shows. Rows stand in the order the
 * files were dropped, a file's spectra by index, whatever order the workers
 * finish in: an inspector walking with ↓ meets the files as they chose them,
 * and two sessions over the same files list them alike.
 */
import type { StateCreator } from 'zustand/vanilla';
import { applyOutlier } from '../core/anomaly/batchOutliers.ts';
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
  /**
   * Drop the rows for which `drop` is true. The place of each file's first dropped row is kept: that
   * file's next new rows (a re-dropped file) go there, not to the end, so the table does not reorder.
   */
  removeRows(drop: (r: ResultRow) => boolean): void;
  /** By file name: the key of the row a removed file's new rows are put before (see removeRows). */
  rowPlaces: Record<string, string>;
  /**
   * The batch's outlier scores and flags (core/anomaly/batchOutliers.ts), by row key: set on the shown
   * answer and the encoder's (whose coefficients they come from); rows not named lose theirs.
   */
  setOutliers(byKey: ReadonlyMap<string, { score: number | undefined; flagged: boolean }>): void;
}

/** `rows` with `incoming` put in: at the place of the row with the same key, at the file's kept place, or appended. */
function upsert(
  rows: readonly ResultRow[],
  incoming: readonly ResultRow[],
  combine: (old: ResultRow, r: ResultRow) => ResultRow,
  places: Readonly<Record<string, string>>,
): ResultRow[] {
  const at = new Map<string, number>();
  rows.forEach((r, i) => at.set(r.key, i));
  const out = rows.slice();
  const appended: ResultRow[] = [];
  /** New rows by the key of the row they go before. */
  const before = new Map<string, ResultRow[]>();
  const added = new Set<string>();
  for (const r of incoming) {
    const i = at.get(r.key);
    if (i !== undefined) {
      out[i] = combine(out[i], r);
      continue;
    }
    if (added.has(r.key)) {
      // The same new key twice in one batch: the later one replaces the earlier.
      for (const list of [appended, ...before.values()]) {
        const j = list.findIndex((x) => x.key === r.key);
        if (j >= 0) list[j] = combine(list[j], r);
      }
      continue;
    }
    added.add(r.key);
    const anchor = places[r.row.fileName];
    if (anchor !== undefined && at.has(anchor)) before.set(anchor, [...(before.get(anchor) ?? []), r]);
    else appended.push(r);
  }
  const placed = before.size === 0 ? out : out.flatMap((r) => [...(before.get(r.key) ?? []), r]);
  for (const r of appended) insertInDropOrder(placed, r);
  return placed;
}

/** Whether `a` comes after `b` in drop order: later file, or the same file's later spectrum. */
const after = (a: ResultRow, b: ResultRow) => a.fileId! > b.fileId! || (a.fileId === b.fileId && a.row.index > b.row.index);

/**
 * Puts a new row after the last row that precedes it in drop order, scanning back from the end (rows
 * mostly arrive in order, so this stops at once). Rows restored from the last session (no fileId) stay first.
 */
function insertInDropOrder(rows: ResultRow[], r: ResultRow): void {
  let j = rows.length;
  if (r.fileId !== undefined) while (j > 0 && rows[j - 1].fileId !== undefined && after(rows[j - 1], r)) j--;
  rows.splice(j, 0, r);
}

/** The places kept after dropping rows: each dropped file's first row's successor; places on dropped rows move on. */
function keptPlaces(rows: readonly ResultRow[], dropped: readonly boolean[], places: Readonly<Record<string, string>>): Record<string, string> {
  /** For each index, the key of the first surviving row at or after it. */
  const next: (string | undefined)[] = new Array(rows.length + 1);
  for (let i = rows.length - 1; i >= 0; i--) next[i] = dropped[i] ? next[i + 1] : rows[i].key;
  const index = new Map(rows.map((r, i) => [r.key, i]));
  const out: Record<string, string> = {};
  for (const [file, key] of Object.entries(places)) {
    const i = index.get(key);
    const moved = i === undefined ? undefined : next[i];
    if (moved !== undefined) out[file] = moved;
  }
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (!dropped[i] || seen.has(r.row.fileName)) return;
    seen.add(r.row.fileName);
    const place = next[i];
    if (place !== undefined) out[r.row.fileName] = place;
    else delete out[r.row.fileName]; // it was at the end: appending is its place
  });
  return out;
}

export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = (set) => ({
  rows: [],
  rowPlaces: {},
  modelChoice: 'encoder',
  setModelChoice: (choice) =>
    set((s) => (s.modelChoice === choice ? {} : { modelChoice: choice, rows: s.rows.map((r) => deriveRow(r, choice)) })),
  addRows: (incoming) => set((s) => (incoming.length === 0 ? {} : { rows: upsert(s.rows, incoming, (_old, r) => r, s.rowPlaces) })),
  addAnswers: (incoming) =>
    set((s) => {
      if (incoming.length === 0) return {};
      const fresh = incoming.map((r) => deriveRow(r, s.modelChoice));
      return { rows: upsert(s.rows, fresh, (old, r) => mergeAnswers(old, r, s.modelChoice), s.rowPlaces) };
    }),
  setOutliers: (byKey) =>
    set((s) => {
      let changed = false;
      const rows = s.rows.map((r) => {
        const o = byKey.get(r.key) ?? { score: undefined, flagged: false };
        const row = applyOutlier(r.row, o.score, o.flagged);
        const enc = r.answers.encoder && applyOutlier(r.answers.encoder, o.score, o.flagged);
        if (row === r.row && enc === r.answers.encoder) return r;
        changed = true;
        const answers = { ...r.answers, [r.row.family]: row, ...(enc && r.row.family !== 'encoder' && { encoder: enc }) };
        return { ...r, row, answers };
      });
      return changed ? { rows } : {};
    }),
  removeRows: (drop) =>
    set((s) => {
      const dropped = s.rows.map((r) => drop(r));
      const rows = s.rows.filter((_r, i) => !dropped[i]);
      return rows.length === s.rows.length ? {} : { rows, rowPlaces: keptPlaces(s.rows, dropped, s.rowPlaces) };
    }),
});
