/**
 * The message loop of an analysis worker, apart from the worker global so
 * tests can run it in-process: 'init' sets the engine up, 'analyze' runs
 * files one after another, 'detail' answers at once (between batches),
 * 'cancel' marks a job so its files stop after the current batch.
 */
import { fail, type InputError, type Result } from '../core/types.ts';
import type { Engine } from './analysisEngine.ts';
import { internalError, type WorkerConfig, type WorkerRequest, type WorkerResponse } from './protocol.ts';
import { copyForTransfer } from './transfer.ts';

export type Post = (m: WorkerResponse, transfer?: ArrayBuffer[]) => void;

export function createWorkerHost(
  setUp: (config: WorkerConfig) => Promise<Result<Engine>>,
  post: Post,
  now: () => number,
): (m: WorkerRequest) => void {
  let engine: Promise<Result<Engine>> | undefined;
  const cancelled = new Set<number>();
  let fileQueue: Promise<void> = Promise.resolve();
  const notReady: InputError = { code: 'internal', message: 'the worker got work before it was set up: reload the page' };
  const fileFailed = (jobId: number, fileId: number, fileName: string, error: InputError) => {
    post({ type: 'results', jobId, fileId, rows: [], failures: [{ fileId, fileName, index: undefined, error }], ms: 0 });
    post({ type: 'file-done', jobId, fileId, cancelled: false });
  };

  return (m) => {
    switch (m.type) {
      case 'init': {
        const t0 = now();
        const { config } = m;
        engine = setUp(config).catch((e: unknown) => fail(internalError(e, 'setting up the analysis')));
        void engine.then((r) => {
          if (r.ok) post({ type: 'ready', backend: config.backend, threads: config.threads, initMs: now() - t0 });
          else post({ type: 'init-failed', error: r.error });
        });
        return;
      }
      case 'cancel':
        cancelled.add(m.jobId);
        return;
      case 'ping':
        post({ type: 'pong', id: m.id });
        return;
      case 'analyze':
        fileQueue = fileQueue.then(async () => {
          const e = engine ? await engine : fail(notReady);
          if (cancelled.has(m.jobId)) return post({ type: 'file-done', jobId: m.jobId, fileId: m.fileId, cancelled: true });
          if (!e.ok) return fileFailed(m.jobId, m.fileId, m.fileName, e.error);
          try {
            await e.value.analyzeFile(m, (r) => post(r), () => cancelled.has(m.jobId));
          } catch (err) {
            fileFailed(m.jobId, m.fileId, m.fileName, internalError(err, `analysing ${m.fileName}`));
          }
        });
        return;
      case 'detail':
        void (async () => {
          const e = engine ? await engine : fail(notReady);
          if (!e.ok) return post({ type: 'detail-error', requestId: m.requestId, error: e.error });
          const r = await e.value.detail(m);
          if (!r.ok) return post({ type: 'detail-error', requestId: m.requestId, error: r.error });
          const { value, transfer } = copyForTransfer(r.value);
          post({ type: 'detail', requestId: m.requestId, detail: value }, transfer);
        })();
        return;
    }
  };
}
