/**
 * The model switch and the table: which families a choice runs, which
 * answer a row shows, and whether the two families disagree.
 */
import { familiesDisagree } from '../core/result/familiesDisagree.ts';
import { bestChi2, type SpectrumResult } from '../core/result/spectrumResult.ts';
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

/** A row showing `choice`'s answer among `answers` (or, until that one arrives, another's). */
export function deriveRow(r: Omit<ResultRow, 'row' | 'chi2Best' | 'disagree'> & { row?: SpectrumResult }, choice: ModelChoice): ResultRow {
  const { answers } = r;
  const shown = answers[shownFamily(choice)] ?? answers.encoder ?? answers.unet ?? r.row;
  if (!shown) throw new RangeError(`row ${r.key} has no answer`);
  const out: ResultRow = { key: r.key, fileId: r.fileId, row: shown, answers, fileLevel: r.fileLevel, chi2Best: bestChi2(shown) };
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
