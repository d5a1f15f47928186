/** Which rows of a catalog are shown: flagged only, one class, text in the file name or id. */
import type { CatalogRoles } from './catalogSchema.ts';
import type { TextColumn } from './types.ts';

export interface CatalogFilter {
  flaggedOnly: boolean;
  /** '' for all, else a class name as the catalog writes it (case-insensitive). */
  cls: string;
  /** Case-insensitive substring of the file name (path) or the spectrum id; '' for all. */
  text: string;
}

export const NO_FILTER: CatalogFilter = { flaggedOnly: false, cls: '', text: '' };

/** 1 for each dictionary entry that passes `test` (evaluated once per distinct text, not per row). */
function dictMask(column: TextColumn, test: (text: string) => boolean): Uint8Array {
  const out = new Uint8Array(column.dict.length);
  column.dict.forEach((t, i) => (out[i] = test(t) ? 1 : 0));
  return out;
}

/** The rows of `order` that pass, in that order. */
export function filterRows(order: Uint32Array, filter: CatalogFilter, roles: CatalogRoles, flagged: Uint8Array): Uint32Array {
  const cls = filter.cls.trim().toUpperCase();
  const text = filter.text.trim().toLowerCase();
  if (!filter.flaggedOnly && cls === '' && text === '') return order;
  const clsOk = cls && roles.cls ? dictMask(roles.cls, (t) => t.trim().toUpperCase() === cls) : undefined;
  const fileOk = text ? dictMask(roles.file, (t) => t.toLowerCase().includes(text)) : undefined;
  const idOk = text && roles.id ? dictMask(roles.id, (t) => t.toLowerCase().includes(text)) : undefined;
  const clsCodes = roles.cls?.codes;
  const fileCodes = roles.file.codes;
  const idCodes = roles.id?.codes;
  const out = new Uint32Array(order.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    if (filter.flaggedOnly && flagged[r] === 0) continue;
    if (cls && (!clsOk || !clsCodes || clsOk[clsCodes[r]] === 0)) continue;
    if (fileOk && fileOk[fileCodes[r]] === 0 && !(idOk && idCodes && idOk[idCodes[r]] === 1)) continue;
    out[n++] = r;
  }
  return out.slice(0, n);
}
