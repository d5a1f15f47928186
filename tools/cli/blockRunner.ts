/**
 * Where blocks are analysed: in this thread (--jobs 1) or in N worker threads, each with its own
 * networks on one intra-op thread (the workers are the parallelism; one thread per session also
 * keeps the answers the same whatever --jobs is). `inOrder` keeps a bounded window of blocks in
 * flight and gives the answers back in input order.
 */
import { Worker } from 'node:worker_threads';
import type { Analyzer } from '../../src/core/scan/pipeline.ts';
import type { FlagOptions } from '../../src/core/scan/types.ts';
import type { ModelFamily } from '../../src/core/types.ts';
import { loadAnalyzer } from '../lib/nodeModels.ts';
import { analyzeBlock, type Block, type FileResult } from './analyzeBlock.ts';

export interface WorkerSetup {
  families: ModelFamily[];
  flags: FlagOptions;
  curves?: string;
}

export interface BlockRunner {
  run(block: Block): Promise<FileResult[]>;
  close(): Promise<void>;
}

export async function loadBlockAnalyzers(setup: WorkerSetup): Promise<Analyzer[]> {
  const analyzers: Analyzer[] = [];
  for (const f of setup.families) analyzers.push(await loadAnalyzer(f, { flags: setup.flags }, { intraOpNumThreads: 1 }));
  return analyzers;
}

export async function inProcessRunner(setup: WorkerSetup): Promise<BlockRunner> {
  const analyzers = await loadBlockAnalyzers(setup);
  return { run: (block) => analyzeBlock(block, analyzers, { curves: setup.curves }), close: async () => {} };
}

/**
 * The worker: the bundled .mjs beside the built command line, or under tsx (npm run analyze) the
 * .ts source, loaded after registering tsx in the worker (Node 20 runs no --import hooks there).
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './analyzeWorker.ts' : './analyzeWorker.mjs', import.meta.url);
const newWorker = (workerData: WorkerSetup) =>
  FROM_SOURCE
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`, { eval: true, workerData })
    : new Worker(WORKER_URL, { workerData });

interface Slot {
  worker: Worker;
  busy?: { resolve(r: FileResult[]): void; reject(e: Error): void };
}

export async function workerRunner(jobs: number, setup: WorkerSetup): Promise<BlockRunner> {
  const queue: { block: Block; resolve(r: FileResult[]): void; reject(e: Error): void }[] = [];
  const slots: Slot[] = [];
  let closing = false;
  const next = (slot: Slot) => {
    const task = queue.shift();
    if (!task) return;
    slot.busy = task;
    slot.worker.postMessage(task.block);
  };
  const start = (): Promise<Slot> =>
    new Promise((resolve, reject) => {
      const worker = newWorker(setup);
      const slot: Slot = { worker };
      let ready = false;
      worker.on('message', (m: { ready?: boolean; ok?: boolean; results?: FileResult[]; error?: string }) => {
        if (!ready) {
          ready = true;
          if (m.ready) resolve(slot);
          else reject(new Error(`a worker could not load the networks: ${m.error}`));
          return;
        }
        const task = slot.busy;
        slot.busy = undefined;
        if (m.ok) task?.resolve(m.results!);
        else task?.reject(new Error(m.error));
        next(slot);
      });
      const died = (why: string) => {
        const e = new Error(`a worker stopped (${why})`);
        if (!ready) reject(e);
        slot.busy?.reject(e);
        slot.busy = undefined;
      };
      worker.on('error', (e) => died(e.message));
      worker.on('exit', (code) => {
        if (!closing) died(`exit code ${code}`);
      });
    });
  slots.push(...(await Promise.all(Array.from({ length: jobs }, start))));
  return {
    run: (block) =>
      new Promise((resolve, reject) => {
        queue.push({ block, resolve, reject });
        const idle = slots.find((s) => !s.busy);
        if (idle) next(idle);
      }),
    close: async () => {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * --jobs N as this thread and N − 1 worker threads. This thread loads its networks while the workers
 * start, and analyses blocks itself: no thread sits idle waiting for answers to print, and the first
 * block needs no worker to have started (a worker's start-up is a second ONNX Runtime and a JavaScript
 * engine warming up from cold). The blocks go to whichever is free first; the answers stay in input
 * order (inOrder) and equal those of --jobs 1: the same code, one intra-op thread everywhere. This
 * thread yields at every network run (onnxruntime-node runs a session from setImmediate), so the
 * workers' answers are taken in while it analyses.
 */
export function mixedRunner(jobs: number, setup: WorkerSetup): Promise<BlockRunner> {
  // The workers first: they start spawning before this thread is busy loading its own networks.
  const workers = workerRunner(jobs - 1, setup);
  return mixRunners(inProcessRunner(setup), workers, jobs - 1);
}

/**
 * One runner over `here` (one block at a time) and `workers` (`workerSlots` blocks at a time), each
 * used as soon as it has started: a block goes to `here` when it is free, else to a free worker
 * slot, else waits. If the workers cannot start, every block not yet running fails with their error.
 */
export async function mixRunners(here: Promise<BlockRunner>, workers: Promise<BlockRunner>, workerSlots: number): Promise<BlockRunner> {
  const queue: { block: Block; resolve(r: FileResult[]): void; reject(e: Error): void }[] = [];
  let local: BlockRunner | undefined;
  let localBusy = false;
  let pool: BlockRunner | undefined;
  let poolBusy = 0;
  let failed: Error | undefined;
  const pump = () => {
    while (queue.length > 0) {
      if (failed) {
        for (const t of queue.splice(0)) t.reject(failed);
        return;
      }
      let runner: BlockRunner;
      let release: () => void;
      if (local && !localBusy) {
        runner = local;
        localBusy = true;
        release = () => (localBusy = false);
      } else if (pool && poolBusy < workerSlots) {
        runner = pool;
        poolBusy++;
        release = () => poolBusy--;
      } else return;
      const task = queue.shift()!;
      runner.run(task.block).then(
        (r) => {
          release();
          task.resolve(r);
          pump();
        },
        (e: Error) => {
          release();
          task.reject(e);
          pump();
        },
      );
    }
  };
  const poolStarted = workers.then(
    (w) => {
      pool = w;
      pump();
    },
    (e: Error) => {
      failed = e;
      pump();
    },
  );
  try {
    local = await here;
  } catch (e) {
    void poolStarted.then(() => pool?.close());
    throw e;
  }
  pump();
  return {
    run: (block) =>
      new Promise((resolve, reject) => {
        queue.push({ block, resolve, reject });
        pump();
      }),
    close: async () => {
      await poolStarted;
      await Promise.all([local?.close(), pool?.close()]);
    },
  };
}

/** `run` over the items with at most `window` in flight, answers in the items' order. */
export async function* inOrder<T, R>(items: AsyncIterable<T>, run: (t: T) => Promise<R>, window: number): AsyncGenerator<R> {
  const inflight: Promise<R>[] = [];
  for await (const item of items) {
    const p = run(item);
    p.catch(() => {}); // awaited in order below; this keeps an early failure from being "unhandled"
    inflight.push(p);
    if (inflight.length >= window) yield await inflight.shift()!;
  }
  while (inflight.length > 0) yield await inflight.shift()!;
}
