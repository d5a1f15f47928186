/* global WebAssembly */
// onnxruntime-web's Emscripten factory, run on a WebAssembly.Module the page
// compiled once and sent to every worker (src/worker/loadOrt.ts), instead of
// each worker fetching and compiling the 14 MB runtime itself. Served from
// ort/ beside the factory it wraps; __RUNTIME__ is replaced by
// vite/ortRuntime.ts with the factory's file name and version.
import factory from './__RUNTIME__';

export default function compiledFactory(moduleArg = {}) {
  const compiled = globalThis[Symbol.for('gasnet.ortWasmModule')];
  if (!(compiled instanceof WebAssembly.Module)) return factory(moduleArg);
  return new Promise((resolve, reject) => {
    moduleArg.instantiateWasm = (imports, done) => {
      WebAssembly.instantiate(compiled, imports).then((instance) => done(instance, compiled), reject);
      return {};
    };
    factory(moduleArg).then(resolve, reject);
  });
}
