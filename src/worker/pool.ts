/**
 * A pool of analysis workers on the UI side: files are handed out one at a
 * time to whichever worker has the fewest in flight (so a big file does not
 * hold up the others), detail requests go to the least busy worker, and a
 * worker that dies has its files reported as failed rather than lost.
 */
import { fail, ok, type InputError, type Result } from '../core/types.ts';
import type { SpectrumDetail } from '../ui/view/types.ts';
import type { Backend } from '../platform/backend.ts';
import type { WorkerConfig, WorkerRequest, WorkerResponse } from './protocol.ts';

/** The part of a Worker the pool uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((ev: { data: WorkerResponse }) => void) | null;
  onerror: ((ev: { message?: string }) => void) | null;
}

export interface PoolFile {
  fileId: number;
  file: Blob;
  fileName: string;
}

export interface PoolReady {
  backend: Backend;
  threads: number;
  workers: number;
  /** Slowest worker's set-up time (runtime + models), ms. */
  initMs: number;
}

/** Analysis traffic the pool forwards: 'opened', 'results', 'file-done'. */
export type PoolMessage = Extract<WorkerResponse, { type: 'opened' | 'results' | 'file-done' }>;

export interface WorkerPool {
  ready: Promise<Result<PoolReady>>;
  submit(jobId: number, files: readonly PoolFile[]): void;
  /** Stop a job: queued files are dropped (reported as cancelled), running ones stop after their batch. */
  cancel(jobId: number): void;
  detail(fileId: number, file: Blob, fileName: string, index: number): Promise<Result<SpectrumDetail>>;
  terminate(): void;
}

/** Files sent to one worker before it reports one done (keeps it busy without hoarding). */
const IN_FLIGHT_PER_WORKER = 2;

interface Slot {
  worker: WorkerLike;
  alive: boolean;
  /** Files sent and not yet done, by fileId. */
  inFlight: Map<number, { jobId: number; file: PoolFile }>;
  detailsPending: number;
}

export function createWorkerPool(
  size: number,
  config: WorkerConfig,
  spawn: () => WorkerLike,
  onMessage: (m: PoolMessage) => void,
): WorkerPool {
  const slots: Slot[] = [];
  const queue: Array<{ jobId: number; file: PoolFile }> = [];
  const details = new Map<number, { slot: Slot; resolve: (r: Result<SpectrumDetail>) => void }>();
  let nextRequest = 1;
  let readyCount = 0;
  let initMs = 0;
  let resolveReady!: (r: Result<PoolReady>) => void;
  const ready = new Promise<Result<PoolReady>>((r) => (resolveReady = r));
  let settled = false;
  const settle = (r: Result<PoolReady>) => {
    if (!settled) {
      settled = true;
      resolveReady(r);
    }
  };

  function pump(): void {
    for (;;) {
      const free = slots.filter((s) => s.alive && s.inFlight.size < IN_FLIGHT_PER_WORKER);
      if (queue.length === 0 || free.length === 0 || !settled) return;
      free.sort((a, b) => a.inFlight.size + a.detailsPending - (b.inFlight.size + b.detailsPending));
      const task = queue.shift()!;
      free[0].inFlight.set(task.file.fileId, task);
      const { fileId, file, fileName } = task.file;
      free[0].worker.postMessage({ type: 'analyze', jobId: task.jobId, fileId, file, fileName });
    }
  }

  function failSlot(slot: Slot, message: string): void {
    if (!slot.alive) return;
    slot.alive = false;
    const error: InputError = { code: 'internal', message: `an analysis worker stopped (${message}). Reload the page to restart it.` };
    for (const { jobId, file } of slot.inFlight.values()) {
      onMessage({ type: 'results', jobId, fileId: file.fileId, rows: [], failures: [{ fileId: file.fileId, fileName: file.fileName, index: undefined, error }], ms: 0 });
      onMessage({ type: 'file-done', jobId, fileId: file.fileId, cancelled: false });
    }
    slot.inFlight.clear();
    for (const [id, d] of details) {
      if (d.slot === slot) {
        details.delete(id);
        d.resolve(fail(error));
      }
    }
    if (!settled) settle(fail({ code: 'model-load', message: `a worker failed to start: ${message}` }));
    else if (slots.every((s) => !s.alive)) {
      // Nothing left to run the queue: report the rest as failed.
      for (const { jobId, file } of queue.splice(0)) {
        onMessage({ type: 'results', jobId, fileId: file.fileId, rows: [], failures: [{ fileId: file.fileId, fileName: file.fileName, index: undefined, error }], ms: 0 });
        onMessage({ type: 'file-done', jobId, fileId: file.fileId, cancelled: false });
      }
    }
    pump();
  }

  function handle(slot: Slot, m: WorkerResponse): void {
    switch (m.type) {
      case 'ready':
        readyCount++;
        initMs = Math.max(initMs, m.initMs);
        if (readyCount === slots.length) settle(ok({ backend: m.backend, threads: m.threads, workers: slots.length, initMs }));
        pump();
        return;
      case 'init-failed':
        settle(fail(m.error));
        return;
      case 'detail':
      case 'detail-error': {
        const d = details.get(m.requestId);
        if (!d) return;
        details.delete(m.requestId);
        slot.detailsPending--;
        d.resolve(m.type === 'detail' ? ok(m.detail) : fail(m.error));
        return;
      }
      case 'file-done':
        slot.inFlight.delete(m.fileId);
        onMessage(m);
        pump();
        return;
      case 'opened':
      case 'results':
        onMessage(m);
        return;
    }
  }

  for (let i = 0; i < Math.max(1, size); i++) {
    const slot: Slot = { worker: spawn(), alive: true, inFlight: new Map(), detailsPending: 0 };
    slot.worker.onmessage = (ev) => handle(slot, ev.data);
    slot.worker.onerror = (ev) => failSlot(slot, ev.message ?? 'script error');
    slots.push(slot);
    slot.worker.postMessage({ type: 'init', config });
  }

  return {
    ready,
    submit(jobId, files) {
      for (const file of files) queue.push({ jobId, file });
      pump();
    },
    cancel(jobId) {
      const dropped = queue.filter((t) => t.jobId === jobId);
      queue.splice(0, queue.length, ...queue.filter((t) => t.jobId !== jobId));
      for (const t of dropped) onMessage({ type: 'file-done', jobId, fileId: t.file.fileId, cancelled: true });
      for (const s of slots) if (s.alive) s.worker.postMessage({ type: 'cancel', jobId });
    },
    async detail(fileId, file, fileName, index) {
      const r = await ready;
      if (!r.ok) return r;
      const live = slots.filter((s) => s.alive);
      if (live.length === 0) return fail({ code: 'internal', message: 'no analysis worker is running: reload the page' });
      live.sort((a, b) => a.inFlight.size + a.detailsPending - (b.inFlight.size + b.detailsPending));
      const slot = live[0];
      const requestId = nextRequest++;
      slot.detailsPending++;
      return new Promise((resolve) => {
        details.set(requestId, { slot, resolve });
        slot.worker.postMessage({ type: 'detail', requestId, fileId, file, fileName, index });
      });
    },
    terminate() {
      for (const s of slots) {
        s.alive = false;
        s.worker.terminate();
      }
      for (const d of details.values()) d.resolve(fail({ code: 'internal', message: 'the analysis was restarted' }));
      details.clear();
      queue.length = 0;
      settle(fail({ code: 'internal', message: 'the pool was stopped' }));
    },
  };
}
