/**
 * Issue 10 item 6: after one visit the app works offline. The service
 * worker (src/platform/serviceWorker.ts) stores the shell and the WASM
 * runtime; the workers keep the encoders in their Cache Storage. With the
 * network cut (context.setOffline), a reload still starts the backend, and a
 * dropped SDSS file gets its row with SDSS's class.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, poll, readTruth, waitForBackend, waitForRows } from './lib.mjs';

const FILE = 'spec-0375-52140-0356.fits'; // GALAXY
const truth = readTruth();

export const tests = [
  {
    name: 'a first visit installs the service worker, which stores the shell and the runtime',
    async run({ page, baseUrl }) {
      await page.goto(baseUrl);
      await waitForBackend(page, 120_000);
      const stored = await poll(
        () =>
          page.evaluate(async () => {
            const reg = await navigator.serviceWorker.getRegistration();
            if (!reg?.active) return false;
            const names = (await caches.keys()).filter((k) => k.startsWith('gasnet-shell-'));
            if (names.length !== 1) return false;
            const keys = (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname);
            return keys;
          }),
        'an active service worker with its cache',
        { timeout: 120_000, interval: 500 },
      );
      assert.ok(stored.includes('/index.html'), 'index.html stored');
      assert.ok(stored.includes('/ort/ort-wasm-simd-threaded.wasm'), 'the WASM runtime stored');
      assert.ok(stored.includes('/models/manifest.json'), 'the model manifest stored');
      assert.ok(stored.some((p) => /^\/assets\/analysisWorker-.*\.js$/.test(p)), 'the analysis worker stored');
      assert.ok(!stored.some((p) => p.endsWith('.onnx')), 'models are left to the workers’ model cache');
    },
  },
  {
    name: 'offline, a reload starts the backend and a dropped file gets its row',
    async run({ page, context }) {
      await context.setOffline(true);
      try {
        await page.reload();
        await waitForBackend(page, 120_000);
        assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');
        await page.setInputFiles('input[type="file"][multiple]', [join(FIXTURES, FILE)]);
        const rows = await waitForRows(page, 1, 120_000);
        const row = rows.find((r) => r.file === FILE);
        assert.ok(row, `a row for ${FILE}`);
        assert.equal(row.cls, truth.get(FILE).cls);
      } finally {
        await context.setOffline(false);
      }
    },
  },
];
