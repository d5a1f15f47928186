/**
 * Which onnxruntime-web execution provider to use (STACK.md §2, §6).
 *
 * - WebGPU when the browser gives an adapter that is real hardware. A software
 *   adapter (SwiftShader, or one flagged `isFallbackAdapter`) is ~130× slower
 *   than WASM, so it is used only when the user forces WebGPU.
 * - Otherwise WASM, with threads when the page is cross-origin isolated
 *   (SharedArrayBuffer exists), else one thread.
 */

/** What the user picked in the header. */
export type BackendChoice = 'auto' | 'webgpu' | 'wasm';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'wasm'];

/** The execution provider a worker actually runs. */
export type Backend = 'webgpu' | 'wasm';

/** What the browser offers, as found by `probeBackend`. */
export interface BackendProbe {
  /** 'none' when there is no navigator.gpu or requestAdapter() gives null. */
  gpu: 'none' | 'hardware' | 'software';
  /** Adapter vendor/architecture for people, e.g. 'google / swiftshader'. */
  gpuLabel?: string;
  crossOriginIsolated: boolean;
  /** navigator.hardwareConcurrency (at least 1). */
  cores: number;
}

/** A resolved plan: the backend, the worker count and the threads per worker. */
export interface BackendPlan {
  backend: Backend;
  workers: number;
  /** ORT WASM threads per worker (1 unless cross-origin isolated). */
  threads: number;
  /** One line for people: why this backend. */
  reason: string;
}

/** Most analysis workers the pool starts. */
export const MAX_WORKERS = 4;

/** Pure: the plan for a probe and a user choice. */
export function planBackend(choice: BackendChoice, probe: BackendProbe): BackendPlan {
  const cores = Math.max(1, Math.floor(probe.cores) || 1);
  const workers = Math.max(1, Math.min(cores, MAX_WORKERS));
  const threads = probe.crossOriginIsolated ? Math.max(1, Math.floor(cores / workers)) : 1;
  const wasm = (reason: string): BackendPlan => ({ backend: 'wasm', workers, threads, reason });
  if (choice === 'wasm') return wasm('WASM chosen by the user');
  if (choice === 'webgpu') {
    if (probe.gpu === 'none') return wasm('WebGPU requested but no adapter is available: using WASM');
    return {
      backend: 'webgpu',
      workers,
      threads: 1,
      reason: probe.gpu === 'software' ? 'WebGPU forced on a software adapter (slow)' : 'WebGPU chosen by the user',
    };
  }
  if (probe.gpu === 'hardware') return { backend: 'webgpu', workers, threads: 1, reason: 'hardware WebGPU adapter' };
  if (probe.gpu === 'software') return wasm('only a software WebGPU adapter: WASM is faster');
  return wasm(probe.crossOriginIsolated ? 'no WebGPU adapter' : 'no WebGPU adapter; page not cross-origin isolated');
}
