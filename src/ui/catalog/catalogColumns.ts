/**
 * The columns of the catalog table: file, index, id, class, z, the best χ²
 * (the sort survey triage starts from), flags and error first, then every
 * other column of the file in its order (unknown ones too, as plain text).
 */
import { cellText } from '../../core/catalog/columnBuild.ts';
import type { CatalogColumn } from '../../core/catalog/types.ts';
import { CHI2_COLUMN, type OpenCatalog } from '../../state/catalogStore.ts';

export interface CatalogViewColumn {
  /** The sort key (a catalog column name or CHI2_COLUMN); undefined = not sortable. */
  key: string;
  label: string;
  numeric: boolean;
  width: number;
  text(row: number): string;
}

const WIDE = new Set(['file', 'id', 'flags', 'error', 'object_name', 'minima', 'z2_lines', 'model_version', 'user_comment']);

/** Narrower than their kind's default, so class, z and χ² fit beside the file name at 1280 px. */
const WIDTHS: Record<string, number> = { file: 210, index: 52, id: 150, class: 70 };

function numberText(name: string, v: number): string {
  if (Number.isNaN(v)) return '';
  const n = name.toLowerCase();
  if (n === 'z' || n.startsWith('z_') || n === 'user_z') return v.toFixed(5);
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3 ? v.toPrecision(4) : String(Number(v.toPrecision(5)));
}

function fromColumn(c: CatalogColumn): CatalogViewColumn {
  const wide = WIDE.has(c.name.toLowerCase());
  return {
    key: c.name,
    label: c.name,
    numeric: c.kind === 'number',
    width: WIDTHS[c.name.toLowerCase()] ?? (wide ? 170 : c.kind === 'number' ? 84 : 96),
    text: c.kind === 'number' ? (r) => numberText(c.name, c.data[r]) : (r) => cellText(c, r),
  };
}

/** Shown first, in this order, when present: what triage looks at. */
const FIRST = ['file', 'index', 'id', 'class', 'z', 'chi2', 'flags', 'error'];

export function catalogViewColumns(open: OpenCatalog): CatalogViewColumn[] {
  const chi2: CatalogViewColumn = {
    key: CHI2_COLUMN,
    label: 'χ²',
    numeric: true,
    width: 70,
    text: (r) => numberText('chi2', open.chi2[r]),
  };
  const rank = (name: string) => {
    const i = FIRST.indexOf(name.trim().toLowerCase());
    return i < 0 ? FIRST.length : i;
  };
  // The catalog's own `chi2` column (if any) is what CHI2_COLUMN shows: not twice.
  const own = open.table.columns.filter((c) => c.name.trim().toLowerCase() !== 'chi2');
  const ordered = [...own].sort((a, b) => rank(a.name) - rank(b.name)); // stable: file order otherwise
  const cols = ordered.map(fromColumn);
  const after = Math.max(...['z', 'class', 'id', 'index', 'file'].map((n) => ordered.findIndex((c) => c.name.trim().toLowerCase() === n)));
  cols.splice(after + 1, 0, chi2);
  return cols;
}
