/** Result exports (CSV, JSON, FITS table) and the import of decisions from them. */
export type {
  Decision,
  DecisionIdent,
  DecisionPatch,
  ExportRecord,
  ImportError,
  ImportErrorCode,
  ImportedDecisions,
  Qop,
} from './types.ts';
export { QOP_VALUES } from './types.ts';
export { spectrumKey, keyOf } from './spectrumKey.ts';
export { applyPatch, decisionFromUnknown, isEmptyDecision } from './decision.ts';
export { mergeImported, type MergePlan } from './mergeImported.ts';
export { buildExportRecords, type ExportRecordsOptions } from './records.ts';
export { EXPORT_COLUMNS, type ExportColumn } from './columns.ts';
export { toCsv, defuseCell } from './csvWrite.ts';
export { parseCsv } from './csvParse.ts';
export { toJson, toJsonExport, EXPORT_FORMAT, EXPORT_VERSION, type JsonExport, type JsonExportRow } from './jsonWrite.ts';
export { toFitsTable, TABLE_EXTNAME, INT_NULL } from './fitsTableWrite.ts';
export { parseExport } from './parseExport.ts';
