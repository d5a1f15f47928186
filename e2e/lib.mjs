/**
 * Helpers shared by the e2e harness and its specs: a vite preview server on
 * a free port, headless Debian chromium through playwright-core, polling
 * (never fixed sleeps), fixtures and screenshots.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'sdss');
export const EXTERNAL = join(ROOT, 'test', 'fixtures', 'external');
/** One or more files of each other instrument in test/fixtures/external (paths under EXTERNAL): 22 spectra. */
export const EXTERNAL_SAMPLE = [
  '2df/000001.fits',
  '2df/MGC23320.fit',
  '2df/J113606.3+001155a.fit',
  '6df/all-g2359555-392832.fits',
  'ozdes/OzDES-DR2_00394.fits',
  'marz/emlLogVacuumHelioCMB.fits',
  'marz/emlLogVacuumHelioMultiple.fits',
  'other/UGC_3374_ccds.fits',
  'lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz',
  'desi/coadd-4-80613-thru20210324.fits',
];
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function freePort() {
  const srv = createServer();
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address();
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** Poll `fn` until it returns a truthy value (returned) or `timeout` ms pass (throws with `what`). */
export async function poll(fn, what, { timeout = 30_000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * The built app the e2e runs serve: dist/, or E2E_OUT_DIR when set (build there with
 * `vite build --outDir`, so another `vite build` into dist/ on a shared checkout cannot
 * pull the files from under a running test).
 */
export const OUT_DIR = process.env.E2E_OUT_DIR ?? join(ROOT, 'dist');

/**
 * `vite preview` of the built app (OUT_DIR) on a free localhost port. `requestLog()`
 * lists the URLs (path + query) of the requests that reached the server
 * (vite/previewRequestLog.ts): what a browser cache answered is not there.
 */
export async function startPreview() {
  const port = await freePort();
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const logDir = mkdtempSync(join(tmpdir(), 'gasnet-requests-'));
  const logFile = join(logDir, 'requests.log');
  writeFileSync(logFile, '');
  const child = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', OUT_DIR], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GASNET_REQUEST_LOG: logFile },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}/`;
  try {
    await poll(async () => (await fetch(baseUrl)).ok, `vite preview on ${baseUrl}`, { timeout: 30_000, interval: 200 });
  } catch (e) {
    child.kill();
    throw new Error(`${e.message}\n${output}`);
  }
  const requestLog = () => readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
  return {
    baseUrl,
    requestLog,
    stop: () => {
      child.kill();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/** A fresh headless chromium profile; `webgpu` adds --enable-unsafe-webgpu (SwiftShader adapter), `args` any other switches. */
export async function launch({ webgpu = false, args = [] } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'gasnet-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(webgpu ? ['--enable-unsafe-webgpu'] : []), ...args],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** truth.csv beside the SDSS fixtures: Map file → { cls, z }. */
export function readTruth() {
  const lines = readFileSync(join(FIXTURES, 'truth.csv'), 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const [fi, ci, zi] = ['file', 'class', 'z'].map((c) => head.indexOf(c));
  return new Map(lines.slice(1).map((l) => {
    const c = l.split(',');
    return [c[fi], { cls: c[ci], z: Number(c[zi]) }];
  }));
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** The result rows as the DOM shows them (the contract attributes). */
export function readRows(page) {
  return page.$$eval('[data-testid="result-row"]', (els) =>
    els.map((e) => ({
      file: e.getAttribute('data-file'),
      index: e.getAttribute('data-index'),
      cls: e.getAttribute('data-class'),
      z: e.getAttribute('data-z'),
      qop: e.getAttribute('data-qop'),
      text: e.textContent,
    })),
  );
}

/** The progress bar's start stamp (changes with every new run). */
export function runStamp(page) {
  return page.evaluate(() => document.querySelector('[data-testid="progress"]')?.getAttribute('data-started') ?? null);
}

/** Choose files and wait for that run to finish: returns the rows then shown. */
export async function analyseFiles(page, paths, n = paths.length, timeout = 300_000) {
  const before = await runStamp(page);
  await page.setInputFiles('input[type="file"][multiple]', paths);
  await poll(async () => (await runStamp(page)) !== before, 'a new run to start', { timeout: 10_000 });
  return waitForRows(page, n, timeout);
}

/** Wait until `n` rows are shown and the analysis is no longer running. */
export async function waitForRows(page, n, timeout = 120_000) {
  return poll(async () => {
    const running = await page.evaluate(() => document.querySelector('[data-testid="progress"]')?.getAttribute('data-running') ?? 'true');
    const rows = await readRows(page);
    return running === 'false' && rows.length >= n ? rows : false;
  }, `${n} result rows`, { timeout, interval: 200 });
}

/** Wait until the workers report ready; returns the backend badge's data. */
export async function waitForBackend(page, timeout = 60_000) {
  return poll(async () => {
    const b = await page.$eval('[data-testid="backend"]', (e) => ({ status: e.getAttribute('data-status'), backend: e.getAttribute('data-backend'), text: e.textContent, title: e.getAttribute('title') }));
    if (b.status === 'error') throw new Error(`backend failed: ${b.title}`);
    return b.status === 'ready' ? b : false;
  }, 'the backend to be ready', { timeout, interval: 200 });
}

/** Plotly's traces in a plot container (the graph div carries `.data`). */
export function plotTraces(page, testId) {
  return page.$eval(`[data-testid="${testId}"]`, (el) => {
    const g = el.classList.contains('js-plotly-plot') ? el : el.querySelector('.js-plotly-plot');
    return g && Array.isArray(g.data) ? g.data.map((t) => ({ name: t.name, type: t.type, n: (t.y ?? t.x ?? []).length, visible: t.visible })) : null;
  });
}

/** Valid shifts per class, N_out − 4076 + 1, from the committed manifest (the length of each χ² curve). */
export function shiftsPerClass() {
  const m = JSON.parse(readFileSync(join(ROOT, 'public', 'models', 'manifest.json'), 'utf8'));
  return Object.fromEntries(m.models.filter((e) => e.family === 'encoder').map((e) => [e.cls, e.outputGrid.n - e.input.length + 1]));
}

/** |Δz|/(1+z), the paper's redshift error. */
export const dz = (z, zTrue) => Math.abs(z - zTrue) / (1 + zTrue);

/** RFC 4180 CSV → array of records keyed by the header row. */
export function parseCsv(raw) {
  const text = raw.replace(/^\uFEFF/, "");
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return { head, records: body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? '']))) };
}

/** Every stored decision, straight from IndexedDB (database 'gasnet-explorer', store 'decisions'). */
export function storedDecisions(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('gasnet-explorer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('decisions')) return resolve([]);
          const req = db.transaction('decisions').objectStore('decisions').getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}
