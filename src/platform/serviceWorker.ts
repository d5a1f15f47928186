/**
 * The service worker (built by vite/serviceWorker.ts into `sw.js`, registered
 * after the first start-up: registerServiceWorker.ts). It makes the app work
 * offline after one visit and a reload cost almost nothing:
 * - at install it stores the shell — index.html, Vite's hashed scripts and
 *   styles, the WASM runtime under its versioned URL, the model manifest —
 *   listed by the build (PRECACHE_URLS); the browser's HTTP cache already
 *   holds most of them from the visit, so little crosses the network again;
 * - those files are then answered from that cache; the page itself and the
 *   model manifest go to the network first (a new deployment shows at once)
 *   and fall back to the stored copy offline;
 * - models are not its business: the workers keep them in their own Cache
 *   Storage (platform/modelCache.ts), checked against the manifest's sha256,
 *   so the encoders loaded at start-up (and the UNets once used) are there
 *   offline too. Any other request goes to the network untouched.
 * A new build has a new cache name; the old one is deleted when the new
 * worker activates.
 */
/// <reference lib="webworker" />
export {}; // a module: `self` below is this file's own declaration
declare const self: ServiceWorkerGlobalScope;
/** Files to store at install, relative to the worker's scope (replaced at build time). */
declare const PRECACHE_URLS: readonly string[];
/** Changes with every build whose files differ (replaced at build time). */
declare const SHELL_VERSION: string;

const CACHE_PREFIX = 'gasnet-shell-';
const CACHE = `${CACHE_PREFIX}${SHELL_VERSION}`;
const scope = new URL(self.registration.scope);
const precached = new Set(PRECACHE_URLS.map((u) => new URL(u, scope).href));
const PAGE = new URL('index.html', scope).href;
const MANIFEST = new URL('models/manifest.json', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...precached])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k)))),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname === scope.pathname || url.href.split('?')[0] === PAGE) event.respondWith(networkFirst(request, PAGE));
    return;
  }
  if (request.url === MANIFEST) event.respondWith(networkFirst(request, MANIFEST));
  else if (precached.has(request.url)) event.respondWith(cacheFirst(request));
});

async function networkFirst(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone()).catch(() => undefined);
    return response;
  } catch (e) {
    const stored = await cache.match(key);
    if (stored) return stored;
    throw e;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) ?? fetch(request);
}
