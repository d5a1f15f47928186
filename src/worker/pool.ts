/**
 * A pool of analysis workers on the UI side: files are handed out to
 * whichever worker holds the fewest spectra in flight, enough of them that
 * each worker can fill a network batch across files (spectrumBatcher.ts). A
 * file with more than `splitAt` spectra is cut into ranges once it opened:
 * every worker reads its ranges lazily from the same Blob, and the file is
 * reported done when its last range is. A detail request goes to the worker
 * that analysed the spectrum (it kept the numbers), or the least busy one when
 * that worker is gone.
 *
 * A worker that dies (a script error, or no answer to a ping for `stallMs`:
 * closed, hung or crashed; idle workers are pinged too) is terminated and replaced, and each of its files
 * is sent once more, alone, to a fresh worker; a file that loses its worker
 * twice is marked failed, spectrum by spectrum (poolTask.ts). The batch
 * always completes. Replacements stop after `maxRestarts` deaths in a row
 * without a file finishing (something is wrong with every worker, not with
 * one file); then the queue is failed with that reason.
 */
import type { FrameOverride } from '../core/types.ts';
import { fail, ok, type InputError, type ModelFamily, type Result } from '../core/types.ts';
import type { Backend } from '../platform/backend.ts';
import type { SpectrumDetail, WorkerConfig, WorkerRequest, WorkerResponse } from './protocol.ts';
import { createPoolDetails } from './poolDetails.ts';
import {
  afterWorkerDied,
  failTask,
  firstReport,
  keyOf,
  newTask,
  pickSlot,
  rangeTasks,
  taskKey,
  weightOf,
  type PoolFile,
  type PoolMessage,
  type PoolTask,
} from './poolTask.ts';

export type { PoolFile, PoolMessage } from './poolTask.ts';

/** The part of a Worker the pool uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((ev: { data: WorkerResponse }) => void) | null;
  onerror: ((ev: { message?: string }) => void) | null;
}

export interface PoolReady {
  backend: Backend;
  threads: number;
  workers: number;
  /** Slowest worker's set-up time (runtime + models), ms. */
  initMs: number;
}

export interface WorkerPool {
  ready: Promise<Result<PoolReady>>;
  /** Analyse files with the given model families (@default ['encoder']). */
  submit(jobId: number, files: readonly PoolFile[], families?: readonly ModelFamily[]): void;
  /** Stop a job: queued files are dropped (reported as cancelled), running ones stop after their batch. */
  cancel(jobId: number): void;
  detail(fileId: number, file: Blob, fileName: string, index: number, families?: readonly ModelFamily[], override?: FrameOverride): Promise<Result<SpectrumDetail>>;
  terminate(): void;
}

export interface PoolOptions {
  /** @default 2000 — how often a busy worker is pinged (ms). */
  pingMs?: number;
  /** @default 15000 — a ping unanswered this long means the worker is dead (ms); ≫ the longest synchronous step (a UNet batch). */
  stallMs?: number;
  /** @default 2 × size + 1 — replacements in a row without a file finishing before the pool gives up. */
  maxRestarts?: number;
  /** @default performance.now / Date.now */
  now?: () => number;
  /** @default 4 × batch size — spectra in flight per worker (a file not yet opened counts as one). */
  inFlight?: number;
  /** @default 2 × batch size — spectra per range of a split file (and spectra the opening worker analyses). */
  rangeSize?: number;
}

const DEFAULT_FAMILIES: readonly ModelFamily[] = ['encoder'];

interface Slot {
  worker: WorkerLike;
  /** Order of creation (replacements get higher numbers). */
  serial: number;
  alive: boolean;
  ready: boolean;
  /** Tasks sent and not yet done, by taskKey. */
  inFlight: Map<string, PoolTask>;
  detailsPending: number;
  /** Oldest ping not yet answered (ms), undefined when none is out. */
  pingSentAt: number | undefined;
}

// A closure factory over shared slot state: dispatch (pump), death and replacement (slotDied),
// replies (handle) and the watchdog are its parts; detail requests are poolDetails.ts.
export function createWorkerPool(
  size: number,
  config: WorkerConfig,
  spawn: () => WorkerLike,
  onMessage: (m: PoolMessage) => void,
  options: PoolOptions = {},
): WorkerPool {
  const { pingMs = 2000, stallMs = 15_000, maxRestarts = 2 * Math.max(1, size) + 1 } = options;
  const perWorker = options.inFlight ?? 4 * config.batchSize;
  const rangeSize = options.rangeSize ?? 2 * config.batchSize;
  /** Tasks of each file (jobId:fileId) not yet done, and whether any was cancelled: one 'file-done' per file. */
  const parts = new Map<string, { left: number; cancelled: boolean }>();
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const slots: Slot[] = [];
  const queue: PoolTask[] = [];
  const cancelledJobs = new Set<number>();
  const details = createPoolDetails<Slot>();
  let nextPing = 1;
  let initMs = 0;
  let restartsInARow = 0;
  let nextSerial = 0;
  let stopped = false;
  let resolveReady!: (r: Result<PoolReady>) => void;
  const ready = new Promise<Result<PoolReady>>((r) => (resolveReady = r));
  let settled = false;
  const settle = (r: Result<PoolReady>) => {
    if (!settled) {
      settled = true;
      resolveReady(r);
    }
  };
  const load = (s: Slot) => {
    let n = s.detailsPending;
    for (const t of s.inFlight.values()) n += weightOf(t);
    return n;
  };

  /**
   * Posting a picked file to a worker makes Chromium fetch the file's size and date from the browser
   * process (~0.5–2.5 ms a file here): a thousand dropped files posted in one go held the page for
   * half a second or more. Files are posted this many per task, the rest after the page has had a turn.
   */
  const POSTS_PER_TURN = 8;
  let pumpLater: ReturnType<typeof setTimeout> | undefined;
  /**
   * Posts in the current task, whatever called pump: one message from a worker can finish dozens of
   * files, each calling pump (the count goes back to 0 in a microtask, once the task's code is done).
   */
  let postedThisTurn = 0;

  function pump(): void {
    // Files go to each worker as soon as it is ready (the first one long before the others: startSlot).
    while ((settled || slots.some((s) => s.ready)) && !stopped && queue.length > 0) {
      if (postedThisTurn >= POSTS_PER_TURN) {
        pumpLater ??= setTimeout(() => {
          pumpLater = undefined;
          pump();
        }, 0);
        return;
      }
      const task = queue[0];
      const slot = pickSlot(slots, task, perWorker);
      if (!slot) return;
      queue.shift();
      slot.inFlight.set(keyOf(task), task);
      details.analysedOn(task.file.fileId, slot, task.splitAt === undefined ? task.range : { start: 0, end: task.splitAt });
      const { fileId, file, fileName, override } = task.file;
      const part = task.splitAt !== undefined ? { splitAt: task.splitAt } : task.range ? { range: task.range } : {};
      slot.worker.postMessage({ type: 'analyze', jobId: task.jobId, fileId, file, fileName, families: [...task.families], ...(override && { override }), ...part });
      if (postedThisTurn++ === 0) queueMicrotask(() => (postedThisTurn = 0));
    }
  }

  /** Forward to the session; a file's 'file-done' only once its last task is done. */
  function forward(m: PoolMessage): void {
    if (m.type !== 'file-done') return onMessage(m);
    const key = `${m.jobId}:${m.fileId}`;
    const p = parts.get(key);
    if (p) {
      p.left--;
      p.cancelled ||= m.cancelled;
      if (p.left > 0) return;
      parts.delete(key);
    }
    onMessage({ type: 'file-done', jobId: m.jobId, fileId: m.fileId, cancelled: p ? p.cancelled : m.cancelled });
  }

  function emitAll(messages: readonly PoolMessage[]): void {
    for (const m of messages) forward(m);
  }

  /** A first task opened a file with more spectra than it analyses: queue the rest as ranges, first in line. */
  function split(task: PoolTask): void {
    if (cancelledJobs.has(task.jobId)) return;
    const more = rangeTasks(task, rangeSize);
    if (more.length === 0) return;
    const p = parts.get(`${task.jobId}:${task.file.fileId}`);
    if (p) p.left += more.length;
    queue.unshift(...more);
  }

  /** The slot's worker is gone: retry or fail its files, fail its detail requests, start a replacement. */
  function slotDied(slot: Slot, why: string): void {
    if (!slot.alive || stopped) return;
    slot.alive = false;
    initWaiting(); // the first worker may never be ready now
    slot.worker.onmessage = null;
    slot.worker.onerror = null;
    slot.worker.terminate();
    const lostTwice: InputError = {
      code: 'internal',
      message: `the analysis worker stopped twice while reading this file (${why}); it was restarted and the file retried once. Try the file on its own; if it fails again, report it with the file.`,
    };
    const { retries, messages } = afterWorkerDied(slot.inFlight.values(), cancelledJobs, nextSerial, lostTwice);
    emitAll(messages);
    slot.inFlight.clear();
    queue.unshift(...retries);
    details.failHeldBy(slot, `the analysis worker stopped (${why}) and was restarted: open the spectrum again`);
    if (!settled) {
      settle(fail({ code: 'model-load', message: `a worker failed to start: ${why}` }));
      return;
    }
    if (restartsInARow < maxRestarts) {
      restartsInARow++;
      slots[slots.indexOf(slot)] = startSlot();
    } else if (slots.some((s) => s.alive)) {
      for (const task of queue) task.freshFrom = undefined; // no fresh worker will come: any live one will do
    } else {
      const gaveUp: InputError = {
        code: 'internal',
        message: `the analysis workers keep stopping (${why}; ${maxRestarts} restarts in a row). Reload the page; if it persists, report it.`,
      };
      for (const task of queue.splice(0)) emitAll(failTask(task, gaveUp));
    }
    pump();
  }

  function handle(slot: Slot, m: WorkerResponse): void {
    slot.pingSentAt = undefined; // any message shows the worker is alive
    switch (m.type) {
      case 'ready':
        slot.ready = true;
        initWaiting();
        initMs = Math.max(initMs, m.initMs);
        if (slots.every((s) => s.ready)) settle(ok({ backend: m.backend, threads: m.threads, workers: slots.length, initMs }));
        pump();
        return;
      case 'init-failed':
        if (!settled) settle(fail(m.error));
        else slotDied(slot, `it could not set up again: ${m.error.message}`);
        return;
      case 'pong':
        return;
      case 'detail':
      case 'detail-error':
        details.answer(slot, m);
        return;
      case 'many':
        for (const x of m.messages) handle(slot, x);
        return;
      case 'opened':
      case 'results':
      case 'file-done': {
        const key = taskKey(m.fileId, m.type === 'opened' ? undefined : m.start);
        const task = slot.inFlight.get(key);
        const fresh = task ? firstReport(task, m) : m;
        if (m.type === 'file-done') {
          slot.inFlight.delete(key);
          restartsInARow = 0;
        }
        if (fresh) forward(fresh);
        if (fresh?.type === 'opened' && task) split(task);
        if (m.type === 'file-done' || fresh?.type === 'opened') pump();
        return;
      }
    }
  }

  /**
   * Workers spawned but told to set up only once the first is ready: on a machine with few cores,
   * several workers setting up at once (runtime, networks, a first run each) take turns on the same
   * cores and all finish late, while the first file needs only one of them.
   */
  const waitingToInit: Slot[] = [];
  const initWaiting = () => {
    for (const s of waitingToInit.splice(0)) if (s.alive) s.worker.postMessage({ type: 'init', config });
  };

  function startSlot(deferInit = false): Slot {
    const slot: Slot = { worker: spawn(), serial: nextSerial++, alive: true, ready: false, inFlight: new Map(), detailsPending: 0, pingSentAt: undefined };
    slot.worker.onmessage = (ev) => handle(slot, ev.data);
    slot.worker.onerror = (ev) => slotDied(slot, ev.message ?? 'script error');
    if (deferInit) waitingToInit.push(slot);
    else slot.worker.postMessage({ type: 'init', config });
    return slot;
  }

  /** Ping every worker (idle ones too, so no file is sent to a dead one); one that leaves a ping unanswered for stallMs is dead. */
  function watch(): void {
    const t = now();
    for (const slot of [...slots]) {
      if (!slot.alive || !slot.ready) continue;
      if (slot.pingSentAt !== undefined && t - slot.pingSentAt >= stallMs) {
        slotDied(slot, `it did not answer for ${Math.round(stallMs / 1000)} s`);
        continue;
      }
      slot.pingSentAt ??= t;
      slot.worker.postMessage({ type: 'ping', id: nextPing++ });
    }
  }

  for (let i = 0; i < Math.max(1, size); i++) slots.push(startSlot(i > 0));
  const watchdog = setInterval(watch, pingMs);
  (watchdog as { unref?: () => void }).unref?.(); // Node (tests): never keep the process alive

  return {
    ready,
    submit(jobId, files, families = DEFAULT_FAMILIES) {
      for (const file of files) {
        parts.set(`${jobId}:${file.fileId}`, { left: 1, cancelled: false });
        queue.push(newTask(jobId, file, families, rangeSize));
      }
      pump();
    },
    cancel(jobId) {
      cancelledJobs.add(jobId);
      const dropped = queue.filter((t) => t.jobId === jobId);
      queue.splice(0, queue.length, ...queue.filter((t) => t.jobId !== jobId));
      for (const t of dropped) forward({ type: 'file-done', jobId, fileId: t.file.fileId, cancelled: true });
      for (const s of slots) if (s.alive) s.worker.postMessage({ type: 'cancel', jobId });
    },
    async detail(fileId, file, fileName, index, families = DEFAULT_FAMILIES, override) {
      const r = await ready;
      if (!r.ok) return r;
      const live = slots.filter((s) => s.alive && s.ready);
      if (live.length === 0) return fail({ code: 'internal', message: 'no analysis worker is running: reload the page' });
      live.sort((a, b) => load(a) - load(b));
      return details.request(live, fileId, file, fileName, index, families, override);
    },
    terminate() {
      stopped = true;
      clearInterval(watchdog);
      if (pumpLater !== undefined) clearTimeout(pumpLater);
      for (const s of slots) {
        s.alive = false;
        s.worker.terminate();
      }
      details.failHeldBy(undefined, 'the analysis was restarted');
      queue.length = 0;
      settle(fail({ code: 'internal', message: 'the pool was stopped' }));
    },
  };
}
