/**
 * Issue 9 item 3 in the app: what Marz and Prospect users reach for in the spectrum view, on real
 * files — target facts in the header (DESI fibre map), DESI b/r/z arm colours, display smoothing
 * by control and by the 's' key (display only: the row's answer is unchanged), noise and the
 * file's sky on demand (2dF MGC has a sky row, the DESI coadd has none), the ranked minima of every
 * class, and Marz line matching: click a feature, pick its line, and z is previewed (not saved).
 * Screenshots at 1280×720 and 1440×900.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyseFiles, FIXTURES, plotTraces, poll, readRows, ROOT, screenshot, waitForBackend } from './lib.mjs';

const EXTERNAL = join(ROOT, 'test', 'fixtures', 'external');
const DESI = 'coadd-4-80613-thru20210324.fits';
const MGC = 'MGC23320.fit';
const GALAXY = 'spec-0375-52140-0356.fits';
const PATHS = [join(EXTERNAL, 'desi', DESI), join(EXTERNAL, '2df', MGC), join(FIXTURES, GALAXY)];

async function openRow(page, file) {
  await page.click(`[data-testid="result-row"][data-file="${file}"]`);
  await poll(async () => (await page.getAttribute('[data-testid="detail"]', 'data-key'))?.includes(file), `${file} open`);
  await page.waitForSelector('[data-testid="plot-spectrum"] .js-plotly-plot', { timeout: 60_000 });
}

/** Scroll the spectrum panel (controls and plot) into view, for screenshots and clicks. */
async function showPlot(page) {
  await page.$eval('[data-testid="plot-spectrum"]', (el) => el.closest('.view-panel').scrollIntoView({ block: 'start' }));
}

const traceNames = async (page) => (await poll(() => plotTraces(page, 'plot-spectrum'), 'spectrum traces')).map((t) => t.name);

export const tests = [
  {
    name: 'a DESI coadd, a 2dF MGC spectrum and an SDSS galaxy are analysed',
    async run({ page, baseUrl }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      await waitForBackend(page);
      const rows = await analyseFiles(page, PATHS);
      assert.equal(rows.length, 3);
    },
  },
  {
    name: 'DESI: the header shows RA/Dec, the target bits and g r z magnitudes from the fibre map; the data is coloured by arm b, r, z',
    async run({ page }) {
      await openRow(page, DESI);
      assert.equal(await page.textContent('[data-testid="target-position"]'), 'RA, Dec 07:01:57.55 +56:40:09.5 (105.48977°, +56.66930°)');
      assert.match(await page.textContent('[data-testid="target-type"]'), /^target BGS_ANY \(SV1_DESI_TARGET \d+\)$/);
      assert.equal(await page.textContent('[data-testid="target-mags"]'), 'mag g 21.22 · r 20.56 · z 20.20');
      const names = await traceNames(page);
      for (const arm of ['b', 'r', 'z']) assert.ok(names.includes(`${arm} arm`), JSON.stringify(names));
      assert.ok(await page.isDisabled('[data-testid="toggle-sky"]'), 'a DESI coadd has no sky');
      await page.uncheck('[data-testid="toggle-arms"]');
      await poll(async () => (await traceNames(page)).includes('input F (normalised)'), 'one data trace without arm colours');
      await page.check('[data-testid="toggle-arms"]');
      await page.check('[data-testid="toggle-noise"]');
      await poll(async () => (await traceNames(page)).includes('noise σ (right axis)'), 'the noise trace');
      await showPlot(page);
      await screenshot(page, 'spectrum-view-desi-1280');
    },
  },
  {
    name: "'s' cycles the smoothing (off → 3 → 5 px), the kernel can be Gaussian; the row's class and z do not change",
    async run({ page }) {
      const before = (await readRows(page)).find((r) => r.file === DESI);
      const readout = await page.textContent('[data-testid="readout-z"]');
      await page.locator('[data-testid="view-title"]').click();
      await page.keyboard.press('s');
      await poll(async () => (await page.inputValue('[data-testid="smoothing-width"]')) === '3', 'width 3');
      await poll(async () => (await traceNames(page)).some((n) => n?.includes('boxcar 3 px')), 'the boxcar-smoothed traces');
      await page.keyboard.press('s');
      await poll(async () => (await page.inputValue('[data-testid="smoothing-width"]')) === '5', 'width 5');
      await page.selectOption('[data-testid="smoothing-kind"]', 'gaussian');
      await poll(async () => (await traceNames(page)).some((n) => n?.includes('Gaussian FWHM 5 px')), 'the Gaussian-smoothed traces');
      await showPlot(page);
      await screenshot(page, 'spectrum-view-smoothed-1280');
      const after = (await readRows(page)).find((r) => r.file === DESI);
      assert.deepEqual({ cls: after.cls, z: after.z, qop: after.qop }, { cls: before.cls, z: before.z, qop: before.qop });
      assert.equal(await page.textContent('[data-testid="readout-z"]'), readout);
    },
  },
  {
    name: "2dF MGC: the file's sky row is shown on demand on the right axis",
    async run({ page }) {
      await openRow(page, MGC);
      assert.ok(!(await page.isDisabled('[data-testid="toggle-sky"]')));
      assert.ok(!(await traceNames(page)).includes('sky (right axis)'));
      await page.check('[data-testid="toggle-sky"]');
      await poll(async () => (await traceNames(page)).includes('sky (right axis)'), 'the sky trace');
      const y3 = await page.$eval('[data-testid="plot-spectrum"] .js-plotly-plot', (g) => g.layout.yaxis3?.side);
      assert.equal(y3, 'right');
      await showPlot(page);
      await screenshot(page, 'spectrum-view-sky-1280');
    },
  },
  {
    name: 'SDSS galaxy: every class has ranked minima listed; clicking the spectrum at Hα and picking Hα previews z = λ/6564.61 − 1 without saving',
    async run({ page }) {
      await openRow(page, GALAXY);
      const classes = await page.$$eval('[data-testid="minimum"]', (els) => [...new Set(els.map((e) => e.getAttribute('data-class')))]);
      assert.deepEqual([...classes].sort(), ['GALAXY', 'QSO', 'STAR']);
      await page.$eval('[data-testid="minima-list"]', (el) => el.scrollIntoView({ block: 'center' }));
      await screenshot(page, 'spectrum-view-minima-1280');
      const row = (await readRows(page)).find((r) => r.file === GALAXY);
      const z0 = Number(row.z);
      // Hα of this galaxy, where the plot draws it (x: vacuum Å), 20 Å to the red, so the new z differs.
      const target = 6564.61 * (1 + z0) + 20;
      await showPlot(page);
      const at = await page.$eval('[data-testid="plot-spectrum"] .js-plotly-plot', (g, lam) => {
        const xa = g._fullLayout.xaxis;
        const ya = g._fullLayout.yaxis;
        const trace = g.data.find((t) => String(t.name).startsWith('input F'));
        let k = 0;
        for (let i = 0; i < trace.x.length; i++) if (Math.abs(trace.x[i] - lam) < Math.abs(trace.x[k] - lam)) k = i;
        const r = g.getBoundingClientRect();
        return { x: r.left + xa._offset + xa.l2p(trace.x[k]), y: r.top + ya._offset + ya.l2p(trace.y[k]), lam: trace.x[k] };
      }, target);
      await page.mouse.move(at.x, at.y);
      await page.mouse.click(at.x, at.y);
      const menu = await page.waitForSelector('[data-testid="line-match-menu"]', { timeout: 10_000 });
      const lam = Number(await menu.getAttribute('data-lambda'));
      assert.ok(Math.abs(lam - at.lam) < 3, `clicked at ${at.lam} Å, menu for ${lam} Å`);
      await screenshot(page, 'spectrum-view-line-match-1280');
      const option = page.locator('[data-testid="line-match-option"][data-line="Hα"]');
      const zPick = Number(await option.getAttribute('data-z'));
      assert.ok(Math.abs(zPick - (lam / 6564.61 - 1)) < 1e-4, `z for Hα at ${lam}: ${zPick}`);
      await option.click();
      await poll(async () => (await page.textContent('[data-testid="readout-z"]')) === zPick.toFixed(5), `the z readout at ${zPick}`);
      assert.equal(await page.textContent('[data-testid="readout-class"]'), 'GALAXY');
      // a preview: the row keeps the pipeline's z, nothing saved
      await new Promise((r) => setTimeout(r, 800));
      assert.equal((await readRows(page)).find((r) => r.file === GALAXY).z, row.z);
      assert.equal(await page.getAttribute(`[data-testid="result-row"][data-file="${GALAXY}"]`, 'data-decided'), 'false');
      assert.equal(await page.$('[data-testid="line-match-menu"]'), null);
    },
  },
  {
    name: 'at 1440×900 the header facts, the controls and the spectrum plot are in view',
    async run({ page }) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await openRow(page, DESI);
      for (const id of ['target-position', 'smoothing-width', 'toggle-sky', 'toggle-arms']) {
        const box = await page.locator(`[data-testid="${id}"]`).boundingBox();
        assert.ok(box && box.width > 0, `${id} is laid out`);
      }
      await showPlot(page);
      await screenshot(page, 'spectrum-view-desi-1440');
      await page.setViewportSize({ width: 1280, height: 720 });
    },
  },
];
