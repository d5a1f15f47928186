import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './vite/csp.ts';
import { ISOLATION_HEADERS } from './vite/isolation.ts';
import { modelHeaders } from './vite/modelHeaders.ts';
import { noPlotlyServers } from './vite/noPlotlyServers.ts';
import { ortRuntime } from './vite/ortRuntime.ts';
import { precompress } from './vite/precompress.ts';
import { previewStatic } from './vite/previewStatic.ts';
import { serviceWorker } from './vite/serviceWorker.ts';
import { previewRequestLog } from './vite/previewRequestLog.ts';

// The app's own plugins live in vite/, one per file.
export default defineConfig({
  plugins: [previewRequestLog(), react(), ortRuntime(), modelHeaders(), contentSecurityPolicy(), noPlotlyServers(), previewStatic(), serviceWorker(), precompress()],
  // No SPA fallback: a request for a missing .wasm/.onnx must be a 404, never
  // index.html ("expected magic word 00 61 73 6d, found 3c 21 44 4f").
  appType: 'mpa',
  resolve: {
    // onnxruntime-web entry points that load their .mjs/.wasm from wasmPaths.
    conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions],
  },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 6000 },
});
