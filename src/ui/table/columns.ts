/** The results table's columns: header text, width, sort key and cell text. */
import type { Decision } from '../../core/export/types.ts';
import { finalAnswer } from '../../state/finalAnswer.ts';
import { rowClass } from '../../state/selectors.ts';
import type { ModelChoice, ResultRow, SortKey } from '../../state/types.ts';
import { formatChi2, formatRobustness, formatZ, formatZErr, formatZWithErr } from '../format.ts';
import { flagsTitle } from './flagInfo.ts';

export interface Column {
  key: SortKey;
  label: string;
  /** Tooltip for the header. */
  title: string;
  /** CSS grid track. */
  width: string;
  numeric?: boolean;
  text(r: ResultRow, d: Decision | undefined): string;
  /** The cell's tooltip. @default its text */
  cellTitle?(r: ResultRow, d: Decision | undefined): string;
}

/** "yours" when the inspector's class or z differs from the pipeline's, with the pipeline's answer for the tooltip. */
function answerTitle(r: ResultRow, d: Decision | undefined): string {
  const f = finalAnswer(r, d);
  const pipeline = `the pipeline's: ${rowClass(r)} z = ${formatZWithErr(r.row.z, r.row.zErr)}`;
  if (f.changed) return `Yours (accepted): ${f.cls} z = ${formatZ(f.z)}${d?.qop !== undefined ? `, QOP ${d.qop}` : ''}; ${pipeline}`;
  if (f.decided) return `The pipeline's answer, accepted with QOP ${d?.qop}: ${f.cls} z = ${formatZWithErr(r.row.z, r.row.zErr)}`;
  return `Not inspected yet; ${pipeline}`;
}

/** Mark of an answer the inspector changed (class or z). */
export const CHANGED_MARK = '✎';

export const COLUMNS: readonly Column[] = [
  // The key columns first (file, class, z, σ_z, QOP, flags), so they fit beside the open spectrum on a laptop.
  { key: 'file', label: 'file', title: 'File name', width: 'minmax(8.5rem, 2fr)', text: (r) => r.row.fileName },
  {
    key: 'class',
    label: 'class',
    title: `Your accepted class where you gave one (marked ${CHANGED_MARK}), else the best class (lowest reduced χ²), or error; hover for the pipeline's`,
    width: '5.4rem',
    text: (r, d) => {
      const f = finalAnswer(r, d);
      return f.changed ? `${f.cls} ${CHANGED_MARK}` : f.cls;
    },
    cellTitle: answerTitle,
  },
  { key: 'z', label: 'z', title: "Your accepted redshift where you gave one, else the best class's; hover for the pipeline's", width: '5.4rem', numeric: true, text: (r, d) => formatZ(finalAnswer(r, d).z), cellTitle: answerTitle },
  { key: 'zErr', label: 'σ_z', title: "Calibrated redshift error of the pipeline's z (z units); — where the χ² curve is not convex at its minimum", width: '4.2rem', numeric: true, text: (r) => (rowClass(r) === 'error' ? '' : formatZErr(r.row.zErr)) },
  { key: 'qop', label: 'QOP', title: 'Your quality flag (4 great … 1 unknown, 6 star)', width: '3.7rem', numeric: true, text: (_r, d) => (d?.qop === undefined ? '' : String(d.qop)) },
  { key: 'flags', label: 'flags', title: 'Anomaly flags', width: 'minmax(7rem, 1.6fr)', text: (r) => (r.row.error !== undefined ? r.row.error : r.row.flags.join(', ')), cellTitle: (r) => (r.row.error !== undefined ? r.row.error : flagsTitle(r.row.flags)) },
  { key: 'index', label: '#', title: 'Spectrum index within the file', width: '2.6rem', numeric: true, text: (r) => (r.fileLevel ? '' : String(r.row.index)) },
  { key: 'id', label: 'id', title: "The spectrum's own id", width: 'minmax(8rem, 1.4fr)', text: (r) => r.row.spectrumId },
  { key: 'chi2', label: 'χ²', title: 'Reduced χ² of the best class', width: '3.8rem', numeric: true, text: (r) => formatChi2(r.chi2Best) },
  { key: 'robustness', label: 'R', title: "Robustness R = (χ²₂ − χ²₁)/χ²₁; 'unique' = a single minimum", width: '4rem', numeric: true, text: (r) => (rowClass(r) === 'error' ? '' : formatRobustness(r.row.robustness)) },
  {
    key: 'outlier',
    label: 'LOF',
    title: "Outlier score: Local Outlier Factor of the encoder's coefficients among this batch's spectra of the same class (≈ 1 typical, larger = more unlike its class-mates; k = 20). Blank below 10 spectra of a class",
    width: '3.6rem',
    numeric: true,
    text: (r) => (r.row.outlier === undefined ? '' : r.row.outlier.toFixed(2)),
  },
  { key: 'comment', label: 'comment', title: 'Your comment', width: 'minmax(6rem, 1fr)', text: (_r, d) => d?.comment ?? '' },
  { key: 'truthClass', label: 'file class', title: "The file's own pipeline class, when it has one", width: '5rem', text: (r) => r.row.meta.truth?.class ?? '' },
  { key: 'truthZ', label: 'file z', title: "The file's own pipeline redshift, when it has one", width: '5.6rem', numeric: true, text: (r) => (r.row.meta.truth?.z === undefined ? '' : formatZ(r.row.meta.truth.z)) },
];

export function gridTemplate(columns: readonly Column[]): string {
  return columns.map((c) => c.width).join(' ');
}

/** The UNet's answer beside the encoder's: '≠' marks a disagreement, '=' an agreement, '…' not analysed yet. */
export function unetText(r: ResultRow): string {
  const u = r.answers.unet;
  if (!u) return '…';
  if (u.error !== undefined || u.cls === undefined) return 'error';
  const mark = r.disagree === undefined ? '' : r.disagree ? '≠ ' : '= ';
  return `${mark}${u.cls} ${formatZ(u.z)}`;
}

export const UNET_COLUMN: Column = {
  key: 'unet',
  label: 'UNet',
  title: "The UNet's class and z. ≠: it disagrees with the encoder (another class, or |Δz|/(1+z) above 3e-4, 3e-3 for QSO); = it agrees",
  width: '8.6rem',
  text: unetText,
};

/** The table's columns for a model choice: with both families, the UNet's answer follows the encoder's z and σ_z. */
export function columnsFor(choice: ModelChoice): readonly Column[] {
  if (choice !== 'both') return COLUMNS;
  const at = COLUMNS.findIndex((c) => c.key === 'zErr') + 1;
  return [...COLUMNS.slice(0, at), UNET_COLUMN, ...COLUMNS.slice(at)];
}
