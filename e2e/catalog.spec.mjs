/**
 * The explorer as a catalog triage desk, on the SDSS fixtures' own catalog (test/fixtures/catalog,
 * made from a real `npm run analyze -- --json` run): open the Parquet catalog, sort by χ², filter
 * flagged only, pick the spectra folder, open a row (its spectrum is analysed in a worker and the
 * normal plots show), set a QOP, export the catalog joined with the decision (CSV and JSON); the CSV
 * catalog opens from the main file picker; a broken catalog says which file and why.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAnalyzeRecords } from './catalogRows.mjs';
import { FIXTURES, parseCsv, plotTraces, poll, ROOT, screenshot, waitForBackend } from './lib.mjs';

const CATALOG = join(ROOT, 'test', 'fixtures', 'catalog');
const records = readAnalyzeRecords();
const bestChi2 = (r) => r.chi2[r.class];

const status = (page) => page.getAttribute('[data-testid="catalog-pane"]', 'data-status');
const catalogRows = (page) =>
  page.$$eval('[data-testid="catalog-row"]', (els) => els.map((e) => ({ row: Number(e.getAttribute('data-row')), file: e.getAttribute('data-file'), qop: e.getAttribute('data-qop') })));

let opened;

export const tests = [
  {
    name: 'a Parquet catalog opens in the catalog pane with every row',
    async run({ page, baseUrl }) {
      await page.goto(baseUrl);
      await waitForBackend(page);
      await page.setInputFiles('[data-testid="catalog-input"]', join(CATALOG, 'sdss.parquet'));
      await poll(async () => (await status(page)) === 'ready', 'the catalog to be read');
      assert.match(await page.textContent('[data-testid="catalog-summary"]'), /^85 rows · parquet · read in \d+\.\d\d s$/);
      assert.equal(await page.textContent('[data-testid="catalog-shown"]'), '85 of 85 shown');
      const rows = await catalogRows(page);
      assert.ok(rows.length >= 10, `rows in view: ${rows.length}`);
      assert.deepEqual(rows.slice(0, 5).map((r) => r.file), records.slice(0, 5).map((r) => r.file), 'file order at first');
      // An extra column the app does not know is shown as it is.
      assert.ok(await page.$('[data-testid="catalog-pane"] [data-sort-key="ms"]'), 'the ms column is shown');
    },
  },
  {
    name: 'sorting by χ² and filtering flagged only',
    async run({ page }) {
      await page.click('[data-sort-key="χ² (best)"]');
      const expected = records.map((r, i) => ({ i, c: bestChi2(r) })).sort((a, b) => a.c - b.c || a.i - b.i).map((x) => x.i);
      let rows = await poll(async () => {
        const r = await catalogRows(page);
        return r[0]?.row === expected[0] ? r : false;
      }, 'rows sorted by χ²');
      assert.deepEqual(rows.slice(0, 10).map((r) => r.row), expected.slice(0, 10));
      await page.click('[data-sort-key="χ² (best)"]');
      rows = await poll(async () => {
        const r = await catalogRows(page);
        return r[0]?.row === expected.at(-1) ? r : false;
      }, 'rows sorted by χ², descending');
      await page.check('[data-testid="catalog-flagged"]');
      const flagged = records.map((r, i) => ({ i, c: bestChi2(r), f: r.anomaly.length > 0 })).filter((x) => x.f).sort((a, b) => b.c - a.c || a.i - b.i).map((x) => x.i);
      rows = await poll(async () => {
        const r = await catalogRows(page);
        return r.length === flagged.length ? r : false;
      }, `${flagged.length} flagged rows`);
      assert.deepEqual(rows.map((r) => r.row), flagged);
      assert.equal(await page.textContent('[data-testid="catalog-shown"]'), `${flagged.length} of 85 shown`);
      await page.$eval('[data-testid="catalog-body"]', (e) => (e.scrollLeft = 0));
      await screenshot(page, 'catalog-flagged-1440');
    },
  },
  {
    name: 'a row opened before the folder is chosen asks for it; after choosing, its spectrum and χ² plots show',
    async run({ page }) {
      const first = (await catalogRows(page))[0];
      opened = records[first.row];
      await page.click(`[data-testid="catalog-row"][data-row="${first.row}"]`, { position: { x: 60, y: 10 } });
      await poll(async () => /Choose the folder/.test((await page.textContent('[data-testid="catalog-note"]')) ?? ''), 'the ask for a folder');
      await page.setInputFiles('[data-testid="catalog-folder-input"]', FIXTURES);
      assert.match(await page.textContent('[data-testid="catalog-folder"]'), /^sdss: 8\d spectrum files$/);
      const chi2 = await poll(() => plotTraces(page, 'plot-chi2'), 'χ² traces', { timeout: 120_000 });
      assert.equal(chi2.filter((t) => ['STAR', 'GALAXY', 'QSO'].includes(t.name)).length, 3);
      const spectrum = await poll(() => plotTraces(page, 'plot-spectrum'), 'spectrum traces');
      assert.ok(spectrum.filter((t) => t.n === 4076).length >= 2, 'data and reconstruction on the model grid');
      // The same spectrum as the catalog row: the app's own analysis row for that file, with the catalog's class.
      const result = await page.waitForSelector(`[data-testid="result-row"][data-file="${opened.file}"]`, { state: 'attached' });
      assert.equal(await result.getAttribute('data-class'), opened.class);
      assert.ok(Math.abs(Number(await result.getAttribute('data-z')) - opened.z) < 1e-6, 'the same z as the catalog');
      assert.match(await page.textContent('[data-testid="readout-z"]'), /\d\.\d{4}/);
      await screenshot(page, 'catalog-open-row-1440');
      await page.setViewportSize({ width: 1280, height: 720 });
      await screenshot(page, 'catalog-open-row-1280');
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  },
  {
    name: "pressing '3' flags the open spectrum; the catalog row shows it; export joins it to the catalog row (CSV and JSON)",
    async run({ page }) {
      await page.locator('body').press('3');
      await poll(async () => (await page.getAttribute(`[data-testid="catalog-row"][data-file="${opened.file}"]`, 'data-qop')) === '3', 'the catalog row to show QOP 3');
      const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="catalog-export-csv"]')]);
      assert.match(csvDownload.suggestedFilename(), /^sdss-decisions-\d{8}-\d{6}\.csv$/);
      const { head, records: lines } = parseCsv(readFileSync(await csvDownload.path(), 'utf8'));
      assert.deepEqual(head.slice(0, 3), ['file', 'index', 'id']);
      assert.ok(head.includes('chi2_galaxy') && head.includes('ms') && head.includes('user_qop'));
      assert.equal(lines.length, records.filter((r) => r.anomaly.length > 0).length, 'the shown (flagged) rows');
      const line = lines.find((l) => l.file === opened.file);
      assert.equal(line.user_qop, '3');
      assert.equal(line.class, opened.class);
      assert.equal(Number(line.z), opened.z);
      assert.equal(line.flags, opened.anomaly.join(';'));
      assert.ok(lines.filter((l) => l.user_qop !== '').length === 1, 'only that row has a decision');
      const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="catalog-export-json"]')]);
      const doc = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
      assert.equal(doc.catalog, 'sdss.parquet');
      assert.deepEqual(doc.rows.find((r) => r.file === opened.file), { ...doc.rows.find((r) => r.file === opened.file), user_qop: 3, class: opened.class, id: opened.id });
    },
  },
  {
    name: 'a CSV catalog opens from the main file picker, and a broken one says which file and why',
    async run({ page }) {
      await page.setInputFiles('input[type="file"][multiple]', join(CATALOG, 'sdss.csv'));
      await poll(async () => /^85 rows · csv/.test((await page.textContent('[data-testid="catalog-summary"]').catch(() => '')) ?? ''), 'the CSV catalog');
      // The decision made on the Parquet catalog's row shows on the CSV catalog's row: same spectrum.
      await page.check('[data-testid="catalog-flagged"]');
      await poll(async () => (await page.getAttribute(`[data-testid="catalog-row"][data-file="${opened.file}"]`, 'data-qop')) === '3', 'the QOP on the CSV row');
      await page.setViewportSize({ width: 1280, height: 720 });
      await screenshot(page, 'catalog-csv-1280');
      await page.setViewportSize({ width: 1440, height: 900 });
      const dir = mkdtempSync(join(tmpdir(), 'gasnet-catalog-'));
      const cut = join(dir, 'cut.parquet');
      writeFileSync(cut, readFileSync(join(CATALOG, 'sdss.parquet')).subarray(0, 4000));
      await page.setInputFiles('input[type="file"][multiple]', cut);
      const message = await poll(async () => {
        const text = (await page.textContent('[data-testid="catalog-message"]').catch(() => '')) ?? '';
        return /^cut/.test(text) ? text : false;
      }, 'the error');
      assert.match(message, /^cut\.parquet: not a readable catalog: \S/);
      // The catalog open before stays open.
      assert.equal(await status(page), 'ready');
      assert.match(await page.textContent('[data-testid="catalog-summary"]'), /^85 rows · csv/);
      await screenshot(page, 'catalog-error-1440');
    },
  },
];
