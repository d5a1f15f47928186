/** Joining result rows with decisions by key, the input of every writer. */
import { keyOf } from './spectrumKey.ts';
import type { SpectrumResult } from '../result/spectrumResult.ts';
import type { Decision, ExportRecord } from './types.ts';

export interface ExportRecordsOptions {
  /**
   * Append decisions whose spectrum is not among the rows (from earlier
   * sessions), so an export never loses one.
   * @default true
   */
  includeOrphans?: boolean;
}

/** Rows in their given order, each with its decision; then the orphan decisions by file and index. */
export function buildExportRecords(
  rows: readonly SpectrumResult[],
  decisions: Readonly<Record<string, Decision>>,
  options: ExportRecordsOptions = {},
): ExportRecord[] {
  const { includeOrphans = true } = options;
  const seen = new Set<string>();
  const out: ExportRecord[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    seen.add(key);
    const ident = { fileName: row.fileName, index: row.index, spectrumId: row.spectrumId };
    const decision = decisions[key];
    out.push(decision ? { key, ident, row, decision } : { key, ident, row });
  }
  if (includeOrphans) {
    const orphans = Object.values(decisions).filter((d) => !seen.has(d.key));
    orphans.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : a.index - b.index));
    for (const d of orphans) {
      out.push({ key: d.key, ident: { fileName: d.fileName, index: d.index, spectrumId: d.spectrumId }, decision: d });
    }
  }
  return out;
}
