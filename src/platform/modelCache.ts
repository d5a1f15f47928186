/**
 * Model files, fetched once per content and kept in Cache Storage.
 *
 * The manifest names every model's size and sha256. A model is looked up in
 * the cache `gasnet-models-v1` under a key made of its file name and full
 * sha256; an entry is used only if its bytes have the manifest's length and
 * hash, otherwise it is dropped and the file fetched again. On the network
 * the URL carries `?v=<first 16 hex digits of the sha256>`, so it names one
 * content and a static host may let the HTTP cache keep it for good.
 * A fresh download must pass the same check before it is used or stored;
 * older entries of the same file (other hashes) are then deleted.
 *
 * Several workers ask for the same files at once: a Web Lock per file
 * makes the first fetch it and the others wait and read it from the cache,
 * so each file crosses the network once. Without Cache Storage (pages not
 * served from a secure context) every load goes to HTTP and its cache.
 */
import type { ModelEntry } from '../core/inference/manifest.ts';

export const MODEL_CACHE_NAME = 'gasnet-models-v1';

/** Hex digits of the sha256 in the `?v=` of a model URL. */
export const VERSION_HEX_DIGITS = 16;

type Entry = Pick<ModelEntry, 'file' | 'bytes' | 'sha256'>;

export interface ModelFetchDeps {
  fetch(url: string): Promise<Response>;
  /** Cache Storage; undefined where the browser offers none. */
  caches?: Pick<CacheStorage, 'open'>;
  /** Web Locks; undefined = no cross-worker de-duplication. */
  locks?: Pick<LockManager, 'request'>;
  /** Lower-case hex sha256 of the bytes. */
  sha256(bytes: Uint8Array): Promise<string>;
}

export interface FetchedModel {
  bytes: Uint8Array;
  from: 'cache' | 'network';
}

/** The network URL of a model: content-addressed by its hash. */
export function modelUrl(modelsUrl: string, entry: Pick<ModelEntry, 'file' | 'sha256'>): string {
  return `${modelsUrl}${entry.file}?v=${entry.sha256.slice(0, VERSION_HEX_DIGITS)}`;
}

/** The Cache Storage key of a model: its file and full hash. */
export function modelCacheKey(modelsUrl: string, entry: Pick<ModelEntry, 'file' | 'sha256'>): string {
  return `${modelsUrl}${entry.file}?sha256=${entry.sha256}`;
}

/** What is wrong with bytes claimed to be `entry`, or undefined when they are it. */
export async function checkModelBytes(bytes: Uint8Array, entry: Entry, sha256: ModelFetchDeps['sha256']): Promise<string | undefined> {
  if (bytes.length !== entry.bytes) return `${entry.file} has ${bytes.length} bytes, the manifest says ${entry.bytes}`;
  const hash = await sha256(bytes);
  if (hash !== entry.sha256) return `${entry.file} has sha256 ${hash.slice(0, 12)}…, the manifest says ${entry.sha256.slice(0, 12)}…`;
  return undefined;
}

async function download(modelsUrl: string, entry: Entry, deps: ModelFetchDeps): Promise<Uint8Array> {
  const url = modelUrl(modelsUrl, entry);
  const res = await deps.fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const problem = await checkModelBytes(bytes, entry, deps.sha256);
  if (problem) throw new Error(`${problem}: the download was cut short or the server holds another version; reload the page`);
  return bytes;
}

async function viaCache(cache: Cache, modelsUrl: string, entry: Entry, deps: ModelFetchDeps): Promise<FetchedModel> {
  const key = modelCacheKey(modelsUrl, entry);
  const hit = await cache.match(key).catch(() => undefined);
  if (hit) {
    const bytes = new Uint8Array(await hit.arrayBuffer());
    if ((await checkModelBytes(bytes, entry, deps.sha256)) === undefined) return { bytes, from: 'cache' };
    await cache.delete(key).catch(() => false);
  }
  const bytes = await download(modelsUrl, entry, deps);
  try {
    await cache.put(key, new Response(bytes.slice(), { headers: { 'Content-Type': 'application/octet-stream' } }));
    // Other versions of the same file are stale now.
    const path = new URL(modelsUrl + entry.file).pathname;
    for (const req of await cache.keys()) {
      if (req.url !== key && new URL(req.url).pathname === path) await cache.delete(req);
    }
  } catch {
    // Storage full or refused: the model still works, it is fetched again next time.
  }
  return { bytes, from: 'network' };
}

/**
 * The verified bytes of one model, from Cache Storage when a good copy is
 * there, else from the network (then stored). Rejects with a message for
 * people when the file cannot be had (the model loader reports it as a
 * 'model-load' error).
 */
export async function fetchModelBytes(modelsUrl: string, entry: Entry, deps: ModelFetchDeps): Promise<FetchedModel> {
  const { caches, locks } = deps;
  if (!caches) return { bytes: await download(modelsUrl, entry, deps), from: 'network' };
  const run = async () => {
    let cache: Cache;
    try {
      cache = await caches.open(MODEL_CACHE_NAME);
    } catch {
      return { bytes: await download(modelsUrl, entry, deps), from: 'network' as const };
    }
    return viaCache(cache, modelsUrl, entry, deps);
  };
  return locks ? locks.request(`${MODEL_CACHE_NAME}:${entry.file}`, run) : run();
}

/** Hex sha256 with the Web Crypto API (browsers, workers and Node ≥ 20). */
export async function webSha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The page's or worker's own fetch, Cache Storage and Web Locks (each when available). */
export function browserModelFetchDeps(): ModelFetchDeps {
  const g = globalThis as { caches?: CacheStorage; navigator?: { locks?: LockManager } };
  return {
    fetch: (url) => fetch(url),
    caches: g.caches,
    locks: g.navigator?.locks,
    sha256: webSha256,
  };
}
