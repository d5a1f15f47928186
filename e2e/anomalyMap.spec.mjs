/**
 * Issue 13, the anomaly map: the 85 SDSS development spectra and one file of each external layout
 * (22 spectra) dropped at once. The outlier score column fills in (the batch scored in the map worker);
 * the map opens, embeds the batch in a class's coefficient space, and a click on a point opens the
 * spectrum view of that very spectrum; a box selection filters the table to the points inside it, and
 * the R-cut plot draws from the files' own answers; guided mode explains the map. Screenshots at 1280×720
 * and 1440×900.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXTERNAL, EXTERNAL_SAMPLE, FIXTURES, poll, readRows, screenshot } from './lib.mjs';

const SDSS = readdirSync(FIXTURES).filter((f) => f.endsWith('.fits')).sort().map((f) => join(FIXTURES, f));
const EXTERNAL_FILES = EXTERNAL_SAMPLE.map((f) => join(EXTERNAL, f));
const N = SDSS.length + 22;

/** The map's points: screen position and the row key each carries (Plotly keeps the datum on the SVG path). */
function mapPoints(page) {
  return page.$$eval('[data-testid="anomaly-map"] .scatterlayer .trace', (traces) => {
    const gd = document.querySelector('[data-testid="anomaly-map"] .js-plotly-plot');
    const out = [];
    traces.forEach((t, ti) => {
      t.querySelectorAll('path.point').forEach((p) => {
        const b = p.getBoundingClientRect();
        const i = p.__data__?.i;
        out.push({ x: b.x + b.width / 2, y: b.y + b.height / 2, key: gd.data[ti].customdata[i] });
      });
    });
    return out;
  });
}

/** Rows the table holds, from the filter bar's count ('107 rows' or '12 of 107 rows'). */
async function rowCount(page) {
  const t = await page.textContent('.filters-count');
  return Number(/^(\d+)/.exec(t ?? '')?.[1]);
}

export const tests = [
  {
    name: 'a batch of 107 spectra: every row gets an outlier score in its class',
    async run({ page, baseUrl }) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(baseUrl);
      // The table is virtual (only the rows in view are in the page): count by the progress bar.
      await page.setInputFiles('input[type="file"][multiple]', [...SDSS, ...EXTERNAL_FILES]);
      await poll(async () => {
        const p = await page.$eval('[data-testid="progress"]', (e) => ({ running: e.getAttribute('data-running'), done: Number(e.getAttribute('data-done')) }));
        return p.running === 'false' && p.done >= N;
      }, `${N} spectra analysed`, { timeout: 600_000, interval: 500 });
      assert.equal(await rowCount(page), N);
      const scored = await poll(async () => {
        const cells = await page.$$eval('[data-testid="result-row"] [data-col="outlier"]', (els) => els.map((e) => e.textContent));
        return cells.length > 0 && cells.filter((t) => /^\d+\.\d\d$/.test(t ?? '')).length >= cells.length * 0.8 ? cells : false;
      }, 'outlier scores in the table', { timeout: 60_000 });
      assert.ok(scored.length > 0);
      // Sorting by the score puts the most outlying first (descending: two clicks).
      await page.click('[data-sort-key="outlier"]');
      await page.click('[data-sort-key="outlier"]');
      const first = await page.$$eval('[data-testid="result-row"] [data-col="outlier"]', (els) => els.slice(0, 5).map((e) => Number(e.textContent)));
      for (let i = 1; i < first.length; i++) assert.ok(first[i] <= first[i - 1], `sorted descending: ${first}`);
    },
  },
  {
    name: 'the map opens, embeds the batch, and a click on a point opens that spectrum',
    async run({ page }) {
      await page.click('[data-testid="map-toggle"]');
      await poll(async () => (await page.getAttribute('[data-testid="map-status"]', 'data-status')) === 'ready', 'the map to be computed', { timeout: 180_000, interval: 250 });
      const points = await poll(async () => {
        const p = await mapPoints(page);
        return p.length >= N - 5 ? p : false;
      }, 'the map points', { timeout: 30_000 });
      // A point well inside the plot, then the spectrum view of that very spectrum.
      const box = await page.$eval('[data-testid="anomaly-map"] .nsewdrag', (e) => e.getBoundingClientRect().toJSON());
      const inside = points.filter((p) => p.x > box.x + 10 && p.x < box.x + box.width - 10 && p.y > box.y + 10 && p.y < box.y + box.height - 10);
      const target = inside[Math.floor(inside.length / 2)];
      await page.mouse.move(target.x, target.y);
      await page.waitForTimeout(300);
      await page.mouse.click(target.x, target.y);
      const shownKey = await poll(async () => {
        const k = await page.getAttribute('[data-testid="detail"]', 'data-key').catch(() => null);
        return k ?? false;
      }, 'the spectrum view to open', { timeout: 60_000 });
      // Another point may sit under the cursor at the same place: the key shown must be a point there.
      const here = points.filter((p) => Math.hypot(p.x - target.x, p.y - target.y) < 4).map((p) => p.key);
      assert.ok(here.includes(shownKey), `opened ${shownKey}, clicked on ${here.join(', ')}`);
      await page.waitForSelector('[data-testid="plot-spectrum"]', { timeout: 60_000 });
      const title = await page.textContent('[data-testid="view-title"]');
      assert.ok(title && shownKey.includes(title.split(' · ')[0]), `view title ${title} for key ${shownKey}`);
      await screenshot(page, 'anomaly-map-1440x900');
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.waitForTimeout(500);
      await screenshot(page, 'anomaly-map-1280x720');
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  },
  {
    name: 'a box drawn on the map filters the table to the points inside it; the R-cut plot draws',
    async run({ page }) {
      await page.waitForSelector('[data-testid="cut-plot"]', { timeout: 30_000 });
      await page.selectOption('[data-testid="map-colour"]', 'outlier');
      await page.click('[data-testid="anomaly-map"] [data-attr="dragmode"][data-val="select"]');
      const box = await page.$eval('[data-testid="anomaly-map"] .nsewdrag', (e) => e.getBoundingClientRect().toJSON());
      const x0 = box.x + box.width * 0.05, y0 = box.y + box.height * 0.05, x1 = box.x + box.width * 0.5, y1 = box.y + box.height * 0.95;
      const points = await mapPoints(page);
      const inBox = new Set(points.filter((p) => p.x > x0 && p.x < x1 && p.y > y0 && p.y < y1).map((p) => p.key));
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, { steps: 5 });
      await page.mouse.move(x1, y1, { steps: 5 });
      await page.mouse.up();
      await page.waitForSelector('[data-testid="map-selection-clear"]', { timeout: 10_000 });
      assert.ok(inBox.size > 0, 'points in the box');
      await poll(async () => (await rowCount(page)) === inBox.size, `the table to show the ${inBox.size} points in the box`, { timeout: 10_000 });
      // The inspection keys walk through the selection only.
      const shown = new Set((await readRows(page)).map((r) => `${r.file}#${r.index}`));
      assert.ok(shown.size <= inBox.size);
      const clear = await page.textContent('[data-testid="map-selection-clear"]');
      assert.ok(clear.includes(String(inBox.size)), `selection chip "${clear}" for ${inBox.size} points`);
      await screenshot(page, 'anomaly-map-selection-1440x900');
      // Guided mode: the map's step.
      await page.getByLabel('guided', { exact: true }).check();
      const note = await page.waitForSelector('[data-testid="guide-map"]', { timeout: 10_000 });
      assert.match(await note.textContent(), /broad-absorption-line quasar/);
      await screenshot(page, 'anomaly-map-guided-1440x900');
      await page.getByLabel('guided', { exact: true }).uncheck();
      await page.click('[data-testid="map-selection-clear"]');
      await poll(async () => (await rowCount(page)) === N, 'all rows back', { timeout: 10_000 });
    },
  },
];
