/**
 * The analysis session: connects the worker pool to the app store without
 * React. Chooses the backend, hands dropped files to the pool with the model
 * families the user chose (and, when the choice changes, runs the families
 * each file is missing), folds worker messages into the store once per
 * animation frame, fetches the open spectrum's detail, and saves the table
 * for the next visit.
 */
import type { SpectrumResult } from '../core/result/spectrumResult.ts';
import type { ModelFamily } from '../core/types.ts';
import { planBackend, type BackendChoice, type BackendPlan, type BackendProbe } from '../platform/backend.ts';
import type { PoolFile, PoolMessage, WorkerPool } from '../worker/pool.ts';
import type { SpectrumDetail } from '../worker/protocol.ts';
import { familiesOf, shownFamily } from './familyAnswers.ts';
import { createFamilyLedger } from './familyLedger.ts';
import { rowFromFailure, rowFromResult, rowFromSaved } from './rows.ts';
import type { AppStore } from './store.ts';
import type { ModelChoice, ResultRow } from './types.ts';

export interface SessionDeps {
  store: AppStore;
  probe(): Promise<BackendProbe>;
  /** Start workers for a plan, opening `family`'s models first; `onMessage` receives their analysis traffic. */
  createPool(plan: BackendPlan, onMessage: (m: PoolMessage) => void, family: ModelFamily): WorkerPool;
  /** Run `cb` soon, once (requestAnimationFrame in the page). */
  scheduleFlush(cb: () => void): void;
  now(): number;
  /** Save / load the table of the last session (decisions store); optional. */
  saveRows?(rows: SpectrumResult[]): Promise<void>;
  loadRows?(): Promise<SpectrumResult[]>;
}

export interface Session {
  /** Probe the browser, start the workers, restore the last session's table. */
  start(): Promise<void>;
  /** Switch backend: stops the running analysis and restarts the workers. */
  setBackendChoice(choice: BackendChoice): Promise<void>;
  /** Switch the model family shown; analyses this session's files with the families they lack. Decisions are kept. */
  setModelChoice(choice: ModelChoice): void;
  addFiles(files: readonly File[]): void;
  cancel(): void;
  /** Select a row (or nothing) and load its detail. */
  open(key: string | undefined): void;
  dispose(): void;
}

export function createSession(deps: SessionDeps): Session {
  const { store } = deps;
  const blobs = new Map<number, File>();
  const ledger = createFamilyLedger();
  const activeJobs = new Set<number>();
  /** Jobs the user cancelled: what their in-flight files still report is shown, not counted. */
  const cancelledJobs = new Set<number>();
  let pool: WorkerPool | undefined;
  let nextFileId = 1;
  let nextJob = 1;
  let pending: PoolMessage[] = [];
  let flushScheduled = false;
  let detailBusy = false;
  /** Files added before the first pool existed. */
  const unsent: Array<{ jobId: number; files: PoolFile[]; families: ModelFamily[] }> = [];

  function onMessage(m: PoolMessage): void {
    pending.push(m);
    if (!flushScheduled) {
      flushScheduled = true;
      deps.scheduleFlush(flush);
    }
  }

  function flush(): void {
    flushScheduled = false;
    const batch = pending;
    pending = [];
    const s = store.getState();
    const rows: ResultRow[] = [];
    let done = 0;
    let failed = 0;
    let ms = 0;
    for (const m of batch) {
      const counted = !cancelledJobs.has(m.jobId);
      const families = ledger.familiesOf(m.jobId) ?? ['encoder'];
      // A spectrum counts once, by its first family's answer.
      const counts = (f: ModelFamily | undefined) => f === undefined || f === families[0];
      if (m.type === 'opened') {
        s.updateFile(m.fileId, { status: 'running', format: m.format, count: m.count });
        if (counted) s.fileOpened(m.count);
      } else if (m.type === 'results') {
        for (const r of m.rows) rows.push(rowFromResult(m.fileId, r));
        for (const f of m.failures) {
          for (const fam of f.family ? [f.family] : families) rows.push(rowFromFailure(f, fam));
          if (f.index === undefined) s.updateFile(m.fileId, { status: 'error', error: f.error });
          else if (f.family && f.error.code === 'model-load') ledger.failed(f.fileId, f.family);
        }
        if (!counted) continue;
        const spectral = m.failures.filter((f) => f.index !== undefined && counts(f.family)).length;
        done += m.rows.filter((r) => counts(r.family)).length + spectral;
        failed += spectral;
        ms += m.ms;
      }
    }
    if (rows.length > 0) s.addAnswers(rows);
    if (done > 0) s.spectraFinished(done, failed, ms);
    for (const m of batch) {
      if (m.type !== 'file-done') continue;
      ledger.fileDone(m.jobId, m.fileId, m.cancelled);
      const f = store.getState().files[m.fileId];
      const fileFailed = f?.status === 'error';
      if (!fileFailed) s.updateFile(m.fileId, { status: m.cancelled ? 'cancelled' : 'done' });
      if (!cancelledJobs.has(m.jobId)) s.fileFinished(fileFailed, deps.now());
    }
    if (batch.some((m) => m.type === 'file-done') && !store.getState().progress.running) {
      activeJobs.clear();
      void persist();
    }
  }

  async function persist(): Promise<void> {
    if (!deps.saveRows) return;
    try {
      // Every family's answers, so a reload shows whichever family is chosen.
      await deps.saveRows(store.getState().rows.flatMap((r) => Object.values(r.answers)));
    } catch {
      // The decisions store reports persistence failures itself (persistError).
    }
  }

  async function startPool(choice: BackendChoice): Promise<void> {
    pool?.terminate();
    const s = store.getState();
    const probe = s.backend.probe ?? (await deps.probe());
    const plan = planBackend(choice, probe);
    s.setBackend({ choice, probe, plan, status: 'starting', active: undefined, error: undefined });
    s.resetTiming();
    const p = deps.createPool(plan, onMessage, shownFamily(s.modelChoice));
    pool = p;
    for (const u of unsent.splice(0)) p.submit(u.jobId, u.files, u.families);
    const r = await p.ready;
    if (pool !== p) return; // replaced meanwhile
    if (r.ok) store.getState().setBackend({ status: 'ready', active: r.value });
    else store.getState().setBackend({ status: 'error', error: `${r.error.code}: ${r.error.message}` });
  }

  /** Queue files for analysis by `families` as one job. */
  function submit(files: PoolFile[], families: ModelFamily[]): void {
    if (files.length === 0) return;
    store.getState().queueFiles(files.length, deps.now());
    const jobId = nextJob++;
    activeJobs.add(jobId);
    ledger.submitted(jobId, files.map((f) => f.fileId), families);
    if (pool) pool.submit(jobId, files, families);
    else unsent.push({ jobId, files, families });
  }

  /** Run, on every file of this session still in the table, the chosen families it lacks (one job per missing set). */
  function analyseMissing(): void {
    const s = store.getState();
    const want = familiesOf(s.modelChoice);
    const groups = new Map<string, { families: ModelFamily[]; files: PoolFile[] }>();
    const seen = new Set<number>();
    for (const r of s.rows) {
      const id = r.fileId;
      if (id === undefined || r.fileLevel || seen.has(id)) continue;
      seen.add(id);
      const blob = blobs.get(id);
      const missing = ledger.missing(id, want);
      if (!blob || missing.length === 0) continue;
      const k = missing.join('+');
      if (!groups.has(k)) groups.set(k, { families: missing, files: [] });
      groups.get(k)!.files.push({ fileId: id, file: blob, fileName: s.files[id]?.name ?? blob.name });
    }
    for (const g of groups.values()) submit(g.files, g.families);
  }

  /** The detail already held is the selected row's, by the families now chosen. */
  const detailMatches = (d: SpectrumDetail, families: readonly ModelFamily[]) =>
    d.result.family === families[0] && (families.length < 2 ? d.compare === undefined : d.compare?.family === families[1] || d.compareError !== undefined);

  function requestDetail(): void {
    if (detailBusy || !pool) return;
    const s = store.getState();
    const families = familiesOf(s.modelChoice);
    const key = s.selectedKey;
    const row = key === undefined ? undefined : s.rows.find((r) => r.key === key);
    if (key === undefined || !row) {
      s.setDetail({ status: 'none' });
      return;
    }
    const blob = row.fileId === undefined ? undefined : blobs.get(row.fileId);
    if (row.fileLevel || row.row.error !== undefined || blob === undefined || row.fileId === undefined) {
      const message =
        row.row.error ?? 'this row was restored from the last session: drop the file again to see its plots';
      s.setDetail({ status: 'error', key, message });
      return;
    }
    if (s.detail.status === 'ready' && s.detail.key === key && detailMatches(s.detail.detail, families)) return;
    s.setDetail({ status: 'loading', key });
    detailBusy = true;
    void pool.detail(row.fileId, blob, row.row.fileName, row.row.index, families).then((r) => {
      detailBusy = false;
      const now = store.getState();
      // Moved on, or switched model, meanwhile: fetch the latest.
      if (now.selectedKey !== key || familiesOf(now.modelChoice).join() !== families.join()) return requestDetail();
      if (r.ok) now.setDetail({ status: 'ready', key, detail: r.value });
      else now.setDetail({ status: 'error', key, message: `${r.error.code}: ${r.error.message}` });
    });
  }

  return {
    async start() {
      if (deps.loadRows) {
        try {
          const saved = await deps.loadRows();
          if (saved.length > 0 && store.getState().rows.length === 0) store.getState().addAnswers(saved.map(rowFromSaved));
        } catch {
          // Nothing restored; the decisions store shows why.
        }
      }
      await startPool(store.getState().backend.choice);
    },
    async setBackendChoice(choice) {
      this.cancel();
      await startPool(choice);
      requestDetail();
    },
    setModelChoice(choice) {
      if (store.getState().modelChoice === choice) return;
      store.getState().setModelChoice(choice);
      analyseMissing();
      requestDetail();
    },
    addFiles(files) {
      if (files.length === 0) return;
      const s = store.getState();
      const names = new Set(files.map((f) => f.name));
      const replaced = new Set<number>();
      s.removeRows((r) => {
        const drop = names.has(r.row.fileName);
        if (drop && r.fileId !== undefined) replaced.add(r.fileId);
        return drop;
      });
      ledger.forget(replaced);
      for (const id of replaced) blobs.delete(id);
      const entries = files.map((f) => ({ fileId: nextFileId++, name: f.name, size: f.size, status: 'queued' as const }));
      entries.forEach((e, i) => blobs.set(e.fileId, files[i]));
      s.addFiles(entries);
      submit(
        entries.map((e, i) => ({ fileId: e.fileId, file: files[i], fileName: e.name })),
        familiesOf(s.modelChoice),
      );
    },
    cancel() {
      for (const u of unsent.splice(0)) {
        for (const f of u.files) onMessage({ type: 'file-done', jobId: u.jobId, fileId: f.fileId, cancelled: true });
      }
      for (const j of activeJobs) {
        cancelledJobs.add(j);
        ledger.cancelJob(j);
        pool?.cancel(j);
      }
      activeJobs.clear();
      if (store.getState().progress.running) store.getState().stopProgress(deps.now());
    },
    open(key) {
      store.getState().select(key);
      requestDetail();
    },
    dispose() {
      pool?.terminate();
      pool = undefined;
    },
  };
}
