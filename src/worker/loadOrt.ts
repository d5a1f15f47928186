/**
 * Load onnxruntime-web for a backend, in the worker. Only the runtime that
 * will be used is fetched: the WASM entry (ort.wasm.min.mjs → the 14 MB
 * plain .wasm) or the WebGPU entry (ort.webgpu.min.mjs → the 27 MB asyncify
 * .wasm, STACK.md §6). Both are the "extern-wasm" builds (vite.config.ts
 * resolves that condition), so their .mjs/.wasm come from `{base}ort/`,
 * served once, and never as hashed duplicates.
 */
import type { OrtModule } from '../core/inference/session.ts';
import type { Backend } from '../platform/backend.ts';

/** The runtime files each backend loads, relative to `{base}ort/`. */
export const ORT_RUNTIME_FILES: Record<Backend, { mjs: string; wasm: string }> = {
  wasm: { mjs: 'ort-wasm-simd-threaded.mjs', wasm: 'ort-wasm-simd-threaded.wasm' },
  webgpu: { mjs: 'ort-wasm-simd-threaded.asyncify.mjs', wasm: 'ort-wasm-simd-threaded.asyncify.wasm' },
};

interface OrtEnv {
  env: { wasm: { numThreads?: number; wasmPaths?: string | { mjs?: string; wasm?: string }; proxy?: boolean }; logLevel?: string };
}

export async function loadOrt(backend: Backend, threads: number, baseUrl: string): Promise<OrtModule> {
  const ort = (backend === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm')) as unknown as OrtModule & OrtEnv;
  const files = ORT_RUNTIME_FILES[backend];
  const dir = new URL('ort/', baseUrl).href;
  ort.env.wasm.wasmPaths = { mjs: dir + files.mjs, wasm: dir + files.wasm };
  ort.env.wasm.numThreads = Math.max(1, threads);
  ort.env.wasm.proxy = false; // we already are in a worker
  ort.env.logLevel = 'error';
  return ort;
}

/** The executionProviders list for a backend (one EP each: no silent fallback). */
export function executionProviders(backend: Backend): string[] {
  return backend === 'webgpu' ? ['webgpu'] : ['wasm'];
}
