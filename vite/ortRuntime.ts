/**
 * Vite plugin serving onnxruntime-web's runtime files from /ort/ (dev) and
 * emitting them into the build, once, unhashed, plus the small factory
 * wrapper that lets the workers share one compiled module
 * (vite/ortCompiledFactory.mjs). The runtime's version — the start of the
 * sha256 of its files — is given to the app as
 * import.meta.env.VITE_ORT_RUNTIME_VERSION: the app asks for
 * `ort/<file>?v=<version>`, a URL that names one content, which the preview
 * server (vite/previewStatic.ts) and the service worker may keep for good.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { ISOLATION_HEADERS } from './isolation.ts';

/** Folder (under the base URL) that serves onnxruntime-web's runtime files. */
export const ORT_DIR = 'ort';
const ORT_DIST = fileURLToPath(new URL('../node_modules/onnxruntime-web/dist/', import.meta.url));
/**
 * The only runtime files the app loads (STACK.md §2, §6): the WASM EP pair,
 * and the asyncify pair that `ort.webgpu.min.mjs` loads. They are served
 * once, from /ort/, and named in `env.wasm.wasmPaths` (src/worker/loadOrt.ts);
 * the extern-wasm entry points never reference them through
 * `new URL(…, import.meta.url)`, so the bundler emits no hashed duplicates.
 */
const ORT_FILES = [
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
  'ort-wasm-simd-threaded.asyncify.mjs',
  'ort-wasm-simd-threaded.asyncify.wasm',
];
/** The wrapper of the WASM EP's factory that takes a compiled module (src/worker/loadOrt.ts names it too). */
const COMPILED_FACTORY = 'ort-wasm-simd-threaded.compiled.mjs';
const VERSION_HEX = 16;

let version: string | undefined;
/** First hex digits of the sha256 of the runtime files: changes whenever any of them does. */
export function ortRuntimeVersion(): string {
  if (version === undefined) {
    const hash = createHash('sha256');
    for (const name of ORT_FILES) hash.update(readFileSync(ORT_DIST + name));
    hash.update(readFileSync(new URL('./ortCompiledFactory.mjs', import.meta.url)));
    version = hash.digest('hex').slice(0, VERSION_HEX);
  }
  return version;
}

function compiledFactorySource(): string {
  const source = readFileSync(new URL('./ortCompiledFactory.mjs', import.meta.url), 'utf8');
  return source.replace("'./__RUNTIME__'", `'./ort-wasm-simd-threaded.mjs?v=${ortRuntimeVersion()}'`);
}

export function ortRuntime(): Plugin {
  return {
    name: 'gasnet:ort-runtime',
    config() {
      return { define: { 'import.meta.env.VITE_ORT_RUNTIME_VERSION': JSON.stringify(ortRuntimeVersion()) } };
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        const prefix = `${server.config.base}${ORT_DIR}/`;
        if (!path.startsWith(prefix)) return next();
        const name = path.slice(prefix.length);
        if (!ORT_FILES.includes(name) && name !== COMPILED_FACTORY) {
          res.statusCode = 404;
          res.end('not an onnxruntime-web runtime file');
          return;
        }
        res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
        for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
        if (name === COMPILED_FACTORY) res.end(compiledFactorySource());
        else createReadStream(ORT_DIST + name).pipe(res);
      });
    },
    generateBundle() {
      for (const name of ORT_FILES) {
        this.emitFile({ type: 'asset', fileName: `${ORT_DIR}/${name}`, source: readFileSync(ORT_DIST + name) });
      }
      this.emitFile({ type: 'asset', fileName: `${ORT_DIR}/${COMPILED_FACTORY}`, source: compiledFactorySource() });
    },
  };
}

if (!ORT_FILES.every((f) => existsSync(ORT_DIST + f))) {
  throw new Error(`onnxruntime-web runtime files missing under ${ORT_DIST}: run npm ci`);
}
