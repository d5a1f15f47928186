/**
 * JSON export: `{ format: 'gasnet-explorer-results', version: 1, exportedAt,
 * rows }`, each row the structured result with its decision nested. NaN and
 * missing numbers become null (JSON has no NaN); a null robustness means
 * "unique" (single minimum).
 */
import type { FrameOverride } from '../types.ts';
import { RESULT_SCALARS, type ResultScalar, type SpectrumResult } from '../result/spectrumResult.ts';
import type { SpectrumMeta } from '../types.ts';
import type { ExportRecord } from './types.ts';

export const EXPORT_FORMAT = 'gasnet-explorer-results';
export const EXPORT_VERSION = 1;

/** A result in the JSON export: every scalar of the contract by its own name, null when missing. */
export type JsonResult = { meta: SpectrumMeta; family: string } & { [K in ResultScalar]: NonNullable<SpectrumResult[K]> | null } & {
  flags: string[];
  /** Local Outlier Factor within the batch's spectra of its class, when computed (docs/anomalies.md). */
  outlier?: number;
  error?: string;
};

/** One row of the JSON export. */
export interface JsonExportRow {
  key: string;
  fileName: string;
  index: number;
  spectrumId: string;
  result?: JsonResult;
  decision?: { qop?: number; comment?: string; z?: number; cls?: string; frame?: FrameOverride; updatedAt: number };
}

export interface JsonExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 UTC. */
  exportedAt: string;
  rows: JsonExportRow[];
}

export function toJsonExport(records: readonly ExportRecord[], exportedAt: Date): JsonExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    rows: records.map(jsonRow),
  };
}

/** The export as text (2-space indented). */
export function toJson(records: readonly ExportRecord[], exportedAt: Date): string {
  return JSON.stringify(toJsonExport(records, exportedAt), null, 2) + '\n';
}

function jsonScalar<K extends ResultScalar>(out: JsonResult, row: SpectrumResult, k: K): void {
  out[k] = (row[k] ?? null) as JsonResult[K];
}

function jsonRow(r: ExportRecord): JsonExportRow {
  const out: JsonExportRow = { key: r.key, ...r.ident };
  const row = r.row;
  if (row) {
    const result = { meta: row.meta, family: row.family } as JsonResult;
    for (const k of RESULT_SCALARS) jsonScalar(result, row, k);
    result.flags = row.flags;
    if (row.outlier !== undefined && Number.isFinite(row.outlier)) result.outlier = row.outlier;
    out.result = result;
    if (row.error !== undefined) out.result.error = row.error;
  }
  const d = r.decision;
  if (d) {
    out.decision = { updatedAt: d.updatedAt };
    if (d.qop !== undefined) out.decision.qop = d.qop;
    if (d.comment !== undefined) out.decision.comment = d.comment;
    if (d.z !== undefined) out.decision.z = d.z;
    if (d.cls !== undefined) out.decision.cls = d.cls;
    if (d.frame !== undefined) out.decision.frame = { ...d.frame };
  }
  return out;
}
