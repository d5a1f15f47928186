#!/usr/bin/env node
/**
 * Catalog benchmark: a 1,000,000-row Parquet catalog opened in the built app in headless chromium,
 * then sorted by χ² and filtered flagged only. The catalog is written here with hyparquet-writer from
 * the real analysis of the 85 SDSS fixtures (test/fixtures/catalog/sdss-analyze.jsonl, `npm run
 * analyze -- --json test/fixtures/sdss`), replicated under distinct file names and ids
 * (`spec-…-r0011764.fits`): real values, repeated. Times are the page's own clock:
 *   - open: the file input's change event → the catalog pane ready with its rows (the worker's
 *     read time is reported apart);
 *   - sort / filter: the click → the next frame painted after the table re-rendered.
 * The renderer's CPU time (CDP ProcessTime, workers included; ThreadTime for the page's thread) is
 * recorded beside each wall time: on a shared machine the wall clock stretches, CPU time does not.
 * Checks that the answers are right (the first row after the sort has the smallest χ²; the flagged
 * count is the replicated one). Writes results/bench-catalog.json. Run: npm run bench:catalog
 * (--rows N for another size, --runs N repetitions of each interaction, default 3).
 * The catalog is written twice and both are opened: every column nullable (OPTIONAL), as
 * `gasnet analyze --out` writes today, and REQUIRED wherever no value is missing (numbers missing as
 * NaN), to measure what the writer would gain: hyparquet assembles an OPTIONAL column value by value
 * into a plain array with nulls, a REQUIRED one comes out as the decoded typed array.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { catalogColumns, readAnalyzeRecords } from './catalogRows.mjs';
import { launch, poll, ROOT, startPreview, waitForBackend } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const nRows = opt('--rows', 1_000_000);
const runs = opt('--runs', 3);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

const records = readAnalyzeRecords();
const columns = catalogColumns(records, nRows);
const dir = mkdtempSync(join(tmpdir(), 'gasnet-bench-catalog-'));
const LAYOUTS = {
  nullable: { columns: 'every column OPTIONAL (nullable), as gasnet analyze --out writes today', nullable: () => true },
  required: { columns: 'REQUIRED where no value is missing (numbers missing as NaN), OPTIONAL otherwise', nullable: (c) => Array.isArray(c.data) && c.data.some((v) => v === null) },
};
const files = Object.entries(LAYOUTS).map(([layout, { columns: described, nullable }]) => {
  const tWrite = performance.now();
  const bytes = new Uint8Array(parquetWriteBuffer({ columnData: columns.map((c) => ({ ...c, nullable: nullable(c) })) }));
  const writeMs = performance.now() - tWrite;
  const path = join(dir, `bench-${nRows}-${layout}.parquet`);
  writeFileSync(path, bytes);
  console.log(`wrote ${nRows.toLocaleString('en')} rows (${layout}), ${(statSync(path).size / 1e6).toFixed(1)} MB, in ${(writeMs / 1000).toFixed(1)} s (hyparquet-writer, Node)`);
  return { layout, described, path, bytes: bytes.length, writeMs };
});

const isFlagged = records.map((r) => (r.anomaly ?? []).length > 0);
let expectFlagged = 0;
for (let i = 0; i < nRows; i++) if (isFlagged[i % records.length]) expectFlagged++;
const minChi2 = Math.min(...records.map((r) => r.chi2[r.class]));

const server = await startPreview();
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.goto(server.baseUrl);
  // The analysis workers start with the page: let them settle so they do not share the measurement.
  await waitForBackend(page, 120_000);
  const env = await page.evaluate(() => ({ cores: navigator.hardwareConcurrency, ua: navigator.userAgent }));
  // CPU seconds of the page's renderer process (workers included) and of its main thread (CDP Performance
  // metrics ProcessTime, ThreadTime): unlike the wall clock, not stretched by other work on the machine.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpu = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return { process: get('ProcessTime') * 1000, thread: get('ThreadTime') * 1000 };
  };

  // Open: change event → data-status="ready" (MutationObserver, page clock). Each layout in turn, in
  // a freshly loaded page, so one open does not pay for collecting the garbage of the one before.
  const openOne = async (f, fresh) => {
    if (fresh) {
      await page.goto(server.baseUrl);
      await waitForBackend(page, 120_000);
      await cdp.send('Performance.enable');
    }
    await page.evaluate(() => {
      const input = document.querySelector('[data-testid="catalog-input"]');
      window.__catalogOpen = new Promise((resolve) => {
        input.addEventListener(
          'change',
          () => {
            const t0 = performance.now();
            const name = input.files[0].name;
            const check = () => {
              const pane = document.querySelector('[data-testid="catalog-pane"]');
              const source = pane?.querySelector('.catalog-bar strong')?.getAttribute('title');
              if (pane?.getAttribute('data-status') === 'ready' && document.querySelector('[data-testid="catalog-row"]') && source === name) {
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
                return true;
              }
              return false;
            };
            const obs = new MutationObserver(() => check() && obs.disconnect());
            obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          },
          { once: true },
        );
      });
    });
    const loadAtOpen = Math.round(loadavg()[0] * 10) / 10;
    const cpuBefore = await cpu();
    await page.setInputFiles('[data-testid="catalog-input"]', f.path);
    const openMs = await page.evaluate(() => window.__catalogOpen);
    const cpuAfter = await cpu();
    const openCpu = { processMs: round(cpuAfter.process - cpuBefore.process), mainThreadMs: round(cpuAfter.thread - cpuBefore.thread) };
    const summary = await page.textContent('[data-testid="catalog-summary"]');
    const workerReadMs = Number(/read in ([\d.]+) s/.exec(summary)[1]) * 1000;
    const heapMB = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null));
    console.log(`open (${f.layout}): ${round(openMs)} ms, CPU ${openCpu.processMs} ms (worker read ${workerReadMs} ms) — ${summary}`);
    return {
      layout: f.layout,
      columns: f.described,
      bytes: f.bytes,
      writeSecondsNode: round(f.writeMs / 1000),
      openMs: round(openMs),
      workerReadMs,
      openCpu,
      heapMBAfterOpen: heapMB === null ? null : round(heapMB),
      loadAverageAtOpen: loadAtOpen,
    };
  };
  // The renderer's CPU with nothing to do (analysis workers idle, page at rest), per second: part of
  // every open's CPU time that the catalog does not cause.
  const idle0 = await cpu();
  await new Promise((r) => setTimeout(r, 5000));
  const idle1 = await cpu();
  const idleCpuMsPerSecond = { process: round((idle1.process - idle0.process) / 5), mainThread: round((idle1.thread - idle0.thread) / 5) };
  console.log(`idle renderer CPU: ${idleCpuMsPerSecond.process} ms per second`);
  const opens = [];
  // Twice each, alternating, so neither layout always comes first.
  for (const [k, f] of [...files, ...files].entries()) opens.push(await openOne(f, k > 0));

  /** Click `selector` in the page and time until the frame after React re-rendered. */
  const cpuClicks = [];
  const timeClick = async (selector) => {
    const before = await cpu();
    const ms = await page.evaluate(async (sel) => {
      const el = document.querySelector(sel);
      const t0 = performance.now();
      el.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }, selector);
    const after = await cpu();
    cpuClicks.push({ selector, wallMs: round(ms), mainThreadCpuMs: round(after.thread - before.thread) });
    return ms;
  };
  const firstRow = () => page.$eval('[data-testid="catalog-row"]', (e) => Number(e.getAttribute('data-row')));
  const shownCount = async () => Number((await page.textContent('[data-testid="catalog-shown"]')).split(' ')[0].replaceAll(',', ''));

  const chi2Header = '[data-sort-key="χ² (best)"]';
  const sortAsc = [];
  const sortDesc = [];
  for (let k = 0; k < runs; k++) {
    sortAsc.push(await timeClick(chi2Header));
    const r = records[(await firstRow()) % records.length];
    if (r.chi2[r.class] !== minChi2) throw new Error(`after sorting by χ² the first row has χ² ${r.chi2[r.class]}, not the smallest ${minChi2}`);
    sortDesc.push(await timeClick(chi2Header));
  }
  // Leave it ascending, then filter flagged only (on, off, on …).
  sortAsc.push(await timeClick(chi2Header));
  const flaggedOn = [];
  const flaggedOff = [];
  for (let k = 0; k < runs; k++) {
    flaggedOn.push(await timeClick('[data-testid="catalog-flagged"]'));
    const n = await shownCount();
    if (n !== expectFlagged) throw new Error(`flagged only shows ${n} rows, expected ${expectFlagged}`);
    flaggedOff.push(await timeClick('[data-testid="catalog-flagged"]'));
  }
  const fileSort = [await timeClick('[data-sort-key="file"]'), await timeClick('[data-sort-key="file"]')];

  const result = {
    what: 'open a Parquet catalog, sort by best χ², filter flagged only, in the built app (headless chromium)',
    catalog: {
      rows: nRows,
      columns: columns.length,
      flaggedRows: expectFlagged,
      madeFrom: 'test/fixtures/catalog/sdss-analyze.jsonl (npm run analyze -- --json test/fixtures/sdss, 85 real SDSS spectra), replicated under distinct file names and ids',
    },
    // Open CPU is the renderer's (page and workers); the interactions below run on the last catalog opened.
    opens,
    idleCpuMsPerSecond,
    interactionsCpu: cpuClicks,
    sortChi2AscendingMs: { median: round(median(sortAsc)), all: sortAsc.map(round) },
    sortChi2DescendingMs: { median: round(median(sortDesc)), all: sortDesc.map(round) },
    flaggedOnlyOnMs: { median: round(median(flaggedOn)), all: flaggedOn.map(round) },
    flaggedOnlyOffMs: { median: round(median(flaggedOff)), all: flaggedOff.map(round) },
    sortByFileMs: { firstWithDictionaryRanking: round(fileSort[0]), again: round(fileSort[1]) },
    environment: {
      ...env,
      machineCores: cpus().length,
      // Other work on the machine stretches every time here: the 1-minute load average when the page opened the catalog and at the end.
      loadAverageAtEnd: Math.round(loadavg()[0] * 10) / 10,
      date: new Date().toISOString(),
      note: 'ms are the page clock (wall); openCpu and interactionsCpu are CPU time (CDP ProcessTime / ThreadTime), which other work on the machine does not stretch',
    },
  };
  writeFileSync(join(ROOT, 'results', 'bench-catalog.json'), JSON.stringify(result, null, 2) + '\n');
  console.table({
    ...Object.fromEntries(opens.map((o) => [`open (${o.layout})`, { ms: o.openMs, cpuMs: o.openCpu.processMs, workerReadMs: o.workerReadMs }])),
    'sort χ² ↑': { ms: result.sortChi2AscendingMs.median, cpuMs: median(cpuClicks.filter((c, i) => i % 2 === 0 && c.selector.includes('χ²')).map((c) => c.mainThreadCpuMs)) },
    'sort χ² ↓': { ms: result.sortChi2DescendingMs.median },
    'flagged only': { ms: result.flaggedOnlyOnMs.median, cpuMs: median(cpuClicks.filter((c) => c.selector.includes('flagged')).map((c) => c.mainThreadCpuMs)) },
    'all rows again': { ms: result.flaggedOnlyOffMs.median },
    'sort by file (first)': { ms: result.sortByFileMs.firstWithDictionaryRanking },
  });
  console.log('wrote results/bench-catalog.json');
} finally {
  await browser.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
