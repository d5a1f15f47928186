/**
 * Catalog columns from `npm run analyze -- --json` records, named as the app's CSV export
 * (src/core/export/columns.ts), plus `ms` (time per spectrum, a column the app does not know:
 * it must show it as a plain column). `replicate(n)` repeats the records under distinct file
 * names and ids (`spec-…-r0000001.fits`), for the million-row bench: real analysis results,
 * replicated, not synthetic numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

export const ANALYZE_JSONL = join(ROOT, 'test', 'fixtures', 'catalog', 'sdss-analyze.jsonl');

export function readAnalyzeRecords(path = ANALYZE_JSONL) {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

const CLASSES = ['STAR', 'GALAXY', 'QSO'];

/** Column arrays (hyparquet-writer's columnData) for `n` rows cycling through `records`; copy k > 0 gets a suffix. */
export function catalogColumns(records, n = records.length) {
  const num = (f) => Float64Array.from({ length: n }, (_, i) => f(records[i % records.length]) ?? Number.NaN);
  const suffix = (i) => (i < records.length ? '' : `-r${String(Math.floor(i / records.length)).padStart(7, '0')}`);
  const file = Array.from({ length: n }, (_, i) => records[i % records.length].file.replace(/(\.fits?)$/, `${suffix(i)}$1`));
  const id = Array.from({ length: n }, (_, i) => records[i % records.length].id + suffix(i));
  const text = (f) => Array.from({ length: n }, (_, i) => f(records[i % records.length]) ?? null);
  return [
    { name: 'file', data: file, type: 'STRING' },
    { name: 'index', data: Int32Array.from({ length: n }, (_, i) => records[i % records.length].index ?? 0), type: 'INT32' },
    { name: 'id', data: id, type: 'STRING' },
    { name: 'family', data: text(() => 'encoder'), type: 'STRING' },
    { name: 'class', data: text((r) => r.class), type: 'STRING' },
    { name: 'z', data: num((r) => r.z), type: 'DOUBLE' },
    ...CLASSES.map((c) => ({ name: `chi2_${c.toLowerCase()}`, data: num((r) => r.chi2?.[c]), type: 'DOUBLE' })),
    ...CLASSES.map((c) => ({ name: `z_${c.toLowerCase()}`, data: num((r) => r.z_by_class?.[c]), type: 'DOUBLE' })),
    { name: 'robustness', data: num((r) => r.robustness), type: 'DOUBLE' },
    { name: 'flags', data: text((r) => (r.anomaly ?? []).join(';')), type: 'STRING' },
    { name: 'z_err', data: num((r) => r.z_err), type: 'DOUBLE' },
    { name: 'deltachi2', data: num((r) => r.deltachi2), type: 'DOUBLE' },
    { name: 'error', data: text((r) => r.error), type: 'STRING' },
    { name: 'ms', data: num((r) => r.ms), type: 'DOUBLE' },
  ];
}

const csvCell = (v) => (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? '' : typeof v === 'number' ? String(v) : `"${String(v).replaceAll('"', '""')}"`);

/** The same columns as CSV text. */
export function catalogCsv(columns) {
  const n = columns[0].data.length;
  const lines = [columns.map((c) => c.name).join(',')];
  for (let i = 0; i < n; i++) lines.push(columns.map((c) => csvCell(c.data[i])).join(','));
  return lines.join('\r\n') + '\r\n';
}
