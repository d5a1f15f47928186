/**
 * Page side of the shared runtime (loadOrt.ts): fetch and compile
 * onnxruntime-web's 14 MB WASM once, however many workers there are and
 * however often the pool restarts, and send each worker the compiled
 * WebAssembly.Module once it is ready (a Module is structured-cloned to a
 * worker without copying or recompiling its code). If compiling fails (an old
 * browser, a server sending the wrong MIME type) the workers get no module and
 * load the runtime themselves.
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

/**
 * `worker`, whose 'init' goes at once saying the runtime follows, and the compiled module (or
 * nothing, if compiling failed) in a 'runtime' message once `compiled` settles: the worker sets up
 * what needs no runtime meanwhile (a Module is structured-cloned without copying its code).
 */
export function withSharedRuntime(worker: WorkerLike, compiled: Promise<WebAssembly.Module | undefined>): WorkerLike {
  return {
    postMessage(m: WorkerRequest) {
      if (m.type === 'init') {
        worker.postMessage({ ...m, config: { ...m.config, ortWasmFollows: true } });
        void compiled.then((ortWasm) => worker.postMessage(ortWasm ? { type: 'runtime', ortWasm } : { type: 'runtime' }));
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
