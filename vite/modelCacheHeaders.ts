/**
 * Cache-Control for the files under `{base}models/`, for `vite preview` and
 * `vite dev` (vite.config.ts). A model requested as `<file>.onnx?v=<hex>`,
 * where <hex> starts the sha256 of the file actually served, names one
 * content, so browsers may keep it for a year without asking again
 * (`immutable`). Everything else there — the manifest, the eigenspectra, a
 * model URL without a version or with a wrong one — must be revalidated
 * (`no-cache`): the manifest is what tells the app which hashes are current.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** Shortest `?v=` prefix accepted as naming a content (64 bits). */
const MIN_VERSION_HEX = 16;

/**
 * The Cache-Control of a request for `name` (a path relative to the models
 * folder) with query `query`; `shaOf(name)` gives the served file's sha256
 * (hex) or undefined when there is no such file.
 */
export function modelCacheControl(name: string, query: URLSearchParams, shaOf: (name: string) => string | undefined): string {
  const v = query.get('v');
  if (!name.endsWith('.onnx') || v === null || v.length < MIN_VERSION_HEX || !/^[0-9a-f]+$/.test(v)) return REVALIDATE;
  const sha = shaOf(name);
  return sha !== undefined && sha.startsWith(v) ? IMMUTABLE : REVALIDATE;
}

/** sha256 of the files of `dir`, recomputed when a file's size or mtime changes. */
export function fileHasher(dir: string): (name: string) => string | undefined {
  const known = new Map<string, { stamp: string; sha: string }>();
  return (name) => {
    if (name.includes('..') || name.includes('\0')) return undefined;
    const path = join(dir, name);
    let stamp: string;
    try {
      const st = statSync(path);
      if (!st.isFile()) return undefined;
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      return undefined;
    }
    const k = known.get(name);
    if (k?.stamp === stamp) return k.sha;
    const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
    known.set(name, { stamp, sha });
    return sha;
  };
}

/** Connect middleware: sets Cache-Control on `{prefix}…` requests, then lets the static server answer. */
export function modelCacheHeaders(dir: string, prefix: string) {
  const shaOf = fileHasher(dir);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith(prefix)) {
      const name = decodeURIComponent(url.pathname.slice(prefix.length));
      res.setHeader('Cache-Control', modelCacheControl(name, url.searchParams, shaOf));
    }
    next();
  };
}
