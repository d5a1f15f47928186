/**
 * The open spectrum's detail: asks the pool for the selected row by the
 * families now chosen, one request at a time, and asks again when the
 * selection or the model changed while it waited. Rows without a file in this
 * session (failed, or restored from the last one) say why they have no plots.
 */
import type { FrameOverride, ModelFamily } from '../core/types.ts';
import type { WorkerPool } from '../worker/pool.ts';
import type { SpectrumDetail } from '../worker/protocol.ts';
import { familiesOf } from './familyAnswers.ts';
import type { AppStore } from './store.ts';

/** The detail already held is the selected row's, by the families now chosen. */
export function detailMatches(d: SpectrumDetail, families: readonly ModelFamily[]): boolean {
  if (d.result.family !== families[0]) return false;
  return families.length < 2 ? d.compare === undefined : d.compare?.family === families[1] || d.compareError !== undefined;
}

export function createDetailLoader(
  store: AppStore,
  pool: () => WorkerPool | undefined,
  blobOf: (fileId: number) => Blob | undefined,
  overrideOf: (fileName: string) => FrameOverride | undefined = () => undefined,
): () => void {
  let busy = false;
  function request(): void {
    const p = pool();
    if (busy || !p) return;
    const s = store.getState();
    const families = familiesOf(s.modelChoice);
    const key = s.selectedKey;
    const row = key === undefined ? undefined : s.rows.find((r) => r.key === key);
    if (key === undefined || !row) {
      s.setDetail({ status: 'none' });
      return;
    }
    const blob = row.fileId === undefined ? undefined : blobOf(row.fileId);
    if (row.fileLevel || row.row.error !== undefined || blob === undefined || row.fileId === undefined) {
      const message = row.row.error ?? 'this row was restored from the last session: drop the file again to see its plots';
      s.setDetail({ status: 'error', key, message });
      return;
    }
    if (s.detail.status === 'ready' && s.detail.key === key && detailMatches(s.detail.detail, families)) return;
    s.setDetail({ status: 'loading', key });
    busy = true;
    void p.detail(row.fileId, blob, row.row.fileName, row.row.index, families, overrideOf(row.row.fileName)).then((r) => {
      busy = false;
      const now = store.getState();
      // Moved on, or switched model, meanwhile: fetch the latest.
      if (now.selectedKey !== key || familiesOf(now.modelChoice).join() !== families.join()) return request();
      if (r.ok) now.setDetail({ status: 'ready', key, detail: r.value });
      else now.setDetail({ status: 'error', key, message: `${r.error.code}: ${r.error.message}` });
    });
  }
  return request;
}
