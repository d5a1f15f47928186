/**
 * After a model switch: which files of this session lack which of the chosen
 * families, grouped so that each set of missing families becomes one job.
 */
import type { ModelFamily } from '../core/types.ts';
import type { PoolFile } from '../worker/pool.ts';
import type { FamilyLedger } from './familyLedger.ts';
import type { FileEntry, ResultRow } from './types.ts';

export interface MissingJob {
  families: ModelFamily[];
  files: PoolFile[];
}

export function missingJobs(
  rows: readonly ResultRow[],
  files: Readonly<Record<number, FileEntry>>,
  ledger: Pick<FamilyLedger, 'missing'>,
  blobOf: (fileId: number) => File | undefined,
  want: readonly ModelFamily[],
): MissingJob[] {
  const groups = new Map<string, MissingJob>();
  const seen = new Set<number>();
  for (const r of rows) {
    const id = r.fileId;
    if (id === undefined || r.fileLevel || seen.has(id)) continue;
    seen.add(id);
    const blob = blobOf(id);
    const missing = ledger.missing(id, want);
    if (!blob || missing.length === 0) continue;
    const k = missing.join('+');
    if (!groups.has(k)) groups.set(k, { families: missing, files: [] });
    groups.get(k)!.files.push({ fileId: id, file: blob, fileName: files[id]?.name ?? blob.name });
  }
  return [...groups.values()];
}
