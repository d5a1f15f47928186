/** Browser side: start the analysis workers for a backend plan. */
import type { ModelFamily } from '../core/types.ts';
import type { BackendPlan } from '../platform/backend.ts';
import { createWorkerPool, type PoolMessage, type WorkerLike, type WorkerPool } from './pool.ts';
import { compiledOrtRuntime, withSharedRuntime } from './sharedRuntime.ts';

/** Spectra per network batch: large enough to amortise a session run, small enough for smooth progress. */
export const BATCH_SIZE = 32;

export function spawnAnalysisPool(plan: BackendPlan, onMessage: (m: PoolMessage) => void, family: ModelFamily = 'encoder'): WorkerPool {
  const baseUrl = new URL(import.meta.env.BASE_URL, location.href).href;
  const runtime = compiledOrtRuntime(baseUrl, plan.backend);
  const spawn = (): WorkerLike =>
    withSharedRuntime(new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module', name: 'gasnet-analysis' }) as unknown as WorkerLike, runtime);
  return createWorkerPool(plan.workers, { backend: plan.backend, threads: plan.threads, baseUrl, family, batchSize: BATCH_SIZE }, spawn, onMessage);
}
