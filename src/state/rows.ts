/** Table rows from worker summaries, failures and restored export rows. */
import { spectrumKey } from '../core/export/spectrumKey.ts';
import type { ExportRow } from '../core/export/types.ts';
import type { ModelFamily } from '../core/types.ts';
import type { SpectrumFailure, SpectrumSummary } from '../worker/protocol.ts';
import type { ResultRow } from './types.ts';

export function rowFromSummary(s: SpectrumSummary): ResultRow {
  const row: ExportRow = {
    fileName: s.fileName,
    index: s.index,
    spectrumId: s.id,
    meta: s.meta,
    family: s.family,
    cls: s.cls,
    z: s.z,
    chi2: s.chi2,
    zByClass: s.zByClass,
    robustness: s.robustness,
    flags: s.flags,
    nGood: s.nGood,
  };
  return {
    key: spectrumKey(s.fileName, s.index, s.id),
    fileId: s.fileId,
    row,
    answers: { [s.family]: row },
    fileLevel: false,
    chi2Best: s.chi2[s.cls],
  };
}

/** A failed spectrum keeps its index; a failed file becomes one row keyed by its file id. */
export function rowFromFailure(f: SpectrumFailure, family: ModelFamily): ResultRow {
  const fileLevel = f.index === undefined;
  const index = f.index ?? 0;
  const spectrumId = f.id ?? (fileLevel ? '' : `#${index}`);
  const row: ExportRow = {
    fileName: f.fileName,
    index,
    spectrumId,
    meta: { format: '' },
    family,
    flags: [],
    error: `${f.error.code}: ${f.error.message}`,
  };
  return {
    key: fileLevel ? `file:${f.fileId}` : spectrumKey(f.fileName, index, spectrumId),
    fileId: f.fileId,
    row,
    answers: { [family]: row },
    fileLevel,
    chi2Best: Number.NaN,
  };
}

/** A row saved with the last session: shown again after a reload, without its file. */
export function rowFromSaved(r: ExportRow): ResultRow {
  const chi2Best = r.cls !== undefined && r.chi2 ? r.chi2[r.cls] : Number.NaN;
  const fileLevel = r.error !== undefined && r.spectrumId === '';
  return {
    key: fileLevel ? `file:${r.fileName}` : spectrumKey(r.fileName, r.index, r.spectrumId),
    fileId: undefined,
    row: r,
    answers: { [r.family]: r },
    fileLevel,
    chi2Best,
  };
}
