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
