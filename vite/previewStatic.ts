/**
 * Vite plugin: `vite preview` serves the built files itself, as a static
 * host should (README "Hosting the built app"):
 * - the precompressed copy (vite/precompress.ts) the browser accepts — `.br`,
 *   else `.gz`, else the file — with `Content-Encoding` and `Vary: Accept-Encoding`;
 * - `Cache-Control: immutable` for names that change with their content
 *   (Vite's hashed `assets/`, the runtime under `ort/` asked with its
 *   current `?v=`); everything else `no-cache` with an ETag, so a reload
 *   revalidates it with a 304 and no body;
 * - the cross-origin isolation headers (the preview's `headers` option only
 *   reaches files its own static server answers).
 * A Cache-Control set by an earlier middleware (models: vite/modelHeaders.ts)
 * is kept. Paths that are not files fall through to Vite (404, no SPA fallback).
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { ISOLATION_HEADERS } from './isolation.ts';
import { IMMUTABLE, REVALIDATE } from './modelCacheHeaders.ts';
import { ORT_DIR, ortRuntimeVersion } from './ortRuntime.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The encodings the request accepts, best first, among those we store. */
export function acceptedEncodings(header: string | string[] | undefined): ('br' | 'gzip')[] {
  const text = (Array.isArray(header) ? header.join(',') : (header ?? '')).toLowerCase();
  const accepts = (name: string) =>
    text.split(',').some((part) => {
      const [token, ...params] = part.trim().split(';');
      if (token.trim() !== name) return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0;
    });
  return (['br', 'gzip'] as const).filter(accepts);
}

/** Cache-Control for a built file at `path` (relative to the output folder, '/'-separated) asked with `query`. */
export function builtCacheControl(path: string, query: URLSearchParams, runtimeVersion: string): string {
  if (path.startsWith('assets/')) return IMMUTABLE;
  if (path.startsWith(`${ORT_DIR}/`) && query.get('v') === runtimeVersion) return IMMUTABLE;
  return REVALIDATE;
}

function fileSize(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

export function servePrecompressed(root: string, base: string, runtimeVersion: string) {
  const rootDir = resolve(root) + sep;
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(base)) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      return next();
    }
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const path = normalize(join(rootDir, rel));
    if (!path.startsWith(rootDir) || rel.includes('\0')) return next();
    const original = fileSize(path);
    if (original === undefined) return next();

    let served = path;
    let encoding: string | undefined;
    let size = original.size;
    for (const enc of acceptedEncodings(req.headers['accept-encoding'])) {
      const candidate = fileSize(`${path}.${enc === 'br' ? 'br' : 'gz'}`);
      if (candidate) {
        served = `${path}.${enc === 'br' ? 'br' : 'gz'}`;
        encoding = enc;
        size = candidate.size;
        break;
      }
    }
    const etag = `W/"${original.size.toString(16)}-${Math.round(original.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
    for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
    if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', builtCacheControl(rel, url.searchParams, runtimeVersion));
    res.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', String(size));
    res.statusCode = 200;
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(served).pipe(res);
  };
}

export function previewStatic(): Plugin {
  let outDir = 'dist';
  return {
    name: 'gasnet:preview-static',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configurePreviewServer(server) {
      server.middlewares.use(servePrecompressed(outDir, server.config.base, ortRuntimeVersion()));
    },
  };
}
