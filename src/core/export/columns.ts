/**
 * The flat table written to CSV and FITS: one column list, so both writers
 * and the CSV reader agree on names, kinds and units.
 */
import type { SpectralClass } from '../types.ts';
import type { ExportRecord } from './types.ts';

/** text → CSV quoted string / FITS nA; float → FITS D (NaN when missing); int → FITS J (TNULL when missing). */
export type ColumnKind = 'text' | 'float' | 'int';

export interface ExportColumn {
  name: string;
  kind: ColumnKind;
  /** FITS TUNITn. */
  unit?: string;
  /** The cell, or undefined when missing. Text may be untrusted (file headers, user comments). */
  value(r: ExportRecord): string | number | undefined;
}

const perClass = (
  prefix: string,
  cls: SpectralClass,
  pick: (r: ExportRecord) => Record<SpectralClass, number> | undefined,
): ExportColumn => ({
  name: `${prefix}_${cls.toLowerCase()}`,
  kind: 'float',
  value: (r) => pick(r)?.[cls],
});
const chi2 = (r: ExportRecord) => r.row?.chi2;
const zBy = (r: ExportRecord) => r.row?.zByClass;

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: 'file', kind: 'text', value: (r) => r.ident.fileName },
  { name: 'index', kind: 'int', value: (r) => r.ident.index },
  { name: 'id', kind: 'text', value: (r) => r.ident.spectrumId },
  { name: 'format', kind: 'text', value: (r) => r.row?.meta.format },
  { name: 'object_name', kind: 'text', value: (r) => r.row?.meta.objectName },
  { name: 'ra', kind: 'float', unit: 'deg', value: (r) => r.row?.meta.ra },
  { name: 'dec', kind: 'float', unit: 'deg', value: (r) => r.row?.meta.dec },
  { name: 'family', kind: 'text', value: (r) => r.row?.family },
  { name: 'class', kind: 'text', value: (r) => r.row?.cls },
  { name: 'z', kind: 'float', value: (r) => r.row?.z },
  perClass('chi2', 'STAR', chi2),
  perClass('chi2', 'GALAXY', chi2),
  perClass('chi2', 'QSO', chi2),
  perClass('z', 'STAR', zBy),
  perClass('z', 'GALAXY', zBy),
  perClass('z', 'QSO', zBy),
  /** Missing when the best class's χ² curve has a single minimum ("unique"). */
  { name: 'robustness', kind: 'float', value: (r) => r.row?.robustness },
  { name: 'flags', kind: 'text', value: (r) => r.row?.flags.join(';') },
  { name: 'n_good', kind: 'int', value: (r) => r.row?.nGood },
  { name: 'error', kind: 'text', value: (r) => r.row?.error },
  { name: 'user_qop', kind: 'int', value: (r) => r.decision?.qop },
  { name: 'user_z', kind: 'float', value: (r) => r.decision?.z },
  { name: 'user_class', kind: 'text', value: (r) => r.decision?.cls },
  { name: 'user_comment', kind: 'text', value: (r) => r.decision?.comment },
  /** ISO 8601 UTC, millisecond precision: the import conflict rule compares it. */
  {
    name: 'user_updated_at',
    kind: 'text',
    value: (r) => (r.decision ? new Date(r.decision.updatedAt).toISOString() : undefined),
  },
  { name: 'truth_class', kind: 'text', value: (r) => r.row?.meta.truth?.class },
  { name: 'truth_z', kind: 'float', value: (r) => r.row?.meta.truth?.z },
];
