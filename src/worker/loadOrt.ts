/**
 * Load onnxruntime-web for a backend, in the worker. Only the runtime that
 * will be used is fetched: the WASM entry (ort.wasm.min.mjs → the 14 MB
 * plain .wasm) or the WebGPU entry (ort.webgpu.min.mjs → the 27 MB asyncify
 * .wasm, STACK.md §6). Both are the "extern-wasm" builds (vite.config.ts
 * resolves that condition), so their .mjs/.wasm come from `{base}ort/`,
 * served once, and never as hashed duplicates. Their URLs carry the
 * runtime's version (`?v=`, vite/ortRuntime.ts) so that they name one content.
 *
 * With the WASM backend the page compiles the runtime once and sends the
 * WebAssembly.Module to every worker (sharedRuntime.ts): ORT then loads
 * a small wrapper of its factory that instantiates that module instead of
 * fetching and compiling the .wasm again.
 */
import type { OrtModule } from '../core/inference/session.ts';
import type { Backend } from '../platform/backend.ts';

/** The runtime files each backend loads, relative to `{base}ort/`. */
export const ORT_RUNTIME_FILES: Record<Backend, { mjs: string; wasm: string }> = {
  wasm: { mjs: 'ort-wasm-simd-threaded.mjs', wasm: 'ort-wasm-simd-threaded.wasm' },
  webgpu: { mjs: 'ort-wasm-simd-threaded.asyncify.mjs', wasm: 'ort-wasm-simd-threaded.asyncify.wasm' },
};
/** The WASM factory's wrapper that takes a compiled module (vite/ortRuntime.ts). */
const COMPILED_FACTORY = 'ort-wasm-simd-threaded.compiled.mjs';
/** Where the wrapper finds the module (a global: ORT imports the wrapper by URL, with no way to pass it). */
const COMPILED_MODULE_KEY = Symbol.for('gasnet.ortWasmModule');

/** The runtime files' version given by the build (vite/ortRuntime.ts); 'dev' where no build defined it. */
function runtimeVersion(): string {
  const v = (import.meta.env as Record<string, unknown> | undefined)?.VITE_ORT_RUNTIME_VERSION;
  return typeof v === 'string' ? v : 'dev';
}

/** URL of a runtime file of `backend` ('mjs' or 'wasm'), with the version that makes it content-addressed. */
export function ortRuntimeUrl(baseUrl: string, backend: Backend, kind: 'mjs' | 'wasm'): string {
  return `${new URL('ort/', baseUrl).href}${ORT_RUNTIME_FILES[backend][kind]}?v=${runtimeVersion()}`;
}

interface OrtEnv {
  env: { wasm: { numThreads?: number; wasmPaths?: string | { mjs?: string; wasm?: string }; proxy?: boolean }; logLevel?: string };
}

export async function loadOrt(backend: Backend, threads: number, baseUrl: string, compiled?: WebAssembly.Module): Promise<OrtModule> {
  const ort = (backend === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm')) as unknown as OrtModule & OrtEnv;
  let mjs = ortRuntimeUrl(baseUrl, backend, 'mjs');
  if (compiled !== undefined && backend === 'wasm') {
    (globalThis as Record<symbol, unknown>)[COMPILED_MODULE_KEY] = compiled;
    mjs = `${new URL('ort/', baseUrl).href}${COMPILED_FACTORY}?v=${runtimeVersion()}`;
  }
  ort.env.wasm.wasmPaths = { mjs, wasm: ortRuntimeUrl(baseUrl, backend, 'wasm') };
  ort.env.wasm.numThreads = Math.max(1, threads);
  ort.env.wasm.proxy = false; // we already are in a worker
  ort.env.logLevel = 'error';
  return ort;
}

/** The executionProviders list for a backend (one EP each: no silent fallback). */
export function executionProviders(backend: Backend): string[] {
  return backend === 'webgpu' ? ['webgpu'] : ['wasm'];
}
