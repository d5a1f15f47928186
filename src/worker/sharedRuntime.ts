/**
 * Page side of the shared runtime (loadOrt.ts): fetch and compile
 * onnxruntime-web's 14 MB WASM once, however many workers there are and
 * however often the pool restarts, and hold each worker's 'init' until the
 * compiled WebAssembly.Module can go with it (a Module is structured-cloned
 * to a worker without copying or recompiling its code). If compiling fails
 * (an old browser, a server sending the wrong MIME type) the workers get no
 * module and load the runtime themselves, as before.
 */
import type { Backend } from '../platform/backend.ts';
import { ortRuntimeUrl } from './loadOrt.ts';
import type { WorkerLike } from './pool.ts';
import type { WorkerRequest } from './protocol.ts';

const compiling = new Map<string, Promise<WebAssembly.Module | undefined>>();

/** The WASM backend's runtime, compiled once per URL (streaming: compiled while it downloads). */
export function compiledOrtRuntime(baseUrl: string, backend: Backend): Promise<WebAssembly.Module | undefined> {
  if (backend !== 'wasm') return Promise.resolve(undefined);
  const url = ortRuntimeUrl(baseUrl, backend, 'wasm');
  let module = compiling.get(url);
  if (module === undefined) {
    module = WebAssembly.compileStreaming(fetch(url)).catch(() => undefined);
    compiling.set(url, module);
  }
  return module;
}

/** `worker`, with its 'init' sent once `compiled` settles (carrying the module) and later messages kept in order behind it. */
export function withSharedRuntime(worker: WorkerLike, compiled: Promise<WebAssembly.Module | undefined>): WorkerLike {
  let held: WorkerRequest[] | undefined;
  return {
    postMessage(m: WorkerRequest) {
      if (m.type === 'init') {
        held = [];
        void compiled.then((module) => {
          worker.postMessage(module ? { ...m, config: { ...m.config, ortWasm: module } } : m);
          const later = held ?? [];
          held = undefined;
          for (const next of later) worker.postMessage(next);
        });
      } else if (held) {
        held.push(m);
      } else {
        worker.postMessage(m);
      }
    },
    terminate: () => worker.terminate(),
    get onmessage() {
      return worker.onmessage;
    },
    set onmessage(h) {
      worker.onmessage = h;
    },
    get onerror() {
      return worker.onerror;
    },
    set onerror(h) {
      worker.onerror = h;
    },
  };
}
