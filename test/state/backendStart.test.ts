/** Starting the workers: the plan for a software GPU is WASM, recorded 'starting', then 'ready' from the real (in-process) workers. */
import { describe, expect, it } from 'vitest';
import type { BackendPlan, BackendProbe } from '../../src/platform/backend.ts';
import { planOverrideFrom, recordReady, startPool } from '../../src/state/backendStart.ts';
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

  it('takes workers × threads from the page address for measuring; threads only when cross-origin isolated', async () => {
    expect(planOverrideFrom('?workers=1&threads=2')).toEqual({ workers: 1, threads: 2 });
    expect(planOverrideFrom('?workers=0&threads=two')).toEqual({});
    const store = createAppStore();
    const plans: BackendPlan[] = [];
    const deps = (crossOriginIsolated: boolean) => ({
      probe: async () => ({ ...PROBE, crossOriginIsolated }),
      planOverride: { workers: 1, threads: 2 },
      createPool: (plan: BackendPlan, onMessage: (m: PoolMessage) => void) => (
        plans.push(plan), createWorkerPool(plan.workers, { backend: plan.backend, threads: plan.threads, baseUrl: 'http://localhost/', family: 'encoder', batchSize: 8 }, fakeWorker, onMessage)
      ),
    });
    const isolated = await startPool(store, deps(true), 'wasm', 'encoder', () => undefined);
    expect(plans[0]).toMatchObject({ backend: 'wasm', workers: 1, threads: 2 });
    isolated.terminate();
    const plain = await startPool(createAppStore(), deps(false), 'wasm', 'encoder', () => undefined);
    expect(plans[1]).toMatchObject({ backend: 'wasm', workers: 1, threads: 1 });
    plain.terminate();
  });
});
