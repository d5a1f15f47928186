/**
 * DESI visual-inspection file as Prospect writes it (desihub/prospect js/save_vi.js vi_to_csv,
 * utilities.vi_file_fields, viewer/vi_widgets.py; docs/interop.md): a header row, then one row per
 * spectrum with a quality, comment, issue or VI_z; cells joined by ',', lines ended by '\n',
 * double quotes doubled and never wrapped, a ',' inside a cell written '","'. The comment is
 * stored as Prospect's comment box stores it: ',' → ';', Å α β γ δ λ spelled out, any other
 * non-ASCII character '?'. Columns: Prospect writes the fields its metadata holds; here
 * TARGETID (DESI's, else our spectrum id), EXPID for DESI spectra files, the versions, our
 * pipeline's answer in the Redrock_* columns, then the VI_* columns.
 */
import type { ExportRecord } from '../export/types.ts';
import { desiQualityOf } from './desiQuality.ts';
import { targetIdOf } from './openSpectra.ts';

const SPELLED: Readonly<Record<string, string>> = { Å: 'Angstrom', α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', λ: 'lambda' };

/** Prospect's comment box: ASCII only, commas to semicolons; line breaks (not possible there) to spaces. */
export function prospectComment(text: string): string {
  return [...text.replace(/[\r\n]+/g, ' ')]
    .map((c) => (c === ',' ? ';' : c.charCodeAt(0) <= 127 ? c : (SPELLED[c] ?? '?')))
    .join('');
}

/** save_vi.js: quotes doubled, commas as '","' (Prospect's own escaping). */
const prospectCell = (s: string) => s.replace(/"/g, '""').replace(/,/g, '","');

interface Field {
  name: string;
  value(r: ExportRecord): string;
}

const FIELDS: readonly Field[] = [
  { name: 'TARGETID', value: (r) => targetIdOf(r.row!) },
  { name: 'EXPID', value: (r) => String(r.row!.meta.ids?.EXPID ?? -1) },
  // viewer/cds.py: 'SDSS' for SDSS spectra, '0' when the header names no desispec version.
  { name: 'Spec_version', value: (r) => (r.row!.meta.survey === 'SDSS' ? 'SDSS' : '0') },
  { name: 'Redrock_version', value: () => '-1' },
  { name: 'Template_version', value: () => '-1' },
  { name: 'Redrock_spectype', value: (r) => r.row!.cls ?? '' },
  { name: 'Redrock_z', value: (r) => (r.row!.z === undefined ? '-1' : r.row!.z.toFixed(4)) },
  { name: 'Redrock_deltachi2', value: (r) => (r.row!.deltaChi2 === undefined || !Number.isFinite(r.row!.deltaChi2) ? '-1' : r.row!.deltaChi2.toFixed(1)) },
  { name: 'VI_scanner', value: () => '' },
  { name: 'VI_quality', value: (r) => (r.decision?.qop === undefined ? '-1' : String(desiQualityOf(r.decision.qop))) },
  // Prospect's issue letters in its order: R bad redshift, C bad spectype (an override says the pipeline's was wrong).
  { name: 'VI_issue', value: (r) => (r.decision?.z !== undefined ? 'R' : '') + (r.decision?.cls !== undefined ? 'C' : '') },
  { name: 'VI_z', value: (r) => (r.decision?.z === undefined ? '' : String(r.decision.z)) },
  { name: 'VI_spectype', value: (r) => (r.decision?.qop === 6 ? 'STAR' : (r.decision?.cls ?? '')) },
  { name: 'VI_comment', value: (r) => prospectComment(r.decision?.comment ?? '') },
];

/** Prospect writes a row once anything was entered: a quality, a comment, an issue or a VI_z. */
const inspected = (r: ExportRecord) =>
  r.row !== undefined && r.decision !== undefined && (r.decision.qop !== undefined || (r.decision.comment ?? '') !== '' || r.decision.z !== undefined || r.decision.cls !== undefined);

/** The VI file text for the table's inspected spectra; `scanner` fills VI_scanner (Prospect's 3-letter name). */
export function toDesiVi(records: readonly ExportRecord[], scanner: string): string {
  const rows = records.filter(inspected);
  const withExp = rows.some((r) => r.row!.meta.ids?.EXPID !== undefined);
  const fields = FIELDS.filter((f) => f.name !== 'EXPID' || withExp);
  const lines = [fields.map((f) => f.name).join(',')];
  for (const r of rows) lines.push(fields.map((f) => prospectCell(f.name === 'VI_scanner' ? prospectComment(scanner) : f.value(r))).join(','));
  return lines.map((l) => l + '\n').join('');
}

/** Prospect's default download name: desi-vi_<title>_<scanner>.csv. */
export function desiViFileName(title: string, scanner: string): string {
  return `desi-vi_${title}_${scanner}.csv`;
}
