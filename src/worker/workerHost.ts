/**
 * The message loop of an analysis worker, apart from the worker global so
 * tests can run it in-process: 'init' sets the engine up, 'analyze' queues
 * a file with the engine (whose batches span every queued file), 'detail'
 * answers at once (between batches), 'cancel' marks a job so its files stop
 * after the current batch. Analysis traffic emitted together (a batch's
 * results and file-dones) is posted as one 'many' message.
 */
import { fail, type InputError, type Result } from '../core/types.ts';
import type { Engine } from './analysisEngine.ts';
import { internalError, type WorkerConfig, type WorkerRequest, type WorkerResponse } from './protocol.ts';
import { copyForTransfer } from './transfer.ts';

export type Post = (m: WorkerResponse, transfer?: ArrayBuffer[]) => void;

/** The compiled runtime the page sends (in the config, or in a 'runtime' message after it). */
export type RuntimeModule = () => Promise<WebAssembly.Module | undefined>;

export function createWorkerHost(
  setUp: (config: WorkerConfig, runtime: RuntimeModule) => Promise<Result<Engine>>,
  post: Post,
  now: () => number,
): (m: WorkerRequest) => void {
  let engine: Promise<Result<Engine>> | undefined;
  let receiveRuntime: (m: WebAssembly.Module | undefined) => void = () => {};
  const cancelled = new Set<number>();
  let outbox: WorkerResponse[] = [];
  const sendOutbox = () => {
    const messages = outbox;
    outbox = [];
    post(messages.length === 1 ? messages[0] : { type: 'many', messages });
  };
  /** Queued and posted after the current synchronous run: a batch emits all its messages in one go. */
  const emit = (r: WorkerResponse) => {
    if (outbox.push(r) === 1) queueMicrotask(sendOutbox);
  };
  const notReady: InputError = { code: 'internal', message: 'the worker got work before it was set up: reload the page' };
  const fileFailed = (jobId: number, fileId: number, fileName: string, error: InputError, start: { start?: number }) => {
    emit({ type: 'results', jobId, fileId, rows: [], failures: [{ fileId, fileName, index: undefined, error }], ms: 0, ...start });
    emit({ type: 'file-done', jobId, fileId, cancelled: false, ...start });
  };

  return (m) => {
    switch (m.type) {
      case 'init': {
        const t0 = now();
        const { config } = m;
        const runtime = config.ortWasmFollows
          ? new Promise<WebAssembly.Module | undefined>((resolve) => (receiveRuntime = resolve))
          : Promise.resolve(config.ortWasm);
        engine = setUp(config, () => runtime).catch((e: unknown) => fail(internalError(e, 'setting up the analysis')));
        void engine.then((r) => {
          if (r.ok) post({ type: 'ready', backend: config.backend, threads: config.threads, initMs: now() - t0 });
          else post({ type: 'init-failed', error: r.error });
        });
        return;
      }
      case 'runtime':
        receiveRuntime(m.ortWasm);
        return;
      case 'cancel':
        cancelled.add(m.jobId);
        return;
      case 'ping':
        post({ type: 'pong', id: m.id });
        return;
      case 'analyze':
        void (async () => {
          const e = engine ? await engine : fail(notReady);
          const start = m.range ? { start: m.range.start } : {};
          if (cancelled.has(m.jobId)) return emit({ type: 'file-done', jobId: m.jobId, fileId: m.fileId, cancelled: true, ...start });
          if (!e.ok) return fileFailed(m.jobId, m.fileId, m.fileName, e.error, start);
          try {
            await e.value.analyzeFile(m, emit, () => cancelled.has(m.jobId));
          } catch (err) {
            fileFailed(m.jobId, m.fileId, m.fileName, internalError(err, `analysing ${m.fileName}`), start);
          }
        })();
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
