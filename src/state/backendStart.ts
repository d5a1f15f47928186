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
  /** Workers and WASM threads per worker forced for measuring (the page's ?workers=&threads=); optional. */
  planOverride?: PlanOverride;
}

export interface PlanOverride {
  workers?: number;
  threads?: number;
}

/** `?workers=N&threads=M` of a page URL (positive integers; anything else is ignored). */
export function planOverrideFrom(search: string): PlanOverride {
  const q = new URLSearchParams(search);
  const n = (k: string) => {
    const v = Number(q.get(k));
    return Number.isInteger(v) && v > 0 && v <= 64 ? v : undefined;
  };
  const out: PlanOverride = {};
  const workers = n('workers');
  const threads = n('threads');
  if (workers !== undefined) out.workers = workers;
  if (threads !== undefined) out.threads = threads;
  return out;
}

/** The plan with the override applied; threads need cross-origin isolation (SharedArrayBuffer), so stay 1 without it. */
function overridden(plan: BackendPlan, o: PlanOverride | undefined, isolated: boolean): BackendPlan {
  if (!o || (o.workers === undefined && o.threads === undefined)) return plan;
  const workers = o.workers ?? plan.workers;
  const threads = isolated && plan.backend === 'wasm' ? (o.threads ?? plan.threads) : plan.threads;
  return { ...plan, workers, threads, reason: `${plan.reason} (${workers} workers × ${threads} threads set by the page address)` };
}

/** A new pool for `choice`, its plan recorded as 'starting'. */
export async function startPool(store: AppStore, deps: BackendStartDeps, choice: BackendChoice, family: ModelFamily, onMessage: (m: PoolMessage) => void): Promise<WorkerPool> {
  const s = store.getState();
  const probe = s.backend.probe ?? (await deps.probe());
  const plan = overridden(planBackend(choice, probe), deps.planOverride, probe.crossOriginIsolated);
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
