/**
 * JSON export: `{ format: 'gasnet-explorer-results', version: 1, exportedAt,
 * rows }`, each row the structured result with its decision nested. NaN and
 * missing numbers become null (JSON has no NaN); a null robustness means
 * "unique" (single minimum).
 */
import type { SpectrumMeta } from '../types.ts';
import type { ExportRecord } from './types.ts';

export const EXPORT_FORMAT = 'gasnet-explorer-results';
export const EXPORT_VERSION = 1;

/** One row of the JSON export. */
export interface JsonExportRow {
  key: string;
  fileName: string;
  index: number;
  spectrumId: string;
  result?: {
    meta: SpectrumMeta;
    family: string;
    cls: string | null;
    z: number | null;
    chi2: Record<string, number> | null;
    zByClass: Record<string, number> | null;
    robustness: number | null;
    flags: string[];
    nGood: number | null;
    error?: string;
  };
  decision?: { qop?: number; comment?: string; z?: number; cls?: string; updatedAt: number };
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

function jsonRow(r: ExportRecord): JsonExportRow {
  const out: JsonExportRow = { key: r.key, ...r.ident };
  const row = r.row;
  if (row) {
    out.result = {
      meta: row.meta,
      family: row.family,
      cls: row.cls ?? null,
      z: row.z ?? null,
      chi2: row.chi2 ?? null,
      zByClass: row.zByClass ?? null,
      robustness: row.robustness ?? null,
      flags: row.flags,
      nGood: row.nGood ?? null,
    };
    if (row.error !== undefined) out.result.error = row.error;
  }
  const d = r.decision;
  if (d) {
    out.decision = { updatedAt: d.updatedAt };
    if (d.qop !== undefined) out.decision.qop = d.qop;
    if (d.comment !== undefined) out.decision.comment = d.comment;
    if (d.z !== undefined) out.decision.z = d.z;
    if (d.cls !== undefined) out.decision.cls = d.cls;
  }
  return out;
}
