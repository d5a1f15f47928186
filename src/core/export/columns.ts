/**
 * The flat table written to CSV and FITS: one column list, so both writers
 * and the CSV reader agree on names, kinds and units.
 */
import { frameToText } from './decision.ts';
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
/** The three columns prefix_star, prefix_galaxy, prefix_qso. */
const perClassColumns = (prefix: string, pick: (r: ExportRecord) => Record<SpectralClass, number> | undefined): ExportColumn[] =>
  (['STAR', 'GALAXY', 'QSO'] as const).map((c) => perClass(prefix, c, pick));
const chi2 = (r: ExportRecord) => r.row?.chi2;
const zBy = (r: ExportRecord) => r.row?.zByClass;
const zErrBy = (r: ExportRecord) => r.row?.zErrByClass;
const scale = (r: ExportRecord) => r.row?.zErrScale;
const finite = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : undefined);
/** Each class's ranked minima as compact JSON text: [[z, reduced χ², σ_z, Δχ²], …] per class. */
const minimaText = (r: ExportRecord): string | undefined => {
  const m = r.row?.rankedMinima;
  if (!m) return undefined;
  const f = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(8)) : null);
  return JSON.stringify({ STAR: m.STAR.map((x) => [f(x.z), f(x.chi2), f(x.zErr), f(x.deltaChi2)]), GALAXY: m.GALAXY.map((x) => [f(x.z), f(x.chi2), f(x.zErr), f(x.deltaChi2)]), QSO: m.QSO.map((x) => [f(x.z), f(x.chi2), f(x.zErr), f(x.deltaChi2)]) });
};
const secondZ = (r: ExportRecord) => (r.row?.secondRedshift && r.row.flags.includes('second-redshift') ? r.row.secondRedshift : undefined);

/** Names of the 11 numbers of a class's code: coef_<class>_0 … coef_<class>_9 (ω_j), amp_<class> (A). */
export const codeColumnName = (cls: SpectralClass, j: number): string => (j < 10 ? `coef_${cls.toLowerCase()}_${j}` : `amp_${cls.toLowerCase()}`);
/** The encoder's coefficients of every class, 33 float columns (result contract `coefficients`). */
const codeColumns: ExportColumn[] = (['STAR', 'GALAXY', 'QSO'] as const).flatMap((cls) =>
  Array.from({ length: 11 }, (_, j): ExportColumn => ({ name: codeColumnName(cls, j), kind: 'float', value: (r) => r.row?.coefficients?.[cls][j] })),
);

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
  ...perClassColumns('chi2', chi2),
  ...perClassColumns('z', zBy),
  /** Missing when the best class's χ² curve has a single minimum ("unique"). */
  { name: 'robustness', kind: 'float', value: (r) => r.row?.robustness },
  { name: 'flags', kind: 'text', value: (r) => r.row?.flags.join(';') },
  { name: 'n_good', kind: 'int', value: (r) => r.row?.nGood },
  { name: 'error', kind: 'text', value: (r) => r.row?.error },
  /** Calibrated σ_z (docs/METHOD-extensions.md §1). */
  { name: 'z_err', kind: 'float', value: (r) => finite(r.row?.zErr) },
  ...perClassColumns('z_err', zErrBy),
  ...perClassColumns('z_err_scale', scale),
  /** Unreduced Δχ² to the next distinct redshift (Redrock's DELTACHI2). */
  { name: 'deltachi2', kind: 'float', value: (r) => finite(r.row?.deltaChi2) },
  { name: 'minima', kind: 'text', value: minimaText },
  { name: 'z2', kind: 'float', value: (r) => secondZ(r)?.z2 },
  { name: 'z2_snr', kind: 'float', value: (r) => secondZ(r)?.snr },
  { name: 'z2_lines', kind: 'text', value: (r) => secondZ(r)?.lines.map((l) => l.name).join(';') },
  /** Which χ² decided: encoder or eigenfit (docs/instruments.md). */
  { name: 'estimator', kind: 'text', value: (r) => r.row?.estimator },
  { name: 'instrument', kind: 'text', value: (r) => r.row?.instrument },
  /** z measured on the file's wavelengths (after air→vacuum); z is in z_frame. */
  { name: 'z_obs', kind: 'float', value: (r) => r.row?.zObs },
  { name: 'z_frame', kind: 'text', value: (r) => r.row?.correction?.frame ?? r.row?.frame?.velocity },
  { name: 'wavelength_medium', kind: 'text', value: (r) => r.row?.frame?.medium },
  { name: 'v_bary', kind: 'float', unit: 'km/s', value: (r) => r.row?.correction?.vBaryKms },
  { name: 'v_cmb', kind: 'float', unit: 'km/s', value: (r) => r.row?.correction?.vCmbKms },
  /** Local Outlier Factor of the coefficients within the batch's spectra of its class (docs/anomalies.md). */
  { name: 'outlier_lof', kind: 'float', value: (r) => finite(r.row?.outlier) },
  ...codeColumns,
  { name: 'user_qop', kind: 'int', value: (r) => r.decision?.qop },
  { name: 'user_z', kind: 'float', value: (r) => r.decision?.z },
  { name: 'user_class', kind: 'text', value: (r) => r.decision?.cls },
  { name: 'user_comment', kind: 'text', value: (r) => r.decision?.comment },
  /** The user's frame override for the file, e.g. 'medium=air;velocity=heliocentric;treat=other'. */
  { name: 'user_frame', kind: 'text', value: (r) => frameToText(r.decision?.frame) },
  /** ISO 8601 UTC, millisecond precision: the import conflict rule compares it. */
  {
    name: 'user_updated_at',
    kind: 'text',
    value: (r) => (r.decision ? new Date(r.decision.updatedAt).toISOString() : undefined),
  },
  { name: 'truth_class', kind: 'text', value: (r) => r.row?.meta.truth?.class },
  { name: 'truth_z', kind: 'float', value: (r) => r.row?.meta.truth?.z },
];
