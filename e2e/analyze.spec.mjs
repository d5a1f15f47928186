/**
 * The main flow on real SDSS spectra: choose files → rows with class and z
 * matching SDSS → open one → the three plots have their traces → press '3'
 * → data-qop="3" → reload → the flag is still there → export CSV.
 * Also: the ORT runtime is served as WASM (never index.html), keyboard moves.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFiles, dz, FIXTURES, OUT_DIR, parseCsv, plotTraces, poll, readRows, readTruth, screenshot, shiftsPerClass, waitForBackend } from './lib.mjs';

/** Two stars, two galaxies, two quasars that the Node pipeline gets right (npm run analyze). */
export const FILES = [
  'spec-0559-52316-0121.fits', // STAR
  'spec-1117-52885-0293.fits', // STAR
  'spec-0375-52140-0356.fits', // GALAXY
  'spec-0521-52326-0167.fits', // GALAXY
  'spec-0564-52224-0581.fits', // QSO
  'spec-2098-53460-0024.fits', // QSO
];

const truth = readTruth();

export const tests = [
  {
    name: 'the page loads with a ready WASM backend, without fetching the WebGPU runtime',
    async run({ page, baseUrl, requests, serverRequests }) {
      await page.goto(baseUrl);
      const b = await waitForBackend(page);
      assert.equal(b.backend, 'wasm');
      assert.match(b.text, /WASM/);
      // The page compiles the runtime once and shares the module with both workers (src/worker/sharedRuntime.ts).
      assert.ok(requests.some((u) => /\/ort\/ort-wasm-simd-threaded\.wasm\?v=[0-9a-f]{16}$/.test(u)), 'the WASM runtime was fetched under its versioned URL');
      assert.equal(serverRequests().filter((u) => u.startsWith('/ort/ort-wasm-simd-threaded.wasm')).length, 1, 'the 14 MB runtime crossed the network once for two workers');
      assert.deepEqual(requests.filter((u) => /asyncify|ort\.webgpu/.test(u)), [], 'no WebGPU runtime fetched');
      assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'COOP/COEP headers make the page cross-origin isolated');
      await page.waitForSelector('input[type="file"][multiple]', { state: 'attached' });
    },
  },
  {
    name: 'ORT runtime files are served once, as wasm/js; a missing .wasm is a 404, not index.html',
    async run({ page }) {
      const r = await page.evaluate(async () => {
        const wasm = await fetch('ort/ort-wasm-simd-threaded.wasm');
        const head = new Uint8Array(await wasm.arrayBuffer()).slice(0, 4);
        const mjs = await fetch('ort/ort-wasm-simd-threaded.asyncify.mjs');
        const missing = await fetch('ort/ort-wasm-simd-threaded.jsep.wasm');
        const model = await fetch('models/nope.onnx');
        return { type: wasm.headers.get('content-type'), encoding: wasm.headers.get('content-encoding'), head: Array.from(head), mjsType: mjs.headers.get('content-type'), missing: missing.status, model: model.status };
      });
      assert.equal(r.type, 'application/wasm');
      assert.equal(r.encoding, 'br', 'the runtime is sent Brotli-compressed (vite/precompress.ts)');
      assert.deepEqual(r.head, [0x00, 0x61, 0x73, 0x6d]);
      assert.match(r.mjsType, /javascript/);
      assert.equal(r.missing, 404);
      assert.equal(r.model, 404);
      // No hashed duplicate of the 14–27 MB runtimes in the build.
      const assets = readdirSync(join(OUT_DIR, 'assets'));
      assert.deepEqual(assets.filter((f) => f.startsWith('ort') && f.endsWith('.wasm')), []);
      assert.deepEqual(readdirSync(join(OUT_DIR, 'ort')).filter((f) => !/\.(br|gz)$/.test(f)).sort(), [
        'ort-wasm-simd-threaded.asyncify.mjs',
        'ort-wasm-simd-threaded.asyncify.wasm',
        'ort-wasm-simd-threaded.compiled.mjs',
        'ort-wasm-simd-threaded.mjs',
        'ort-wasm-simd-threaded.wasm',
      ]);
    },
  },
  {
    name: 'choosing real SDSS files gives one row each, with SDSS class and z',
    async run({ page }) {
      const rows = await analyseFiles(page, FILES.map((f) => join(FIXTURES, f)));
      assert.equal(rows.length, FILES.length);
      for (const r of rows) {
        const t = truth.get(r.file);
        assert.ok(t, `${r.file} is in truth.csv`);
        assert.equal(r.index, '0');
        assert.equal(r.cls, t.cls, `${r.file}: class`);
        const z = Number(r.z);
        assert.ok(dz(z, t.z) < 3e-3, `${r.file}: z ${z} vs SDSS ${t.z} (|Δz|/(1+z) = ${dz(z, t.z)})`);
      }
      const progress = await page.textContent('[data-testid="progress"]');
      assert.match(progress, new RegExp(`${FILES.length}/${FILES.length} spectra`));
      assert.match(progress, /0 errors/);
      const ms = await page.textContent('[data-testid="ms-per-spectrum"]');
      assert.match(ms, /\d ms\/spectrum/);
      await screenshot(page, 'analyze-table');
    },
  },
  {
    name: 'sorting by z orders the rows; the class filter keeps only that class',
    async run({ page }) {
      await page.click('[data-sort-key="z"]');
      let zs = (await readRows(page)).map((r) => Number(r.z));
      assert.deepEqual(zs, [...zs].sort((a, b) => a - b));
      await page.click('[data-sort-key="z"]');
      zs = (await readRows(page)).map((r) => Number(r.z));
      assert.deepEqual(zs, [...zs].sort((a, b) => b - a));
      await page.check('[data-filter-class="QSO"]');
      const qso = await poll(async () => {
        const rows = await readRows(page);
        return rows.length > 0 && rows.every((r) => r.cls === 'QSO') ? rows : false;
      }, 'only QSO rows');
      assert.equal(qso.length, FILES.filter((f) => truth.get(f).cls === 'QSO').length);
      await page.uncheck('[data-filter-class="QSO"]');
      await poll(async () => (await readRows(page)).length === FILES.length, 'all rows back');
    },
  },
  {
    name: 'opening a spectrum shows the spectrum, χ² (3 classes) and eigenspectra plots',
    async run({ page }) {
      const first = (await readRows(page))[0];
      await page.click(`[data-testid="result-row"][data-file="${first.file}"]`);
      const chi2 = await poll(() => plotTraces(page, 'plot-chi2'), 'χ² traces', { timeout: 60_000 });
      const curves = chi2.filter((t) => ['STAR', 'GALAXY', 'QSO'].includes(t.name));
      assert.equal(curves.length, 3, `three class curves, got ${JSON.stringify(chi2.map((t) => t.name))}`);
      const shifts = shiftsPerClass();
      for (const t of curves) assert.equal(t.n, shifts[t.name], `${t.name} χ² curve: one point per valid shift`);
      const spectrum = await poll(() => plotTraces(page, 'plot-spectrum'), 'spectrum traces');
      assert.ok(spectrum.length >= 2, `data and reconstruction at least, got ${spectrum.length}`);
      assert.ok(spectrum.filter((t) => t.n === 4076).length >= 2, 'data and reconstruction over the 4076-pixel grid');
      // The eigenspectra are a tab away (issue 9's laptop layout).
      await page.click('[data-testid="tab-eigen"]');
      const eigen = await poll(() => plotTraces(page, 'plot-eigenspectra'), 'eigenspectra traces');
      assert.equal(eigen.filter((t) => /E\d+/.test(t.name)).length, 10, `ten weighted eigenspectra: ${eigen.map((t) => t.name)}`);
      assert.ok(eigen.some((t) => /reconstruction/.test(t.name)), 'and their sum');
      await screenshot(page, 'analyze-open-spectrum');
      await page.click('[data-testid="tab-minima"]');
    },
  },
  {
    name: "pressing '3' sets data-qop=\"3\" on the open spectrum; j/k move the selection",
    async run({ page }) {
      const selected = () => page.$eval('[data-testid="result-row"][aria-selected="true"]', (e) => e.getAttribute('data-file'));
      const start = await selected();
      await page.locator('body').press('3');
      await poll(async () => (await page.getAttribute(`[data-testid="result-row"][data-file="${start}"]`, 'data-qop')) === '3', 'data-qop="3"');
      await page.locator('body').press('j');
      const next = await poll(async () => {
        const s = await selected();
        return s !== start ? s : false;
      }, 'j to select the next row');
      await page.locator('body').press('k');
      await poll(async () => (await selected()) === start, 'k to come back');
      assert.notEqual(next, start);
      await page.locator('body').press('?');
      await page.waitForSelector('[data-testid="help"]');
      await screenshot(page, 'analyze-help');
      await page.locator('body').press('Escape');
      await poll(async () => (await page.$('[data-testid="help"]')) === null, 'help closed');
    },
  },
  {
    name: 'after a reload the table and the flag are still there',
    async run({ page }) {
      const flagged = (await readRows(page)).find((r) => r.qop === '3');
      assert.ok(flagged);
      await page.reload();
      await waitForBackend(page);
      const rows = await poll(async () => {
        const r = await readRows(page);
        return r.length === FILES.length ? r : false;
      }, 'restored rows');
      const again = rows.find((r) => r.file === flagged.file);
      assert.equal(again.qop, '3');
      assert.equal(again.cls, flagged.cls);
      assert.equal(again.z, flagged.z);
      await screenshot(page, 'analyze-after-reload');
    },
  },
  {
    name: 'export CSV downloads one line per spectrum with the user QOP',
    async run({ page }) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
      const { head, records: rows } = parseCsv(readFileSync(await download.path(), 'utf8'));
      for (const c of ['file', 'index', 'class', 'z', 'user_qop']) assert.ok(head.includes(c), `CSV has column ${c}: ${head.join(',')}`);
      assert.equal(rows.length, FILES.length);
      for (const f of FILES) assert.ok(rows.some((r) => r.file === f), `${f} exported`);
      assert.equal(rows.filter((r) => r.user_qop === '3').length, 1);
      for (const r of rows) assert.equal(r.class, truth.get(r.file).cls);
    },
  },
];
