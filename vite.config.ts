import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './tools/csp.ts';
import { modelCacheHeaders } from './tools/modelCacheHeaders.ts';
import { previewRequestLog } from './tools/previewRequestLog.ts';

// Cross-origin isolation gives SharedArrayBuffer, so onnxruntime-web can use
// WASM threads. Static hosts must send the same two headers (see README).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Folder (under the base URL) that serves onnxruntime-web's runtime files. */
const ORT_DIR = 'ort';
const ORT_DIST = fileURLToPath(new URL('./node_modules/onnxruntime-web/dist/', import.meta.url));
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

function ortRuntime(): Plugin {
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
        for (const [k, v] of Object.entries(isolation)) res.setHeader(k, v);
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

/**
 * Cache-Control for models/: a year, immutable, for `<file>.onnx?v=<sha256
 * prefix>` requests whose prefix matches the file served; revalidate
 * everything else (tools/modelCacheHeaders.ts, docs/models-in-the-app.md).
 */
function modelHeaders(): Plugin {
  let outDir = 'dist';
  let publicDir = 'public';
  return {
    name: 'gasnet:model-cache-headers',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    configureServer(server) {
      server.middlewares.use(modelCacheHeaders(resolve(publicDir, 'models'), `${server.config.base}models/`));
    },
    configurePreviewServer(server) {
      server.middlewares.use(modelCacheHeaders(resolve(outDir, 'models'), `${server.config.base}models/`));
    },
  };
}

if (!ORT_FILES.every((f) => existsSync(ORT_DIST + f))) {
  throw new Error(`onnxruntime-web runtime files missing under ${ORT_DIST}: run npm ci`);
}

export default defineConfig({
  plugins: [previewRequestLog(), react(), ortRuntime(), modelHeaders(), contentSecurityPolicy()],
  // No SPA fallback: a request for a missing .wasm/.onnx must be a 404, never
  // index.html ("expected magic word 00 61 73 6d, found 3c 21 44 4f").
  appType: 'mpa',
  resolve: {
    // onnxruntime-web entry points that load their .mjs/.wasm from wasmPaths.
    conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions],
  },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 6000 },
});
