/** Starting the workers: the plan for a software GPU is WASM, recorded 'starting', then 'ready' from the real (in-process) workers. */
import { describe, expect, it } from 'vitest';
import type { BackendPlan, BackendProbe } from '../../src/platform/backend.ts';
import { recordReady, startPool } from '../../src/state/backendStart.ts';
import { createAppStore } from '../../src/state/store.ts';
import { createWorkerPool, type PoolMessage } from '../../src/worker/pool.ts';
import { fakeWorker } from '../worker/fakeWorker.ts';

const PROBE: BackendProbe = { gpu: 'software', gpuLabel: 'google / swiftshader', crossOriginIsolated: false, cores: 2 };

describe('backend start', () => {
  it('probes once, plans, records starting, then what the workers report', async () => {
    const store = createAppStore();
    let probes = 0;
    const deps = {
      probe: async () => (probes++, PROBE),
      createPool: (plan: BackendPlan, onMessage: (m: PoolMessage) => void) =>
        createWorkerPool(plan.workers, { backend: plan.backend, threads: plan.threads, baseUrl: 'http://localhost/', family: 'encoder', batchSize: 8 }, fakeWorker, onMessage),
    };
    const pool = await startPool(store, deps, 'auto', 'encoder', () => undefined);
    expect(store.getState().backend).toMatchObject({ status: 'starting', plan: { backend: 'wasm', workers: 2 } });
    await recordReady(store, pool, () => true);
    expect(store.getState().backend).toMatchObject({ status: 'ready', active: { backend: 'wasm', workers: 2 } });
    // A second start reuses the probe; a replaced pool's readiness is not recorded.
    const again = await startPool(store, deps, 'wasm', 'encoder', () => undefined);
    await recordReady(store, again, () => false);
    expect(store.getState().backend.status).toBe('starting');
    expect(probes).toBe(1);
    pool.terminate();
    again.terminate();
  });
});
