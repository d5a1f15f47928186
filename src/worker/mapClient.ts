/** Page side of the map worker: one worker, requests answered by promise, the newest request of a kind wins. */
import type { CodedResult } from '../core/anomaly/batchOutliers.ts';
import type { SpectralClass } from '../core/types.ts';
import type { MapRequest, MapResponse } from './mapProtocol.ts';

export interface MapWorkerLike {
  postMessage(m: MapRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((ev: { data: MapResponse }) => void) | null;
  onerror: ((ev: { message?: string }) => void) | null;
}

export interface MapClient {
  outliers(rows: CodedResult[]): Promise<{ scores: (number | undefined)[]; flagged: boolean[] }>;
  embed(space: SpectralClass, codes: Float64Array, n: number, d: number, onProgress: (done: number, total: number) => void): Promise<Float32Array>;
  dispose(): void;
}

interface Pending {
  resolve(m: MapResponse): void;
  reject(e: Error): void;
  onProgress?: (done: number, total: number) => void;
}

export function createMapClient(spawn: () => MapWorkerLike): MapClient {
  let worker: MapWorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const get = (): MapWorkerLike => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      if (!p) return;
      if (data.type === 'progress') return p.onProgress?.(data.done, data.total);
      pending.delete(data.id);
      if (data.type === 'error') p.reject(new Error(data.message));
      else p.resolve(data);
    };
    w.onerror = (ev) => {
      // The worker died: every open request fails with the reason; the next request starts a new one.
      for (const p of pending.values()) p.reject(new Error(`the map worker stopped: ${ev.message ?? 'unknown error'}`));
      pending.clear();
      w.terminate();
      worker = undefined;
    };
    worker = w;
    return w;
  };
  const request = (m: MapRequest, transfer: Transferable[] = [], onProgress?: Pending['onProgress']) =>
    new Promise<MapResponse>((resolve, reject) => {
      pending.set(m.id, { resolve, reject, onProgress });
      get().postMessage(m, transfer);
    });
  return {
    async outliers(rows) {
      const r = await request({ type: 'outliers', id: nextId++, rows });
      if (r.type !== 'outliers') throw new Error('unexpected answer from the map worker');
      return { scores: r.scores, flagged: r.flagged };
    },
    async embed(space, codes, n, d, onProgress) {
      const r = await request({ type: 'embed', id: nextId++, space, codes, n, d }, [codes.buffer], onProgress);
      if (r.type !== 'embedding') throw new Error('unexpected answer from the map worker');
      return r.xy;
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      for (const p of pending.values()) p.reject(new Error('the map worker was stopped'));
      pending.clear();
    },
  };
}

/** The browser's map worker. */
export function spawnMapWorker(): MapWorkerLike {
  return new Worker(new URL('./mapWorker.ts', import.meta.url), { type: 'module', name: 'gasnet-map' }) as unknown as MapWorkerLike;
}
