/**
 * Register the service worker (serviceWorker.ts, built as `sw.js` beside
 * index.html). Called once the analysis workers are up, so that its install
 * (which stores the shell and the runtime) reads them from the HTTP cache
 * the start-up has just filled instead of downloading them a second time.
 * Not in `vite dev` (there is no sw.js, and cached modules would hide edits).
 * A browser without service workers, or a failed registration (storage full,
 * private mode), leaves the app as it was: online only.
 */
export function registerServiceWorker(baseUrl: string): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(new URL('sw.js', baseUrl).href, { scope: new URL('./', baseUrl).href }).catch(() => undefined);
}
