/**
 * The model switch, lazy model loading and model caching (issue 5).
 *
 * - A plain encoder run fetches each encoder file once (two workers share
 *   one download through Web Locks + Cache Storage) and no UNet file.
 * - Choosing UNet fetches exactly the three UNet files, once each; Both
 *   fetches nothing more, marks the spectrum where the families disagree,
 *   and the spectrum view overlays both.
 * - After a reload (same browser profile) a UNet analysis sends no model
 *   request at all: neither the page nor its workers ask for an .onnx
 *   (ctx.requests), and none reaches the preview server (ctx.serverRequests).
 * - A corrupt Cache Storage entry is dropped and that one file fetched again.
 * - The preview server sends `immutable` only for content-addressed URLs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFiles, dz, FIXTURES, poll, readRows, readTruth, ROOT, screenshot, shiftsPerClass, waitForBackend, waitForRows } from './lib.mjs';

const FILES = [
  'spec-0559-52316-0121.fits', // STAR
  'spec-0375-52140-0356.fits', // GALAXY
  'spec-0564-52224-0581.fits', // QSO
  'spec-11354-58441-0963.fits', // QSO where encoder (z 2.399) and UNet (z 2.384) disagree beyond 3e-3
];
const DISAGREE = 'spec-11354-58441-0963.fits';
const truth = readTruth();
const manifest = JSON.parse(readFileSync(join(ROOT, 'public', 'models', 'manifest.json'), 'utf8'));
const files = (family) => manifest.models.filter((m) => m.family === family).map((m) => m.file).sort();

/** Model file names in a list of URLs, e.g. ['unet-qso.onnx', …] (with repeats). */
const onnxIn = (urls) => urls.map((u) => new URL(u, 'http://x/').pathname.split('/').pop()).filter((f) => f.endsWith('.onnx'));

async function chooseModel(page, choice) {
  await page.selectOption('[data-testid="model-choice"]', choice);
}

/** Wait until every row shows `family`'s answer and nothing runs. */
async function rowsOf(page, family, n = FILES.length) {
  return poll(async () => {
    const running = await page.getAttribute('[data-testid="progress"]', 'data-running').catch(() => 'false');
    const rows = await page.$$eval('[data-testid="result-row"]', (els) =>
      els.map((e) => ({ file: e.dataset.file, cls: e.dataset.class, z: Number(e.dataset.z), family: e.dataset.family, disagree: e.dataset.disagree })),
    );
    return running !== 'true' && rows.length === n && rows.every((r) => r.family === family) ? rows : false;
  }, `${n} rows showing ${family} answers`, { timeout: 180_000, interval: 200 });
}

function checkAgainstTruth(rows) {
  for (const r of rows) {
    const t = truth.get(r.file);
    assert.equal(r.cls, t.cls, `${r.file}: class`);
    assert.ok(dz(r.z, t.z) < 5e-3, `${r.file}: z ${r.z} vs SDSS ${t.z}`);
  }
}

/** Cache Storage as the page sees it: entry name → { bytes, sha256 }. */
function cachedModels(page) {
  return page.evaluate(async () => {
    const cache = await caches.open('gasnet-models-v1');
    const out = {};
    for (const req of await cache.keys()) {
      const bytes = new Uint8Array(await (await cache.match(req)).arrayBuffer());
      const hash = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
      out[new URL(req.url).pathname.split('/').pop()] = { key: req.url, bytes: bytes.length, sha256: hash };
    }
    return out;
  });
}

/** Name, dash and length of every trace of a plot, once Plotly has drawn it. */
const traces = (page, testId) =>
  page.$eval(`[data-testid="${testId}"]`, (el) => {
    const g = el.querySelector('.js-plotly-plot');
    return g && Array.isArray(g.data) ? g.data.map((t) => ({ name: t.name, dash: t.line?.dash, n: (t.y ?? []).length })) : null;
  });

let mark = { page: 0, server: 0 };
const since = (ctx) => ({ page: ctx.requests.slice(mark.page), server: ctx.serverRequests().slice(mark.server) });
const setMark = (ctx) => (mark = { page: ctx.requests.length, server: ctx.serverRequests().length });

export const tests = [
  {
    name: 'the preview server marks content-addressed model URLs immutable, and nothing else under models/',
    async run(ctx) {
      const { baseUrl } = ctx;
      const unet = manifest.models.find((m) => m.file === 'unet-star.onnx');
      const head = async (path) => (await fetch(new URL(path, baseUrl), { method: 'HEAD' })).headers.get('cache-control');
      assert.equal(await head(`models/unet-star.onnx?v=${unet.sha256.slice(0, 16)}`), 'public, max-age=31536000, immutable');
      assert.equal(await head('models/unet-star.onnx?v=0123456789abcdef'), 'no-cache');
      assert.equal(await head('models/unet-star.onnx'), 'no-cache');
      assert.equal(await head('models/manifest.json'), 'no-cache');
      setMark(ctx);
    },
  },
  {
    name: 'an encoder run fetches each encoder file once and no UNet file',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      await page.goto(baseUrl);
      const backend = await waitForBackend(page);
      const rows = await analyseFiles(page, FILES.map((f) => join(FIXTURES, f)));
      checkAgainstTruth(rows);
      assert.equal(await page.inputValue('[data-testid="model-choice"]'), 'encoder');
      const all = since(ctx);
      for (const [where, urls] of Object.entries(all)) {
        assert.deepEqual(onnxIn(urls).sort(), files('encoder'), `${where}: each encoder file once (${backend.text})`);
      }
      // Content-addressed: ?v=<16 hex digits of the manifest's sha256>.
      for (const m of manifest.models.filter((x) => x.family === 'encoder')) {
        assert.ok(all.server.some((u) => u.endsWith(`/models/${m.file}?v=${m.sha256.slice(0, 16)}`)), `${m.file} requested with its version`);
      }
      setMark(ctx);
    },
  },
  {
    name: 'choosing UNet fetches exactly the three UNet files and shows the UNet answers',
    async run(ctx) {
      const { page } = ctx;
      await chooseModel(page, 'unet');
      const rows = await rowsOf(page, 'unet');
      checkAgainstTruth(rows);
      const got = since(ctx);
      assert.deepEqual(onnxIn(got.page).sort(), files('unet'), 'the page and its workers asked for each UNet file once');
      assert.deepEqual(onnxIn(got.server).sort(), files('unet'), 'each UNet file reached the server once');
      const cached = await cachedModels(page);
      for (const m of manifest.models) assert.equal(cached[m.file]?.sha256, m.sha256, `${m.file} is in Cache Storage, intact`);
      await screenshot(page, 'models-unet');
      setMark(ctx);
    },
  },
  {
    name: 'Both shows the encoder answers, marks the disagreement and filters on it, fetching nothing',
    async run(ctx) {
      const { page } = ctx;
      await chooseModel(page, 'both');
      const rows = await rowsOf(page, 'encoder');
      await poll(async () => (await readRows(page)).length === FILES.length, 'rows');
      const marks = await page.$$eval('[data-testid="result-row"]', (els) => Object.fromEntries(els.map((e) => [e.dataset.file, e.dataset.disagree])));
      for (const f of FILES) assert.equal(marks[f], String(f === DISAGREE), `${f}: data-disagree`);
      assert.ok(rows.length === FILES.length);
      const cell = await page.textContent(`[data-testid="result-row"][data-file="${DISAGREE}"] [data-col="unet"]`);
      assert.match(cell, /^≠ QSO 2\.38/);
      await page.check('[data-testid="filter-disagree"]');
      await poll(async () => {
        const shown = await readRows(page);
        return shown.length === 1 && shown[0].file === DISAGREE;
      }, 'only the disagreeing spectrum');
      await screenshot(page, 'models-both-table');
      await page.uncheck('[data-testid="filter-disagree"]');
      await poll(async () => (await readRows(page)).length === FILES.length, 'all rows back');
      assert.deepEqual(onnxIn(since(ctx).page), [], 'no model fetched for Both');
      setMark(ctx);
    },
  },
  {
    name: 'the compare view overlays both reconstructions and both families’ χ² curves (6), with both answers',
    async run(ctx) {
      const { page } = ctx;
      await page.click(`[data-testid="result-row"][data-file="${DISAGREE}"]`);
      const chi2 = await poll(async () => {
        const t = await traces(page, 'plot-chi2');
        return t && t.some((x) => / · UNet$/.test(x.name)) ? t : false;
      }, 'χ² traces of both families', { timeout: 60_000 });
      const shifts = shiftsPerClass();
      const curves = chi2.filter((t) => / · (encoder|UNet)$/.test(t.name));
      assert.deepEqual(curves.map((t) => t.name).sort(), ['GALAXY · UNet', 'GALAXY · encoder', 'QSO · UNet', 'QSO · encoder', 'STAR · UNet', 'STAR · encoder']);
      for (const t of curves) {
        assert.equal(t.n, shifts[t.name.split(' ')[0]], `${t.name}: one point per shift`);
        assert.equal(t.dash, t.name.endsWith('UNet') ? 'dash' : undefined, `${t.name}: UNet dashed, encoder solid`);
      }
      const spectrum = await poll(() => traces(page, 'plot-spectrum'), 'spectrum traces');
      const models = spectrum.filter((t) => /reconstruction$/.test(t.name));
      assert.deepEqual(models.map((t) => [t.name, t.dash, t.n]), [
        ['encoder QSO reconstruction', undefined, 4076],
        ['UNet QSO reconstruction', 'dash', 4076],
      ]);
      await page.click('[data-testid="tab-eigen"]');
      const eigen = await poll(() => traces(page, 'plot-eigenspectra'), 'eigenspectra traces');
      assert.equal(eigen.filter((t) => /E\d+/.test(t.name)).length, 10, 'the encoder eigenspectra stay');
      assert.match(await page.textContent('[data-testid="eigen-compare-note"]'), /no eigenspectra/);
      const ez = Number(await page.textContent('[data-testid="compare-encoder-z"]'));
      const uz = Number(await page.textContent('[data-testid="compare-unet-z"]'));
      assert.ok(Math.abs(ez - 2.399) < 2e-3 && Math.abs(uz - 2.384) < 2e-3, `encoder z ${ez}, UNet z ${uz}`);
      assert.match(await page.textContent('[data-testid="compare-verdict"]'), /^disagree/);
      await screenshot(page, 'models-compare');
      assert.deepEqual(onnxIn(since(ctx).page), [], 'the compare view fetched no model');
      setMark(ctx);
    },
  },
  {
    name: 'after a reload, a UNet analysis loads every model from Cache Storage: no .onnx request at all',
    async run(ctx) {
      const { page } = ctx;
      await page.reload();
      await waitForBackend(page);
      await chooseModel(page, 'unet');
      await analyseFiles(page, FILES.map((f) => join(FIXTURES, f)));
      checkAgainstTruth(await rowsOf(page, 'unet'));
      const got = since(ctx);
      assert.deepEqual(onnxIn(got.page), [], 'neither the page nor a worker asked for a model file');
      assert.deepEqual(onnxIn(got.server), [], 'no model request reached the server');
      assert.ok(got.server.some((u) => u.includes('/models/manifest.json')), 'the manifest is revalidated (the proof the server log works)');
      setMark(ctx);
    },
  },
  {
    name: 'a corrupt Cache Storage entry is dropped and only that file is fetched again',
    async run(ctx) {
      const { page } = ctx;
      await page.evaluate(async () => {
        const cache = await caches.open('gasnet-models-v1');
        const key = (await cache.keys()).find((r) => r.url.includes('/unet-galaxy.onnx'));
        const bytes = new Uint8Array(await (await cache.match(key)).arrayBuffer());
        bytes[bytes.length >> 1] ^= 0xff; // same length, different content
        await cache.put(key, new Response(bytes));
      });
      const before = await cachedModels(page);
      const galaxy = manifest.models.find((m) => m.file === 'unet-galaxy.onnx');
      assert.notEqual(before['unet-galaxy.onnx'].sha256, galaxy.sha256, 'the entry is corrupt now');
      setMark(ctx);
      await page.reload();
      await waitForBackend(page);
      await chooseModel(page, 'unet');
      await analyseFiles(page, FILES.map((f) => join(FIXTURES, f)));
      checkAgainstTruth(await rowsOf(page, 'unet'));
      assert.deepEqual(onnxIn(since(ctx).page), ['unet-galaxy.onnx'], 'only the corrupt file was fetched again');
      const after = await cachedModels(page);
      assert.equal(after['unet-galaxy.onnx'].sha256, galaxy.sha256, 'the entry is good again');
      assert.equal(Object.keys(after).length, manifest.models.length, 'one entry per model, no stale copies');
      await waitForRows(page, FILES.length);
    },
  },
];
