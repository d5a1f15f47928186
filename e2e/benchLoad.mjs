#!/usr/bin/env node
/**
 * Load benchmark (issue 10 item 6): how many bytes a visit moves and how
 * soon the first answer comes, measured with a byte-counting HTTP proxy in
 * front of `vite preview` (every byte the browser receives — page, workers,
 * service worker — crosses it, compressed as sent, headers included).
 *
 * One fresh headless Chromium profile:
 *   cold   — first visit: open the page, drop one SDSS file as soon as the
 *            file input exists, wait for its row, then for the network to be
 *            quiet (the service worker's precache included);
 *   reload — the same profile reloads, drops the file again, waits likewise.
 * Writes results/bench-load.json. Run: npm run bench:load (builds first).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import { FIXTURES, freePort, launch, poll, ROOT, startPreview, waitForBackend } from './lib.mjs';

const FILE = join(FIXTURES, 'spec-0375-52140-0356.fits');
const QUIET_MS = 1500;

/** A proxy to `upstream` that counts what it relays: bytes and requests, per URL. */
async function countingProxy(upstream) {
  const target = new URL(upstream);
  let log = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  const server = createServer((req, res) => {
    inFlight++;
    lastActivity = Date.now();
    const entry = { url: req.url, status: 0, bytes: 0, encoding: undefined };
    log.push(entry);
    const up = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (upRes) => {
      entry.status = upRes.statusCode;
      entry.encoding = upRes.headers['content-encoding'];
      // Status line and headers as sent on the wire (approximately: names and values as received).
      entry.bytes += `HTTP/1.1 ${upRes.statusCode} ${upRes.statusMessage}\r\n`.length + upRes.rawHeaders.reduce((n, h, i) => n + h.length + (i % 2 ? 2 : 2), 2);
      res.writeHead(upRes.statusCode, upRes.statusMessage, upRes.rawHeaders);
      upRes.on('data', (chunk) => {
        entry.bytes += chunk.length;
        lastActivity = Date.now();
      });
      upRes.pipe(res);
      upRes.on('end', () => {
        inFlight--;
        lastActivity = Date.now();
      });
    });
    up.on('error', () => {
      inFlight--;
      res.destroy();
    });
    req.pipe(up);
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${port}/`,
    take() {
      const out = log;
      log = [];
      return out;
    },
    quiet: () => inFlight === 0 && Date.now() - lastActivity >= QUIET_MS,
    close: () => new Promise((r) => server.close(r)),
  };
}

function summary(entries, firstResultMs, readyMs) {
  const byPath = new Map();
  for (const e of entries) {
    const path = new URL(e.url, 'http://x').pathname;
    const s = byPath.get(path) ?? { path, requests: 0, bytes: 0, statuses: [] };
    s.requests++;
    s.bytes += e.bytes;
    s.statuses.push(e.encoding ? `${e.status} ${e.encoding}` : String(e.status));
    byPath.set(path, s);
  }
  return {
    bytes: entries.reduce((n, e) => n + e.bytes, 0),
    requests: entries.length,
    firstResultMs,
    readyMs,
    largest: [...byPath.values()].sort((a, b) => b.bytes - a.bytes).slice(0, 8),
  };
}

async function visit(page, proxy, how) {
  const t0 = Date.now();
  if (how === 'cold') await page.goto(proxy.url);
  else await page.reload();
  await page.waitForSelector('input[type="file"][multiple]', { state: 'attached' });
  await page.setInputFiles('input[type="file"][multiple]', [FILE]);
  const firstResultMs = await poll(async () => ((await page.$('[data-testid="result-row"]:not(.restored)')) ? Date.now() - t0 : false), 'the first row', { interval: 10, timeout: 120_000 });
  await waitForBackend(page, 120_000);
  const readyMs = Date.now() - t0;
  // The service worker installs after the first result; wait for it and for the network to settle.
  await page.evaluate(() => Promise.race([navigator.serviceWorker?.ready, new Promise((r) => setTimeout(r, 15_000))]).then(() => true)).catch(() => false);
  await poll(() => proxy.quiet(), 'a quiet network', { timeout: 120_000, interval: 100 });
  return summary(proxy.take(), firstResultMs, readyMs);
}

const server = await startPreview();
const proxy = await countingProxy(server.baseUrl);
const browser = await launch();
try {
  const page = await browser.context.newPage();
  page.on('crash', () => console.error('the page crashed'));
  const cold = await visit(page, proxy, 'cold');
  console.log(`cold: ${cold.bytes} bytes, first result ${cold.firstResultMs} ms`);
  const reload = await visit(page, proxy, 'reload');
  const env = await page.evaluate(() => ({ cores: navigator.hardwareConcurrency, isolated: crossOriginIsolated, ua: navigator.userAgent, controlled: navigator.serviceWorker?.controller != null }));
  const mb = (b) => (b / 1e6).toFixed(2);
  console.log(`cold:   ${mb(cold.bytes)} MB in ${cold.requests} requests, first result ${cold.firstResultMs} ms after navigation`);
  for (const l of cold.largest) console.log(`          ${mb(l.bytes).padStart(6)} MB  ${l.path}  [${l.statuses.join(', ')}]`);
  console.log(`reload: ${(reload.bytes / 1e3).toFixed(1)} kB in ${reload.requests} requests, first result ${reload.firstResultMs} ms`);
  for (const l of reload.largest) console.log(`          ${(l.bytes / 1e3).toFixed(1).padStart(7)} kB  ${l.path}  [${l.statuses.join(', ')}]`);
  const out = {
    what: 'bytes received by headless Chromium through a counting proxy in front of vite preview (localhost), one SDSS file dropped at load',
    date: new Date().toISOString(),
    env,
    targets: { coldBytes: 6e6, reloadBytes: 200e3, firstResultMs: 1500 },
    cold,
    reload,
  };
  mkdirSync(join(ROOT, 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'results', 'bench-load.json'), JSON.stringify(out, null, 1) + '\n');
  console.log('written results/bench-load.json');
} finally {
  await browser.close();
  await proxy.close();
  server.stop();
}
