/**
 * Choosing the backend and starting the workers for it: probe the browser
 * (once), plan the backend for the user's choice, record the plan, start a
 * pool that opens the shown family's models first, and record in the store
 * what the workers report once set up.
 */
import type { ModelFamily } from '../core/types.ts';
import { planBackend, type BackendChoice, type BackendPlan, type BackendProbe } from '../platform/backend.ts';
import type { PoolMessage, WorkerPool } from '../worker/pool.ts';
import type { AppStore } from './store.ts';

export interface BackendStartDeps {
  probe(): Promise<BackendProbe>;
  createPool(plan: BackendPlan, onMessage: (m: PoolMessage) => void, family: ModelFamily): WorkerPool;
}

/** A new pool for `choice`, its plan recorded as 'starting'. */
export async function startPool(store: AppStore, deps: BackendStartDeps, choice: BackendChoice, family: ModelFamily, onMessage: (m: PoolMessage) => void): Promise<WorkerPool> {
  const s = store.getState();
  const probe = s.backend.probe ?? (await deps.probe());
  const plan = planBackend(choice, probe);
  s.setBackend({ choice, probe, plan, status: 'starting', active: undefined, error: undefined });
  s.resetTiming();
  return deps.createPool(plan, onMessage, family);
}

/** Record the pool's set-up ('ready' or the error), unless it was replaced meanwhile. */
export async function recordReady(store: AppStore, pool: WorkerPool, stillCurrent: () => boolean): Promise<void> {
  const r = await pool.ready;
  if (!stillCurrent()) return;
  if (r.ok) store.getState().setBackend({ status: 'ready', active: r.value });
  else store.getState().setBackend({ status: 'error', error: `${r.error.code}: ${r.error.message}` });
}
