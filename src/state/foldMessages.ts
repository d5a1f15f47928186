/**
 * Worker traffic into the app store, a batch at a time (the session calls
 * this once per animation frame): rows and failures become table rows, files
 * change status, progress counts each spectrum once (by the first family its
 * job asked for), and cancelled jobs are shown but not counted.
 */
import type { ModelFamily } from '../core/types.ts';
import type { PoolMessage } from '../worker/pool.ts';
import type { FamilyLedger } from './familyLedger.ts';
import { rowFromFailure, rowFromResult } from './rows.ts';
import type { AppStore } from './store.ts';
import type { FileEntry, ResultRow } from './types.ts';

export interface FoldContext {
  store: AppStore;
  ledger: FamilyLedger;
  /** Jobs the user cancelled: what their in-flight files still report is shown, not counted. */
  cancelledJobs: ReadonlySet<number>;
  now(): number;
}

/** Fold one batch of messages; returns true when the last running file finished with it. */
export function foldMessages(ctx: FoldContext, batch: readonly PoolMessage[]): boolean {
  const { store, ledger } = ctx;
  const s = store.getState();
  // One change per slice for the whole batch: every store change re-runs every subscriber's selector.
  const patches = new Map<number, Partial<Omit<FileEntry, 'fileId'>>>();
  const patch = (fileId: number, p: Partial<Omit<FileEntry, 'fileId'>>) => patches.set(fileId, { ...patches.get(fileId), ...p });
  const statusOf = (fileId: number) => patches.get(fileId)?.status ?? s.files[fileId]?.status;
  const rows: ResultRow[] = [];
  let done = 0;
  let failed = 0;
  let ms = 0;
  let opened = 0;
  let known = 0;
  for (const m of batch) {
    const counted = !ctx.cancelledJobs.has(m.jobId);
    const families = ledger.familiesOf(m.jobId) ?? ['encoder'];
    const counts = (f: ModelFamily | undefined) => f === undefined || f === families[0];
    if (m.type === 'opened') {
      patch(m.fileId, { status: 'running', format: m.format, count: m.count });
      if (counted) {
        opened++;
        known += m.count;
      }
    } else if (m.type === 'results') {
      for (const r of m.rows) rows.push(rowFromResult(m.fileId, r));
      for (const f of m.failures) {
        for (const fam of f.family ? [f.family] : families) rows.push(rowFromFailure(f, fam));
        if (f.index === undefined) patch(m.fileId, { status: 'error', error: f.error });
        else if (f.family && f.error.code === 'model-load') ledger.failed(f.fileId, f.family);
      }
      if (!counted) continue;
      const spectral = m.failures.filter((f) => f.index !== undefined && counts(f.family)).length;
      done += m.rows.filter((r) => counts(r.family)).length + spectral;
      failed += spectral;
      ms += m.ms;
    }
  }
  const finished: boolean[] = [];
  for (const m of batch) {
    if (m.type !== 'file-done') continue;
    ledger.fileDone(m.jobId, m.fileId, m.cancelled);
    const fileFailed = statusOf(m.fileId) === 'error';
    if (!fileFailed) patch(m.fileId, { status: m.cancelled ? 'cancelled' : 'done' });
    if (!ctx.cancelledJobs.has(m.jobId)) finished.push(fileFailed);
  }
  if (patches.size > 0) s.updateFiles(patches);
  if (rows.length > 0) s.addAnswers(rows);
  if (opened > 0) s.filesOpened(opened, known);
  if (done > 0) s.spectraFinished(done, failed, ms);
  if (finished.length > 0) s.filesFinished(finished, ctx.now());
  return batch.some((m) => m.type === 'file-done') && !store.getState().progress.running;
}
