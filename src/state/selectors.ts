/** Pure reads of the app state: the visible rows, selection moves, rates and ETA. */
import type { Decision } from '../core/export/types.ts';
import type { Progress, ResultRow, RowFilter, SortDir, SortKey } from './types.ts';

export type DecisionsByKey = Readonly<Record<string, Decision>>;

/** Class as shown and filtered: the best class, or 'error'. */
export function rowClass(r: ResultRow): string {
  return r.row.error !== undefined || r.row.cls === undefined ? 'error' : r.row.cls;
}

function passes(r: ResultRow, f: RowFilter, d: Decision | undefined): boolean {
  const cls = rowClass(r);
  if (f.classes.length > 0 && !f.classes.includes(cls as RowFilter['classes'][number])) return false;
  const z = r.row.z;
  if (f.zMin !== undefined && !(z !== undefined && z >= f.zMin)) return false;
  if (f.zMax !== undefined && !(z !== undefined && z <= f.zMax)) return false;
  if (f.chi2Min !== undefined && !(r.chi2Best >= f.chi2Min)) return false;
  if (f.robustnessMax !== undefined) {
    if (cls === 'error') return false;
    const R = r.row.robustness ?? Number.POSITIVE_INFINITY;
    if (!(R < f.robustnessMax)) return false;
  }
  if (f.flaggedOnly && r.row.flags.length === 0) return false;
  if (f.flag !== undefined && !r.row.flags.includes(f.flag)) return false;
  if (f.disagreeOnly && r.disagree !== true) return false;
  if (f.qop === 'none' && d?.qop !== undefined) return false;
  if (typeof f.qop === 'number' && d?.qop !== f.qop) return false;
  if (f.outlierMin !== undefined && !((r.row.outlier ?? Number.NaN) >= f.outlierMin)) return false;
  if (f.keys !== undefined && !f.keys.has(r.key)) return false;
  return true;
}

type SortValue = number | string | undefined;

function sortValue(r: ResultRow, key: SortKey, d: Decision | undefined): SortValue {
  switch (key) {
    case 'file':
      return r.row.fileName;
    case 'index':
      return r.fileLevel ? undefined : r.row.index;
    case 'id':
      return r.row.spectrumId;
    case 'class':
      return rowClass(r);
    case 'z':
      return r.row.z;
    case 'zErr':
      // NaN (no σ_z: the curve is not convex at the minimum) sorts last.
      return r.row.zErr;
    case 'unet':
      // Disagreements first (ascending), then agreements; rows without both answers last.
      return r.disagree === undefined ? undefined : r.disagree ? 0 : 1;
    case 'chi2':
      return r.chi2Best;
    case 'robustness':
      // unique (undefined) is the most robust of all
      return rowClass(r) === 'error' ? undefined : (r.row.robustness ?? Number.POSITIVE_INFINITY);
    case 'flags':
      return r.row.flags.length === 0 ? undefined : r.row.flags.join(' ');
    case 'qop':
      return d?.qop;
    case 'comment':
      return d?.comment;
    case 'truthClass':
      return r.row.meta.truth?.class;
    case 'truthZ':
      return r.row.meta.truth?.z;
    case 'outlier':
      return r.row.outlier;
  }
}

/** Missing values (undefined, NaN) sort last in both directions; ties keep arrival order. */
function compare(a: SortValue, b: SortValue, dir: SortDir): number {
  const aMissing = a === undefined || (typeof a === 'number' && Number.isNaN(a));
  const bMissing = b === undefined || (typeof b === 'number' && Number.isNaN(b));
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  let c: number;
  if (typeof a === 'number' && typeof b === 'number') c = a === b ? 0 : a < b ? -1 : 1;
  else c = String(a).localeCompare(String(b), undefined, { numeric: true });
  return dir === 'asc' ? c : -c;
}

/** The rows the table shows, filtered then sorted (stable). */
export function visibleRows(
  rows: readonly ResultRow[],
  sort: { key: SortKey; dir: SortDir } | undefined,
  filter: RowFilter,
  decisions: DecisionsByKey,
): ResultRow[] {
  const kept = rows.filter((r) => passes(r, filter, decisions[r.key]));
  if (!sort) return kept;
  const keyed = kept.map((r, i) => ({ r, i, v: sortValue(r, sort.key, decisions[r.key]) }));
  keyed.sort((a, b) => compare(a.v, b.v, sort.dir) || a.i - b.i);
  return keyed.map((k) => k.r);
}

/**
 * The key `delta` rows away from `current` among `rows`, clamped to the
 * ends. With nothing selected (or the selection filtered away), moving down
 * opens the first row and moving up the last.
 */
export function moveSelection(rows: readonly ResultRow[], current: string | undefined, delta: number): string | undefined {
  if (rows.length === 0) return undefined;
  const i = current === undefined ? -1 : rows.findIndex((r) => r.key === current);
  if (i < 0) return (delta >= 0 ? rows[0] : rows[rows.length - 1]).key;
  const j = Math.min(rows.length - 1, Math.max(0, i + delta));
  return rows[j].key;
}

/** Mean worker time per analysed spectrum in ms, or undefined before the first batch. */
export function msPerSpectrum(p: Progress): number | undefined {
  return p.workerSpectra > 0 ? p.workerMs / p.workerSpectra : undefined;
}

/**
 * Seconds left, from the wall-clock rate so far. Files not opened yet are
 * counted at the mean size of those opened. undefined until something is done.
 */
export function etaSeconds(p: Progress, now: number): number | undefined {
  if (!p.running || p.startedAt === undefined || p.spectraDone === 0 || p.filesOpened === 0) return undefined;
  const unopened = Math.max(0, p.filesTotal - p.filesOpened - p.filesFailed);
  const total = p.spectraKnown + (unopened * p.spectraKnown) / p.filesOpened;
  const rate = p.spectraDone / Math.max(1e-3, now - p.startedAt);
  return Math.max(0, (total - p.spectraDone) / rate / 1000);
}
