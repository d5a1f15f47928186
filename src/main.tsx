/** Page entry: start the analysis session and the decisions store, render the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { probeBackend } from './platform/probeBackend.ts';
import { registerServiceWorker } from './platform/registerServiceWorker.ts';
import { decisionsStore } from './state/decisionsContext.ts';
import { planOverrideFrom } from './state/backendStart.ts';
import { createSession } from './state/session.ts';
import { appStore } from './state/store.ts';
import { App } from './ui/App.tsx';
import { spawnAnalysisPool } from './worker/spawnPool.ts';
import { createMapClient, spawnMapWorker } from './worker/mapClient.ts';
import { startOutlierUpdates } from './state/outlierUpdates.ts';

/** Fewest milliseconds between two table / progress updates. */
const MIN_FLUSH_INTERVAL_MS = 100;
let lastFlush = -Infinity;

const session = createSession({
  store: appStore,
  probe: () => probeBackend(),
  createPool: (plan, onMessage, family) => spawnAnalysisPool(plan, onMessage, family),
  // For benchmarks: ?workers=1&threads=2 (e2e/benchBrowser.mjs).
  planOverride: planOverrideFrom(location.search),
  // At most once per frame and ten times a second: each flush re-renders the table and the progress
  // bar, and repainting them every frame took more main-thread time than folding the results.
  // The timeout keeps results flowing while the tab is hidden (no frames then).
  scheduleFlush: (cb) => {
    let ran = false;
    const run = () => {
      if (!ran) {
        ran = true;
        lastFlush = performance.now();
        cb();
      }
    };
    const wait = Math.max(0, lastFlush + MIN_FLUSH_INTERVAL_MS - performance.now());
    setTimeout(() => requestAnimationFrame(run), wait);
    setTimeout(run, wait + 250);
  },
  now: () => performance.now(),
  saveRows: async (rows) => {
    await decisionsStore.getState().saveSessionRows(rows);
  },
  loadRows: () => decisionsStore.getState().loadSessionRows(),
  overrideFor: (fileName) => Object.values(decisionsStore.getState().decisions).find((d) => d.fileName === fileName && d.frame)?.frame,
});

// The batch's outlier scores, recomputed as files arrive, in a worker of their own (the map has another).
startOutlierUpdates(appStore, createMapClient(spawnMapWorker));

// The workers first (the pool starts compiling the runtime as soon as the probe answers): they load
// the networks while the decisions are read. Then decisions, so restored rows show their flags at once.
void session.startWorkers();
void decisionsStore
  .getState()
  .hydrate()
  .finally(() =>
    void session.start().finally(() => {
      if (import.meta.env.PROD) registerServiceWorker(new URL(import.meta.env.BASE_URL, location.href).href);
    }),
  );

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
