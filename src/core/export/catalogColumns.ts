/**
 * The survey catalog's columns (`gasnet analyze --out`, `gasnet merge`): the export's own columns
 * (columns.ts, so a field added to the result contract reaches the catalog with no change here)
 * framed by the columns only a survey run has — where the row came from in the input list, how
 * many spectra that file holds, the flags as a bit mask and the models' version. docs/catalog.md.
 */
import { flagMask } from '../result/flagBits.ts';
import { EXPORT_COLUMNS } from './columns.ts';
import type { TableColumn } from './fitsTableWrite.ts';
import type { ExportRecord } from './types.ts';

/** One catalog row: an export record (result, no decision) and its place in the run. */
export interface CatalogRecord extends ExportRecord {
  /** The input path as given (the export's `file` is its base name). */
  path: string;
  /** Position of the file in the whole input list (0-based, before sharding). */
  seq: number;
  /** Spectra in the file; 0 when the file could not be opened. */
  nSpectra: number;
  /** sha256 of the models' manifest.json (it names every weight file by its own sha256). */
  modelVersion: string;
}

export const CATALOG_COLUMNS: readonly TableColumn<CatalogRecord>[] = [
  { name: 'path', kind: 'text', value: (r) => r.path },
  { name: 'seq', kind: 'int', value: (r) => r.seq },
  { name: 'n_spectra', kind: 'int', value: (r) => r.nSpectra },
  ...EXPORT_COLUMNS,
  { name: 'flag_bits', kind: 'int', value: (r) => (r.row ? flagMask(r.row.flags, r.row.error !== undefined) : undefined) },
  { name: 'model_version', kind: 'text', value: (r) => r.modelVersion },
];

