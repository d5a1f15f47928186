/** The conflict rule for imported decisions: the newer `updatedAt` wins. */
import type { Decision } from './types.ts';

export interface MergePlan {
  /** Imported decisions to write (new keys, or newer than the held one). */
  accepted: Decision[];
  /** Imported decisions dropped because the held one is as new or newer. */
  keptLocal: number;
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
  for (const d of newest.values()) {
    const h = held[d.key];
    if (h === undefined || d.updatedAt > h.updatedAt) accepted.push(d);
    else keptLocal++;
  }
  return { accepted, keptLocal, duplicates };
}
