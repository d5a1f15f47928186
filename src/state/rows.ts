/** Table rows from worker results, failures and rows restored from the last session. */
import { spectrumKey } from '../core/export/spectrumKey.ts';
import { bestChi2, failedResult, type SpectrumResult } from '../core/result/spectrumResult.ts';
import type { ModelFamily } from '../core/types.ts';
import type { SpectrumFailure } from '../worker/protocol.ts';
import type { ResultRow } from './types.ts';

function tableRow(key: string, fileId: number | undefined, row: SpectrumResult, fileLevel: boolean): ResultRow {
  return { key, fileId, row, answers: { [row.family]: row }, fileLevel, chi2Best: bestChi2(row) };
}

/** An analysed spectrum of the dropped file `fileId`. */
export function rowFromResult(fileId: number, r: SpectrumResult): ResultRow {
  return tableRow(spectrumKey(r.fileName, r.index, r.spectrumId), fileId, r, false);
}

/** A failed spectrum keeps its index; a failed file becomes one row keyed by its file id. */
export function rowFromFailure(f: SpectrumFailure, family: ModelFamily): ResultRow {
  const fileLevel = f.index === undefined;
  const index = f.index ?? 0;
  const spectrumId = f.id ?? (fileLevel ? '' : `#${index}`);
  const row = failedResult({ fileName: f.fileName, index, spectrumId }, family, f.error);
  return tableRow(fileLevel ? `file:${f.fileId}` : spectrumKey(f.fileName, index, spectrumId), f.fileId, row, fileLevel);
}

/** A row saved with the last session: shown again after a reload, without its file. */
export function rowFromSaved(r: SpectrumResult): ResultRow {
  const fileLevel = r.error !== undefined && r.spectrumId === '';
  return tableRow(fileLevel ? `file:${r.fileName}` : spectrumKey(r.fileName, r.index, r.spectrumId), undefined, r, fileLevel);
}
