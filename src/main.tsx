/** Page entry: start the analysis session and the decisions store, render the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { probeBackend } from './platform/probeBackend.ts';
import { registerServiceWorker } from './platform/registerServiceWorker.ts';
import { decisionsStore } from './state/decisionsContext.ts';
import { createSession } from './state/session.ts';
import { appStore } from './state/store.ts';
import { App } from './ui/App.tsx';
import { spawnAnalysisPool } from './worker/spawnPool.ts';

const session = createSession({
  store: appStore,
  probe: () => probeBackend(),
  createPool: (plan, onMessage, family) => spawnAnalysisPool(plan, onMessage, family),
  // Once per frame; the timeout keeps results flowing while the tab is hidden (no frames then).
  scheduleFlush: (cb) => {
    let ran = false;
    const run = () => {
      if (!ran) {
        ran = true;
        cb();
      }
    };
    requestAnimationFrame(run);
    setTimeout(run, 250);
  },
  now: () => performance.now(),
  saveRows: async (rows) => {
    await decisionsStore.getState().saveSessionRows(rows);
  },
  loadRows: () => decisionsStore.getState().loadSessionRows(),
  overrideFor: (fileName) => Object.values(decisionsStore.getState().decisions).find((d) => d.fileName === fileName && d.frame)?.frame,
});

// Decisions first, so restored rows show their flags at once.
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
