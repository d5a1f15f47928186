/**
 * The model switch and the table: which families a choice runs, which
 * answer a row shows, and whether the two families disagree.
 */
import { GF_THRESHOLD } from '../core/evaluate/metrics.ts';
import type { ExportRow } from '../core/export/types.ts';
import type { ModelFamily } from '../core/types.ts';
import type { ModelChoice, ResultRow } from './types.ts';

export const MODEL_CHOICES: readonly ModelChoice[] = ['encoder', 'unet', 'both'];

/** The families a choice runs, the shown one first. */
export function familiesOf(choice: ModelChoice): ModelFamily[] {
  return choice === 'both' ? ['encoder', 'unet'] : [choice];
}

/** The family whose answers the table shows (the encoder's with both). */
export function shownFamily(choice: ModelChoice): ModelFamily {
  return choice === 'both' ? 'encoder' : choice;
}

/**
 * Whether two answers disagree: another class, or a redshift further apart
 * than the paper's good-fraction threshold of the first answer's class
 * (|Δz|/(1+z) > 3e-4 for STAR and GALAXY, 3e-3 for QSO). undefined when
 * either has no answer (failed or not analysed).
 */
export function familiesDisagree(a: ExportRow | undefined, b: ExportRow | undefined): boolean | undefined {
  if (!a || !b || a.cls === undefined || b.cls === undefined || a.z === undefined || b.z === undefined) return undefined;
  if (a.cls !== b.cls) return true;
  return Math.abs(b.z - a.z) / (1 + a.z) > GF_THRESHOLD[a.cls];
}

/** A row showing `choice`'s answer among `answers` (or, until that one arrives, another's). */
export function deriveRow(r: Omit<ResultRow, 'row' | 'chi2Best' | 'disagree'> & { row?: ExportRow }, choice: ModelChoice): ResultRow {
  const { answers } = r;
  const shown = answers[shownFamily(choice)] ?? answers.encoder ?? answers.unet ?? r.row;
  if (!shown) throw new RangeError(`row ${r.key} has no answer`);
  const chi2Best = shown.cls !== undefined && shown.chi2 ? shown.chi2[shown.cls] : Number.NaN;
  const out: ResultRow = { key: r.key, fileId: r.fileId, row: shown, answers, fileLevel: r.fileLevel, chi2Best };
  const disagree = familiesDisagree(answers.encoder, answers.unet);
  if (disagree !== undefined) out.disagree = disagree;
  return out;
}

/** `incoming`'s answers added to those of `existing` (same key): the newer answer of a family wins. */
export function mergeAnswers(existing: ResultRow | undefined, incoming: ResultRow, choice: ModelChoice): ResultRow {
  if (!existing) return deriveRow(incoming, choice);
  return deriveRow(
    {
      key: incoming.key,
      fileId: incoming.fileId ?? existing.fileId,
      answers: { ...existing.answers, ...incoming.answers },
      fileLevel: incoming.fileLevel,
    },
    choice,
  );
}
