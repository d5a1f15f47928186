/**
 * Vite plugin: build src/platform/serviceWorker.ts into `sw.js` at the root
 * of the output, with the list of files it stores at install (the shell:
 * index.html, Vite's bundle, the WASM runtime under the versioned URLs the
 * app asks for, the model manifest and the favicon) and a version that
 * changes with them. Left out: source maps, the WebGPU runtime (the 27 MB
 * asyncify WASM and its `ort.webgpu` loader chunk: only used with a GPU, the
 * HTTP cache keeps them; fetching them on a machine without one would waste
 * 27 MB), the models (the workers' own
 * Cache Storage keeps them) and the example spectra.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { ORT_DIR, ortRuntimeVersion } from './ortRuntime.ts';

const SOURCE = fileURLToPath(new URL('../src/platform/serviceWorker.ts', import.meta.url));
/** Files the shell needs beyond the scripts: the page (emitted after this plugin runs) and, from public/, the icon and the model manifest. */
const SHELL_FILES = ['index.html', 'favicon.svg', 'models/manifest.json'];

/** The URLs (relative to the app's base) the service worker stores, from the bundle's file names. */
export function precacheList(bundleFiles: readonly string[], runtimeVersion: string): string[] {
  const urls = bundleFiles
    .filter((f) => !f.endsWith('.map') && !/asyncify|ort\.webgpu/.test(f))
    .map((f) => (f.startsWith(`${ORT_DIR}/`) ? `${f}?v=${runtimeVersion}` : f));
  return [...new Set([...urls, ...SHELL_FILES])].sort();
}

export function serviceWorker(): Plugin {
  return {
    name: 'gasnet:service-worker',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const list = precacheList(Object.keys(bundle), ortRuntimeVersion());
      const version = createHash('sha256')
        .update(JSON.stringify(Object.values(bundle).map((f) => [f.fileName, f.type === 'chunk' ? f.code : f.source])))
        .digest('hex')
        .slice(0, 16);
      const out = await build({
        entryPoints: [SOURCE],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2022',
        minify: true,
        define: { PRECACHE_URLS: JSON.stringify(list), SHELL_VERSION: JSON.stringify(version) },
      });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: out.outputFiles[0].text });
    },
  };
}
