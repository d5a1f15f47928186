/**
 * Model bytes through Cache Storage, on the committed model files: a miss
 * goes to the network once and is stored; a hit is verified before use;
 * corrupt, short and stale entries are dropped; a bad download is refused
 * and never stored; concurrent requests under Web Locks make one download.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelManifest } from '../../src/core/inference/manifest.ts';
import {
  fetchModelBytes,
  MODEL_CACHE_NAME,
  modelCacheKey,
  modelUrl,
  webSha256,
  type ModelFetchDeps,
} from '../../src/platform/modelCache.ts';

const MODELS = join(import.meta.dirname, '..', '..', 'public', 'models');
const manifest = JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')) as ModelManifest;
const entry = manifest.models.find((m) => m.family === 'encoder' && m.cls === 'STAR')!;
const onDisk = new Uint8Array(readFileSync(join(MODELS, entry.file)));
const BASE = 'http://127.0.0.1:4173/models/';

/** The subset of Cache Storage the module uses, in memory (one named cache). */
function memoryCaches() {
  const store = new Map<string, Uint8Array>();
  const opened: string[] = [];
  const cache = {
    async match(key: string) {
      const b = store.get(key);
      return b ? new Response(b.slice()) : undefined;
    },
    async put(key: string, res: Response) {
      store.set(key, new Uint8Array(await res.arrayBuffer()));
    },
    async delete(key: string | Request) {
      return store.delete(typeof key === 'string' ? key : key.url);
    },
    async keys() {
      return [...store.keys()].map((k) => new Request(k));
    },
  };
  return {
    store,
    opened,
    caches: {
      async open(name: string) {
        opened.push(name);
        return cache as unknown as Cache;
      },
    },
  };
}

/** A server holding `body` for the model's URL; counts requests. */
function server(body: Uint8Array = onDisk) {
  const requests: string[] = [];
  const fetch = async (url: string) => {
    requests.push(url);
    await new Promise((r) => setTimeout(r, 5));
    return url.startsWith(BASE + entry.file) ? new Response(body.slice()) : new Response('not found', { status: 404 });
  };
  return { requests, fetch };
}

/** Web Locks' exclusive mode: callbacks of one name run one after another. */
function memoryLocks(): ModelFetchDeps['locks'] {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request: ((name: string, cb: () => Promise<unknown>) => {
      const run = (tails.get(name) ?? Promise.resolve()).then(cb, cb);
      tails.set(name, run.catch(() => undefined));
      return run;
    }) as LockManager['request'],
  };
}

describe('webSha256', () => {
  it('equals node:crypto on a model file and matches the manifest', async () => {
    const hex = await webSha256(onDisk);
    expect(hex).toBe(createHash('sha256').update(onDisk).digest('hex'));
    expect(hex).toBe(entry.sha256);
  });
});

describe('fetchModelBytes', () => {
  it('fetches a content-addressed URL once, stores it, then serves it from the cache', async () => {
    const net = server();
    const mem = memoryCaches();
    const deps: ModelFetchDeps = { fetch: net.fetch, caches: mem.caches, sha256: webSha256 };
    const first = await fetchModelBytes(BASE, entry, deps);
    expect(first.from).toBe('network');
    expect(first.bytes).toEqual(onDisk);
    expect(net.requests).toEqual([modelUrl(BASE, entry)]);
    expect(net.requests[0]).toBe(`${BASE}${entry.file}?v=${entry.sha256.slice(0, 16)}`);
    expect(mem.opened).toEqual([MODEL_CACHE_NAME]);
    expect([...mem.store.keys()]).toEqual([modelCacheKey(BASE, entry)]);

    const second = await fetchModelBytes(BASE, entry, deps);
    expect(second.from).toBe('cache');
    expect(second.bytes).toEqual(onDisk);
    expect(net.requests).toHaveLength(1);
  });

  it('drops a corrupt or truncated cache entry and fetches the file again', async () => {
    for (const damage of [(b: Uint8Array) => (b[1000] ^= 0xff), (b: Uint8Array) => b.subarray(0, b.length - 10)]) {
      const net = server();
      const mem = memoryCaches();
      const bad = onDisk.slice();
      const stored = damage(bad);
      mem.store.set(modelCacheKey(BASE, entry), stored instanceof Uint8Array ? stored : bad);
      const got = await fetchModelBytes(BASE, entry, { fetch: net.fetch, caches: mem.caches, sha256: webSha256 });
      expect(got.from).toBe('network');
      expect(got.bytes).toEqual(onDisk);
      expect(net.requests).toHaveLength(1);
      expect(mem.store.get(modelCacheKey(BASE, entry))).toEqual(onDisk);
    }
  });

  it('removes entries of the same file with another hash once the new one is stored', async () => {
    const net = server();
    const mem = memoryCaches();
    const stale = modelCacheKey(BASE, { file: entry.file, sha256: 'ab'.repeat(32) });
    const other = modelCacheKey(BASE, { file: 'encoder-qso.onnx', sha256: 'cd'.repeat(32) });
    mem.store.set(stale, new Uint8Array([1, 2, 3]));
    mem.store.set(other, new Uint8Array([4, 5, 6]));
    await fetchModelBytes(BASE, entry, { fetch: net.fetch, caches: mem.caches, sha256: webSha256 });
    expect([...mem.store.keys()].sort()).toEqual([modelCacheKey(BASE, entry), other].sort());
  });

  it('refuses a download that does not match the manifest and stores nothing', async () => {
    const altered = onDisk.slice();
    altered[500] ^= 1;
    for (const body of [onDisk.subarray(0, 1000), altered]) {
      const mem = memoryCaches();
      const net = server(body);
      await expect(fetchModelBytes(BASE, entry, { fetch: net.fetch, caches: mem.caches, sha256: webSha256 })).rejects.toThrow(
        /encoder-star\.onnx has (1000 bytes|sha256 [0-9a-f]{12}…), the manifest says .*reload the page/,
      );
      expect(mem.store.size).toBe(0);
    }
    const missing = { ...entry, file: 'nope.onnx' };
    await expect(fetchModelBytes(BASE, missing, { fetch: server().fetch, caches: memoryCaches().caches, sha256: webSha256 })).rejects.toThrow(
      /HTTP 404 for .*nope\.onnx\?v=/,
    );
  });

  it('with Web Locks, four concurrent requests make one download; without Cache Storage each goes to HTTP', async () => {
    const net = server();
    const mem = memoryCaches();
    const deps: ModelFetchDeps = { fetch: net.fetch, caches: mem.caches, locks: memoryLocks(), sha256: webSha256 };
    const got = await Promise.all([1, 2, 3, 4].map(() => fetchModelBytes(BASE, entry, deps)));
    expect(net.requests).toHaveLength(1);
    expect(got.map((g) => g.from).sort()).toEqual(['cache', 'cache', 'cache', 'network']);
    for (const g of got) expect(g.bytes).toEqual(onDisk);

    const plain = server();
    const a = await fetchModelBytes(BASE, entry, { fetch: plain.fetch, sha256: webSha256 });
    const b = await fetchModelBytes(BASE, entry, { fetch: plain.fetch, sha256: webSha256 });
    expect([a.from, b.from]).toEqual(['network', 'network']);
    expect(plain.requests).toHaveLength(2);
  });
});
