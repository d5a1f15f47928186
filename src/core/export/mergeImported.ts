/** The conflict rule for imported decisions: the newer `updatedAt` wins; the same decision is already there. */
import { frameToText } from './decision.ts';
import type { Decision } from './types.ts';

export interface MergePlan {
  /** Imported decisions to write (new keys, or newer than the held one). */
  accepted: Decision[];
  /** Imported decisions dropped because the held one differs and is as new or newer. */
  keptLocal: number;
  /** Imported decisions equal to the held one (e.g. the CSV of a JSON already imported): nothing to do. */
  alreadyThere: number;
  /** Older copies of a key that the import itself holds more than once. */
  duplicates: number;
}

/**
 * Decide which imported decisions replace held ones. A tie keeps the held
 * decision (nothing changes); among imported copies of one key the newest
 * counts (the first of equals).
 */
export function mergeImported(held: Readonly<Record<string, Decision>>, incoming: readonly Decision[]): MergePlan {
  const newest = new Map<string, Decision>();
  let duplicates = 0;
  for (const d of incoming) {
    const prev = newest.get(d.key);
    if (prev !== undefined) duplicates++;
    if (prev === undefined || d.updatedAt > prev.updatedAt) newest.set(d.key, d);
  }
  const accepted: Decision[] = [];
  let keptLocal = 0;
  let alreadyThere = 0;
  for (const d of newest.values()) {
    const h = held[d.key];
    // Same content is not a conflict: saying "yours were newer" for it misleads (issue 9).
    if (h !== undefined && sameDecision(h, d)) alreadyThere++;
    else if (h === undefined || d.updatedAt > h.updatedAt) accepted.push(d);
    else keptLocal++;
  }
  return { accepted, keptLocal, alreadyThere, duplicates };
}

/** The same choices (QOP, comment, class, z, frame), whenever they were made. */
function sameDecision(a: Decision, b: Decision): boolean {
  return (
    a.qop === b.qop &&
    (a.comment ?? '') === (b.comment ?? '') &&
    a.cls === b.cls &&
    a.z === b.z &&
    frameToText(a.frame) === frameToText(b.frame)
  );
}
