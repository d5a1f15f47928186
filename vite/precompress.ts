/**
 * Vite plugin: after the build, write a Brotli (.br) and a gzip (.gz) copy
 * beside every compressible file of the output folder, so a static server
 * (vite preview: vite/previewStatic.ts; nginx `brotli_static`/`gzip_static`,
 * Caddy `precompressed`, …) can send the smaller one with Content-Encoding
 * and never compress on the fly. The 14 MB onnxruntime WASM becomes ≈ 2.8 MB.
 *
 * Brotli at its top quality takes minutes for the runtime on a busy 2-core
 * machine, so large files get a faster level; each result is kept in
 * node_modules/.tmp by content hash and quality, and a rebuild with the
 * same files compresses nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Extensions worth compressing (text, WebAssembly, JSON; not the float32 model weights, which shrink < 10 %). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.txt', '.md', '.map']);
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;
/** A copy is kept only when at least this much smaller. */
const MIN_SAVING = 0.9;

/** Brotli quality by size: 11 for small files, faster levels for the megabyte bundles and the runtime. */
export function brotliQuality(bytes: number): number {
  if (bytes <= 256 * 1024) return 11;
  if (bytes <= 4 * 1024 * 1024) return 9;
  return 5;
}

function cached(cacheDir: string, key: string, make: () => Buffer): Buffer {
  const path = join(cacheDir, key);
  if (existsSync(path)) return readFileSync(path);
  const out = make();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path, out);
  return out;
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Write `<file>.br` and `<file>.gz` beside every compressible file of `dir`; returns the files compressed. */
export function compressTree(dir: string, cacheDir: string): number {
  let n = 0;
  for (const path of [...files(dir)]) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const size = statSync(path).size;
    if (size < MIN_BYTES) continue;
    const bytes = readFileSync(path);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const quality = brotliQuality(size);
    const br = cached(cacheDir, `${sha}.q${quality}.br`, () =>
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: size } }),
    );
    const gz = cached(cacheDir, `${sha}.gz`, () => gzipSync(bytes, { level: 9 }));
    if (br.length <= MIN_SAVING * size) writeFileSync(`${path}.br`, br);
    if (gz.length <= MIN_SAVING * size) writeFileSync(`${path}.gz`, gz);
    n++;
  }
  return n;
}

export function precompress(): Plugin {
  let outDir = 'dist';
  let cacheDir = 'node_modules/.tmp/precompress';
  return {
    name: 'gasnet:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      cacheDir = resolve(config.root, 'node_modules', '.tmp', 'precompress');
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        compressTree(outDir, cacheDir);
      },
    },
  };
}
