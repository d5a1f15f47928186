/**
 * Vite plugin serving onnxruntime-web's runtime files from /ort/ (dev) and
 * emitting them into the build, once, unhashed.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { ISOLATION_HEADERS } from './isolation.ts';

/** Folder (under the base URL) that serves onnxruntime-web's runtime files. */
const ORT_DIR = 'ort';
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

export function ortRuntime(): Plugin {
  return {
    name: 'gasnet:ort-runtime',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        const prefix = `${server.config.base}${ORT_DIR}/`;
        if (!path.startsWith(prefix)) return next();
        const name = path.slice(prefix.length);
        if (!ORT_FILES.includes(name)) {
          res.statusCode = 404;
          res.end('not an onnxruntime-web runtime file');
          return;
        }
        res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
        for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
        createReadStream(ORT_DIST + name).pipe(res);
      });
    },
    generateBundle() {
      for (const name of ORT_FILES) {
        this.emitFile({ type: 'asset', fileName: `${ORT_DIR}/${name}`, source: readFileSync(ORT_DIST + name) });
      }
    },
  };
}

if (!ORT_FILES.every((f) => existsSync(ORT_DIST + f))) {
  throw new Error(`onnxruntime-web runtime files missing under ${ORT_DIST}: run npm ci`);
}
