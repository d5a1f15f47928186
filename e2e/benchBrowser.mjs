#!/usr/bin/env node
/**
 * Browser benchmark: serves the built app, drops every SDSS fixture into
 * headless chromium and measures, for the backend the app chose (or the one
 * forced with --backend wasm|webgpu; --webgpu launches chromium with
 * --enable-unsafe-webgpu):
 *   - throughput: spectra per second, wall clock of the whole run (page clock);
 *   - worker time per spectrum (read, grid, networks, χ² scan), as the app shows it;
 *   - time to the first row;
 *   - opening a spectrum: click → χ² plot drawn.
 * Prints a table and writes bench-results/browser.json. Run: npm run bench:browser.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, launch, poll, readRows, ROOT, runStamp, startPreview, waitForBackend } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const backend = opt('--backend', 'auto');
const webgpu = args.includes('--webgpu') || backend === 'webgpu';
const runs = Number(opt('--runs', 3));
const files = readdirSync(FIXTURES).filter((f) => /\.fits(\.gz)?$/.test(f)).sort().map((f) => join(FIXTURES, f));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await startPreview();
const browser = await launch({ webgpu });
try {
  const page = await browser.context.newPage();
  await page.goto(server.baseUrl);
  if (backend !== 'auto') await page.selectOption('[data-testid="backend-choice"]', backend);
  const info = await poll(async () => {
    const b = await waitForBackend(page, 120_000);
    return backend === 'auto' || b.backend === backend ? b : false;
  }, `backend ${backend}`, { timeout: 120_000 });
  const env = await page.evaluate(() => ({ cores: navigator.hardwareConcurrency, isolated: crossOriginIsolated, ua: navigator.userAgent }));

  const measured = [];
  for (let run = 0; run < runs; run++) {
    const before = await runStamp(page);
    const t0 = Date.now();
    await page.setInputFiles('input[type="file"][multiple]', files);
    await poll(async () => (await runStamp(page)) !== before, 'the run to start', { timeout: 10_000, interval: 20 });
    const firstRowMs = await poll(async () => ((await page.$('[data-testid="result-row"]:not(.restored)')) ? Date.now() - t0 : false), 'a first row', { interval: 10, timeout: 120_000 });
    const r = await poll(async () => {
      const p = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="progress"]');
        const ms = document.querySelector('[data-testid="ms-per-spectrum"]')?.getAttribute('data-ms');
        const num = (a) => Number(el?.getAttribute(a));
        return { running: el?.getAttribute('data-running'), started: num('data-started'), finished: num('data-finished'), done: num('data-done'), errors: num('data-errors'), ms: Number(ms) };
      });
      return p.running === 'false' && Number.isFinite(p.finished) ? p : false;
    }, 'the run to finish', { timeout: 600_000, interval: 50 });
    // Counted by the progress bar: the table is virtualised, so the DOM holds only the rows in view.
    measured.push({ run, spectra: r.done - r.errors, errors: r.errors, wallMs: r.finished - r.started, firstRowMs, workerMsPerSpectrum: r.ms });
  }

  // Opening spectra: click a row, wait for its χ² plot to carry data.
  const opens = [];
  const rows = await readRows(page);
  for (const r of rows.slice(0, 8)) {
    const t0 = Date.now();
    await page.click(`[data-testid="result-row"][data-file="${r.file}"]`);
    await poll(() => page.evaluate((file) => {
      const d = document.querySelector('[data-testid="detail"]');
      const g = document.querySelector('[data-testid="plot-chi2"] .js-plotly-plot');
      return d?.getAttribute('data-key')?.includes(file) && g?.data?.length > 0;
    }, r.file), `the plots of ${r.file}`, { interval: 10, timeout: 60_000 });
    opens.push(Date.now() - t0);
  }

  const summary = {
    date: new Date().toISOString(),
    backend: info.backend,
    backendLabel: info.text,
    reason: info.title,
    webgpuFlag: webgpu,
    env,
    files: files.length,
    runs: measured,
    median: {
      spectraPerSecond: median(measured.map((m) => (1000 * m.spectra) / m.wallMs)),
      wallMs: median(measured.map((m) => m.wallMs)),
      workerMsPerSpectrum: median(measured.map((m) => m.workerMsPerSpectrum)),
      firstRowMs: median(measured.map((m) => m.firstRowMs)),
      openSpectrumMs: median(opens),
    },
    openSpectrumMs: opens,
  };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'browser.json'), JSON.stringify(summary, null, 2) + '\n');

  console.log(`backend: ${info.text} (${info.title})   cores ${env.cores}, crossOriginIsolated ${env.isolated}`);
  console.log('run  spectra  errors  wall ms  spectra/s  worker ms/spectrum  first row ms');
  for (const m of measured) {
    console.log(`${String(m.run).padStart(3)}  ${String(m.spectra).padStart(7)}  ${String(m.errors).padStart(6)}  ${m.wallMs.toFixed(0).padStart(7)}  ${((1000 * m.spectra) / m.wallMs).toFixed(1).padStart(9)}  ${m.workerMsPerSpectrum.toFixed(2).padStart(18)}  ${String(m.firstRowMs).padStart(12)}`);
  }
  const md = summary.median;
  console.log(`median: ${md.spectraPerSecond.toFixed(1)} spectra/s, ${md.workerMsPerSpectrum.toFixed(2)} ms/spectrum in a worker, first row ${md.firstRowMs} ms, open a spectrum ${md.openSpectrumMs} ms (click → χ² plot)`);
  console.log('wrote bench-results/browser.json');
} finally {
  await browser.close();
  server.stop();
}
