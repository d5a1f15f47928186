/** The file each export button produces: name, MIME type and contents. */
import { buildExportRecords } from '../../core/export/records.ts';
import { toCsv } from '../../core/export/csvWrite.ts';
import { toFitsTable } from '../../core/export/fitsTableWrite.ts';
import { toJson } from '../../core/export/jsonWrite.ts';
import type { Decision } from '../../core/export/types.ts';
import type { SpectrumResult } from '../../core/result/spectrumResult.ts';

export type ExportKind = 'csv' | 'json' | 'fits';

export interface ExportFile {
  name: string;
  type: string;
  data: string | Uint8Array<ArrayBuffer>;
}

const MIME: Record<ExportKind, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  fits: 'application/fits',
};

/** 'gasnet-results-20250506-070809.csv' (UTC). */
export function exportFileName(kind: ExportKind, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replaceAll('-', '').replace('T', '-').replaceAll(':', '');
  return `gasnet-results-${stamp}.${kind}`;
}

/** Rows with their decisions, plus decisions of spectra not in the table (never lost). */
export function makeExportFile(
  kind: ExportKind,
  rows: readonly SpectrumResult[],
  decisions: Readonly<Record<string, Decision>>,
  at: Date,
): ExportFile {
  const records = buildExportRecords(rows, decisions);
  const data =
    kind === 'csv'
      ? // A BOM so spreadsheets read the UTF-8 text (file names, comments) correctly.
        '\uFEFF' + toCsv(records)
      : kind === 'json'
        ? toJson(records, at)
        : toFitsTable(records, at);
  return { name: exportFileName(kind, at), type: MIME[kind], data };
}
