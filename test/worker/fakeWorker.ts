/**
 * An in-process stand-in for a Web Worker: runs the real worker host (and
 * engine) and passes every message through structuredClone with its
 * transfer list, asynchronously, as postMessage does — so anything that
 * could not cross a real worker boundary fails here too.
 */
import { createEngine } from '../../src/worker/analysisEngine.ts';
import type { WorkerLike } from '../../src/worker/pool.ts';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol.ts';
import { createWorkerHost } from '../../src/worker/workerHost.ts';
import { blobSource } from '../../src/core/fits/index.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import { ok } from '../../src/core/types.ts';
import { performance } from 'node:perf_hooks';
import { nodeAnalyzerFor, sharedAnalyzer } from './nodeEngine.ts';

export interface FakeWorker extends WorkerLike {
  /** Requests received, in order. */
  received: WorkerRequest[];
  terminated: boolean;
  /** Simulate the worker dying (script error). */
  crash(message: string): void;
}

export function fakeWorker(): FakeWorker {
  const w: FakeWorker = {
    received: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(m: WorkerRequest) {
      if (w.terminated) return;
      w.received.push(m);
      const copy = structuredClone(m);
      setTimeout(() => !w.terminated && host(copy), 0);
    },
    terminate() {
      w.terminated = true;
    },
    crash(message) {
      w.terminated = true;
      w.onerror?.({ message });
    },
  };
  const host = createWorkerHost(
    async (config) => {
      await sharedAnalyzer(config.family);
      return ok(
        createEngine({
          openFile: (file, name) => openSpectra(blobSource(file, name)),
          analyzerFor: nodeAnalyzerFor,
          batchSize: config.batchSize,
          now: () => performance.now(),
        }),
      );
    },
    (m: WorkerResponse, transfer?: ArrayBuffer[]) => {
      const copy = structuredClone(m, { transfer });
      setTimeout(() => !w.terminated && w.onmessage?.({ data: copy }), 0);
    },
    () => performance.now(),
  );
  return w;
}
