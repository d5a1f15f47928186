/**
 * The columns of the catalog table: the best χ² first among the numbers
 * (the sort survey triage starts from), every column of the file in its
 * order (unknown ones too, as plain text), and the user's quality flag.
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
    width: c.name.toLowerCase() === 'file' ? 230 : wide ? 170 : c.kind === 'number' ? 84 : 96,
    text: c.kind === 'number' ? (r) => numberText(c.name, c.data[r]) : (r) => cellText(c, r),
  };
}

export function catalogViewColumns(open: OpenCatalog): CatalogViewColumn[] {
  const cols = open.table.columns.map(fromColumn);
  const chi2: CatalogViewColumn = {
    key: CHI2_COLUMN,
    label: 'χ²',
    numeric: true,
    width: 70,
    text: (r) => numberText('chi2', open.chi2[r]),
  };
  // After z (or class), where the eye is.
  const at = Math.max(
    open.table.columns.findIndex((c) => c.name.toLowerCase() === 'z'),
    open.table.columns.findIndex((c) => c.name.toLowerCase() === 'class'),
  );
  cols.splice(at >= 0 ? at + 1 : cols.length, 0, chi2);
  return cols;
}
