/**
 * Which catalog columns play which part, by the names of the app's export
 * (core/export/columns.ts) and of `gasnet analyze --out`, case-insensitive:
 * `file` (required), `index`, `id`, `class`, `z`, `chi2` or `chi2_<class>`,
 * `flags` (text) and a flag bit mask, `error`. Every other column is shown
 * as it is.
 */
import { EXPORT_COLUMNS } from '../export/columns.ts';
import type { CatalogColumn, NumberColumn, TextColumn } from './types.ts';

/** Names a numeric flag bit mask may have, the command line's own `flag_bits` first (docs/catalog.md on the cli branch); SDSS calls theirs ZWARNING. */
export const FLAG_MASK_NAMES = ['flag_bits', 'flag_mask', 'flags_mask', 'flags_bits', 'anomaly_mask', 'zwarning'] as const;

/** Columns that are text whatever a CSV cell looks like (an id of digits stays an id). */
const TEXT_NAMES = new Set([...EXPORT_COLUMNS.filter((c) => c.kind === 'text').map((c) => c.name), 'model_version', 'model_family']);
const NUMBER_NAMES = new Set([...EXPORT_COLUMNS.filter((c) => c.kind !== 'text').map((c) => c.name), ...FLAG_MASK_NAMES]);

/** The kind a column of this name must have, or undefined when the data decide. */
export function kindByName(name: string): 'text' | 'number' | undefined {
  const n = name.trim().toLowerCase();
  if (TEXT_NAMES.has(n)) return 'text';
  if (NUMBER_NAMES.has(n)) return 'number';
  return undefined;
}

export function findCatalogColumn(columns: readonly CatalogColumn[], ...names: string[]): CatalogColumn | undefined {
  for (const name of names) {
    const hit = columns.find((c) => c.name.trim().toLowerCase() === name);
    if (hit) return hit;
  }
  return undefined;
}

const asText = (c: CatalogColumn | undefined): TextColumn | undefined => (c?.kind === 'text' ? c : undefined);
const asNumber = (c: CatalogColumn | undefined): NumberColumn | undefined => (c?.kind === 'number' ? c : undefined);

export interface CatalogRoles {
  file: TextColumn;
  index?: NumberColumn;
  id?: TextColumn;
  cls?: TextColumn;
  z?: NumberColumn;
  flags?: TextColumn;
  flagMask?: NumberColumn;
  error?: TextColumn;
}

/** The roles of a table's columns; undefined when it has no text `file` column. */
export function catalogRoles(columns: readonly CatalogColumn[]): CatalogRoles | undefined {
  const file = asText(findCatalogColumn(columns, 'file'));
  if (!file) return undefined;
  return {
    file,
    index: asNumber(findCatalogColumn(columns, 'index')),
    id: asText(findCatalogColumn(columns, 'id')),
    cls: asText(findCatalogColumn(columns, 'class')),
    z: asNumber(findCatalogColumn(columns, 'z')),
    flags: asText(findCatalogColumn(columns, 'flags')),
    flagMask: asNumber(findCatalogColumn(columns, ...FLAG_MASK_NAMES)),
    error: asText(findCatalogColumn(columns, 'error')),
  };
}

/**
 * Each row's best reduced χ²: the catalog's own `chi2` column when it has
 * one, else the χ² of the row's class (`chi2_<class>`, as
 * result/spectrumResult.ts bestChi2 defines it), else NaN.
 */
export function bestChi2Column(columns: readonly CatalogColumn[], roles: CatalogRoles, nRows: number): Float64Array {
  const own = asNumber(findCatalogColumn(columns, 'chi2', 'chi2_best', 'best_chi2'));
  if (own) return own.data;
  const out = new Float64Array(nRows).fill(Number.NaN);
  const byClass = {
    STAR: asNumber(findCatalogColumn(columns, 'chi2_star')),
    GALAXY: asNumber(findCatalogColumn(columns, 'chi2_galaxy')),
    QSO: asNumber(findCatalogColumn(columns, 'chi2_qso')),
  };
  if (!roles.cls) return out;
  // Per class code once, not per row.
  const columnOfCode = roles.cls.dict.map((name) => byClass[name.trim().toUpperCase() as keyof typeof byClass]?.data);
  const codes = roles.cls.codes;
  for (let r = 0; r < nRows; r++) {
    const data = columnOfCode[codes[r]];
    if (data) out[r] = data[r];
  }
  return out;
}

/** 1 where a row carries an anomaly flag (flags text or a nonzero bit mask). */
export function flaggedRows(roles: CatalogRoles, nRows: number): Uint8Array {
  const out = new Uint8Array(nRows);
  if (roles.flags) {
    const nonEmpty = roles.flags.dict.map((t) => (t.trim() !== '' ? 1 : 0));
    const codes = roles.flags.codes;
    for (let r = 0; r < nRows; r++) out[r] = nonEmpty[codes[r]];
  }
  if (roles.flagMask) {
    const data = roles.flagMask.data;
    for (let r = 0; r < nRows; r++) if (data[r] > 0) out[r] = 1;
  }
  return out;
}
