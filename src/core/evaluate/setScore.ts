/**
 * Scoring a development set of spectra from any instrument against the
 * surveys' own answers (truth.csv per folder: file,index,class,z[,z_marz]).
 * A spectrum is right when its class matches and |Δz|/(1+z) < 1e-3 (QSO
 * 3e-3): looser than the SDSS GF, since other surveys' redshifts come from
 * other templates and frames. Rows with an empty z (failed observations) are
 * read but not scored. What matters for trust is also counted: wrong answers
 * without any flag, and right answers that carry one.
 */

export const RIGHT_TOLERANCE: Record<string, number> = { STAR: 1e-3, GALAXY: 1e-3, QSO: 3e-3 };
export const CLOSE_TOLERANCE = 3e-4;

export interface TruthRow {
  folder: string;
  file: string;
  index: number;
  cls: string;
  /** Undefined when the survey has no redshift (not scored). */
  z?: number;
  /** Which column z came from: Marz's answer after the corrections its header asks for wins over z. */
  zColumn: 'z' | 'z_marz';
}

/** What the pipeline said about one spectrum (flags empty when none). */
export interface SetAnswer {
  cls?: string;
  z?: number;
  flags?: readonly string[];
  error?: string;
}

export interface SetCounts {
  spectra: number;
  read: number;
  /** Spectra with a survey redshift. */
  scored: number;
  right: number;
  within3e4: number;
  wrongUnflagged: number;
  rightFlagged: number;
  /** Rows without a survey redshift (failed observations) that carry a flag. */
  noTruthFlagged: number;
  noTruth: number;
}

export interface ScoredRow extends TruthRow {
  answer: SetAnswer;
  right?: boolean;
  dz?: number;
}

export function scoreRow(t: TruthRow, a: SetAnswer): ScoredRow {
  if (a.error !== undefined || a.z === undefined || t.z === undefined) return { ...t, answer: a };
  const dz = (a.z - t.z) / (1 + t.z);
  const tol = RIGHT_TOLERANCE[t.cls] ?? 1e-3;
  return { ...t, answer: a, dz, right: a.cls === t.cls && Math.abs(dz) < tol };
}

const empty = (): SetCounts => ({ spectra: 0, read: 0, scored: 0, right: 0, within3e4: 0, wrongUnflagged: 0, rightFlagged: 0, noTruthFlagged: 0, noTruth: 0 });

function add(c: SetCounts, r: ScoredRow): void {
  c.spectra++;
  const read = r.answer.error === undefined && r.answer.z !== undefined;
  if (read) c.read++;
  const flagged = (r.answer.flags?.length ?? 0) > 0;
  if (r.z === undefined) {
    c.noTruth++;
    if (read && flagged) c.noTruthFlagged++;
    return;
  }
  c.scored++;
  if (!read) return; // an unread spectrum is an error row, counted as spectra − read
  if (r.right) {
    c.right++;
    if (Math.abs(r.dz!) < CLOSE_TOLERANCE) c.within3e4++;
    if (flagged) c.rightFlagged++;
  } else if (!flagged) {
    c.wrongUnflagged++;
  }
}

/** Counts per folder and overall. */
export function summarize(rows: readonly ScoredRow[]): { perFolder: Record<string, SetCounts>; overall: SetCounts } {
  const perFolder: Record<string, SetCounts> = {};
  const overall = empty();
  for (const r of rows) {
    add((perFolder[r.folder] ??= empty()), r);
    add(overall, r);
  }
  return { perFolder, overall };
}
