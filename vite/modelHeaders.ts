/** Vite plugin: the model files' Cache-Control in the dev and preview servers. */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { modelCacheHeaders } from './modelCacheHeaders.ts';

/**
 * Cache-Control for models/: a year, immutable, for `<file>.onnx?v=<sha256
 * prefix>` requests whose prefix matches the file served; revalidate
 * everything else (tools/modelCacheHeaders.ts, docs/models-in-the-app.md).
 */
export function modelHeaders(): Plugin {
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
