/** The CLI's table row for one spectrum (its JSON record is core/result/cliRecord.ts). */
import type { CliRecord } from '../../src/core/result/cliRecord.ts';

export const TABLE_HEADER = ['file', 'index', 'class', 'z', 'chi2', 'R', 'flags'].join('\t');

export function formatTableRow(r: CliRecord): string {
  if (r.error) return `${r.file}\t${r.index}\terror: ${r.error}`;
  const R = r.robustness === null ? 'unique' : r.robustness?.toFixed(3);
  return [r.file, r.index, r.class, r.z?.toFixed(6), r.chi2 && r.class ? r.chi2[r.class].toFixed(3) : '', R, r.anomaly?.join(',')].join('\t');
}
