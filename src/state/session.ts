/**
 * The analysis session: connects the worker pool to the app store without
 * React. Starts the workers (backendStart.ts), hands dropped files to the pool with the model
 * families the user chose (and, when the choice changes, runs the families
 * each file is missing), and saves the table for the next visit. Folding
 * worker messages is foldMessages.ts; the open spectrum's detail is
 * detailLoader.ts.
 */
import type { SpectrumResult } from '../core/result/spectrumResult.ts';
import type { FrameOverride, ModelFamily } from '../core/types.ts';
import type { BackendChoice, BackendPlan, BackendProbe } from '../platform/backend.ts';
import type { PoolFile, PoolMessage, WorkerPool } from '../worker/pool.ts';
import { recordReady, startPool, type PlanOverride } from './backendStart.ts';
import { createDetailLoader } from './detailLoader.ts';
import { familiesOf, shownFamily } from './familyAnswers.ts';
import { createFamilyLedger } from './familyLedger.ts';
import { foldMessages } from './foldMessages.ts';
import { missingJobs } from './missingJobs.ts';
import { rowFromSaved } from './rows.ts';
import type { AppStore } from './store.ts';
import type { ModelChoice } from './types.ts';

export interface SessionDeps {
  store: AppStore;
  probe(): Promise<BackendProbe>;
  /** Start workers for a plan, opening `family`'s models first; `onMessage` receives their analysis traffic. */
  createPool(plan: BackendPlan, onMessage: (m: PoolMessage) => void, family: ModelFamily): WorkerPool;
  /** Workers × threads forced for measuring (backendStart.ts); optional. */
  planOverride?: PlanOverride;
  /** Run `cb` soon, once (requestAnimationFrame in the page). */
  scheduleFlush(cb: () => void): void;
  now(): number;
  /** Save / load the table of the last session (decisions store); optional. */
  saveRows?(rows: SpectrumResult[]): Promise<void>;
  loadRows?(): Promise<SpectrumResult[]>;
  /** The user's frame / instrument choice for a file (kept with the decisions); optional. */
  overrideFor?(fileName: string): FrameOverride | undefined;
}

export interface Session {
  /** Probe the browser, start the workers, restore the last session's table. */
  start(): Promise<void>;
  /**
   * Probe the browser and start the workers now (once; `start` then only restores the table): the
   * page calls it before anything else so that the networks load while the stores are restored.
   */
  startWorkers(): Promise<void>;
  /** Switch backend: stops the running analysis and restarts the workers. */
  setBackendChoice(choice: BackendChoice): Promise<void>;
  /** Switch the model family shown; analyses this session's files with the families they lack. Decisions are kept. */
  setModelChoice(choice: ModelChoice): void;
  addFiles(files: readonly File[]): void;
  cancel(): void;
  /** Select a row (or nothing) and load its detail. */
  open(key: string | undefined): void;
  /** Analyse a file of this session again (its frame override changed); its rows are replaced, decisions kept. */
  reanalyse(fileName: string): void;
  dispose(): void;
}

// A closure factory: its jobs are the small functions inside and the modules named above.
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
  const requestDetail = createDetailLoader(store, () => pool, (id) => blobs.get(id), (name) => deps.overrideFor?.(name));
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
    if (foldMessages({ store, ledger, cancelledJobs, now: deps.now }, batch)) {
      activeJobs.clear();
      void persist();
    }
    // The selected spectrum's row came (back) after a re-analysis: show it again.
    const s = store.getState();
    if (s.selectedKey !== undefined && s.detail.status === 'none' && s.rows.some((r) => r.key === s.selectedKey)) requestDetail();
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

  async function restartPool(choice: BackendChoice): Promise<void> {
    pool?.terminate();
    const p = await startPool(store, deps, choice, shownFamily(store.getState().modelChoice), onMessage);
    pool = p;
    for (const u of unsent.splice(0)) p.submit(u.jobId, u.files, u.families);
    await recordReady(store, p, () => pool === p);
  }

  const withOverride = (fileName: string): { override?: FrameOverride } => {
    const o = deps.overrideFor?.(fileName);
    return o ? { override: o } : {};
  };

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

  /** Run, on every file of this session still in the table, the chosen families it lacks. */
  function analyseMissing(): void {
    const s = store.getState();
    for (const job of missingJobs(s.rows, s.files, ledger, (id) => blobs.get(id), familiesOf(s.modelChoice))) submit(job.files, job.families);
  }

  let workersStarted: Promise<void> | undefined;
  const startWorkers = (): Promise<void> => (workersStarted ??= restartPool(store.getState().backend.choice));

  return {
    startWorkers,
    async start() {
      if (deps.loadRows) {
        try {
          const saved = await deps.loadRows();
          if (saved.length > 0 && store.getState().rows.length === 0) store.getState().addAnswers(saved.map(rowFromSaved));
        } catch {
          // Nothing restored; the decisions store shows why.
        }
      }
      await startWorkers();
    },
    async setBackendChoice(choice) {
      this.cancel();
      await restartPool(choice);
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
      // Not f.size: Chromium reads a picked file's size (and date) from the browser process on first
      // use, ~0.5 ms a file; for a thousand files that held the page for half a second. The workers
      // learn sizes as they read.
      const entries = files.map((f) => ({ fileId: nextFileId++, name: f.name, status: 'queued' as const }));
      entries.forEach((e, i) => blobs.set(e.fileId, files[i]));
      s.addFiles(entries);
      submit(
        entries.map((e, i) => ({ fileId: e.fileId, file: files[i], fileName: e.name, ...withOverride(e.name) })),
        familiesOf(s.modelChoice),
      );
    },
    reanalyse(fileName) {
      const file = [...blobs.values()].find((f) => f.name === fileName);
      if (!file) return;
      this.addFiles([file]);
      requestDetail();
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
