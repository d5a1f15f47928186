/**
 * Other ways in, and failures: a real drop event on the drop zone (a FITS
 * file and a file that is not a spectrum), the example gallery, cancelling a
 * large batch, and the virtualised table with every fixture (scrolling and
 * filters reach rows that are not in the DOM at first).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFiles, dz, FIXTURES, poll, readRows, readTruth, runStamp, screenshot, waitForBackend, waitForRows } from './lib.mjs';

const truth = readTruth();
const ALL = readdirSync(FIXTURES).filter((f) => f.endsWith('.fits')).sort();

/** Dispatch dragover + drop on the drop zone with these files (name → bytes). */
async function drop(page, files) {
  const payload = files.map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]);
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const [name, b64] of items) {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bin], name));
    }
    const zone = document.querySelector('[data-testid="dropzone"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

export const tests = [
  {
    name: 'a dropped FITS file is analysed; a dropped non-spectrum becomes an error row with its reason',
    async run({ page, baseUrl }) {
      await page.goto(baseUrl);
      await waitForBackend(page);
      const good = 'spec-0783-52325-0322.fits';
      const before = await runStamp(page);
      await drop(page, [
        [good, readFileSync(join(FIXTURES, good))],
        ['broken.fits', Buffer.from('SIMPLE  =                    T / truncated right here')],
      ]);
      await poll(async () => (await runStamp(page)) !== before, 'the drop to start a run', { timeout: 10_000 });
      const rows = await waitForRows(page, 2);
      const ok = rows.find((r) => r.file === good);
      assert.equal(ok.cls, truth.get(good).cls);
      assert.ok(dz(Number(ok.z), truth.get(good).z) < 3e-3);
      const bad = rows.find((r) => r.file === 'broken.fits');
      assert.equal(bad.cls, 'error');
      assert.equal(bad.index, null, 'a file-level error has no spectrum index');
      assert.match(bad.text, /error.*(truncated|not-fits|corrupt-header)/);
      assert.match(await page.textContent('[data-testid="progress"]'), /1 error\b/);
      await page.click('[data-testid="result-row"][data-file="broken.fits"]');
      await page.waitForSelector('.detail-error');
      await screenshot(page, 'input-error-row');
    },
  },
  {
    name: 'an example from the gallery is fetched and analysed like a dropped file',
    async run({ page }) {
      await page.click('button:has-text("examples")');
      const item = await page.waitForSelector('[data-testid="gallery-item"][data-file="spec-1733-53047-0351.fits.gz"]');
      await screenshot(page, 'input-gallery');
      const before = await runStamp(page);
      await item.click();
      await poll(async () => (await runStamp(page)) !== before, 'the example to start a run', { timeout: 20_000 });
      const rows = await waitForRows(page, 1);
      const r = rows.find((x) => x.file === 'spec-1733-53047-0351.fits.gz');
      assert.ok(r, 'the example has a row');
      assert.equal(r.cls, 'GALAXY');
      assert.ok(dz(Number(r.z), 0.0562753826379776) < 3e-3);
      assert.equal(await page.$('[data-testid="gallery"]'), null, 'the gallery closes once a file is chosen');
    },
  },
  {
    name: `all ${ALL.length} fixtures: virtualised rows, reachable by scrolling and by filter`,
    async run({ page }) {
      await analyseFiles(page, ALL.map((f) => join(FIXTURES, f)), 1);
      const progress = await page.textContent('[data-testid="progress"]');
      assert.match(progress, new RegExp(`${ALL.length}/${ALL.length} spectra`));
      const inDom = (await readRows(page)).length;
      assert.ok(inDom < ALL.length, `only a window is rendered (${inDom} of ${ALL.length + 3})`);
      // The last file by name is not in the DOM until scrolled to.
      await page.click('[data-sort-key="file"]');
      const last = ALL.at(-1);
      await page.$eval('[data-testid="results-body"]', (el) => el.scrollTo(0, el.scrollHeight));
      const found = await poll(async () => (await readRows(page)).find((r) => r.file === last), `${last} after scrolling`);
      assert.equal(found.cls, truth.get(last).cls);
      // A filter brings rows from anywhere into view.
      await page.check('[data-filter-class="STAR"]');
      const stars = await poll(async () => {
        const rows = await readRows(page);
        return rows.length > 0 && rows.every((r) => r.cls === 'STAR') ? rows : false;
      }, 'only STAR rows');
      const trueStars = ALL.filter((f) => truth.get(f).cls === 'STAR');
      assert.ok(stars.length >= trueStars.length - 1, `${stars.length} STAR rows for ${trueStars.length} SDSS stars`);
      await screenshot(page, 'input-all-fixtures-stars');
      await page.uncheck('[data-filter-class="STAR"]');
    },
  },
  {
    name: 'cancel stops a large batch early, and the next file is analysed normally',
    async run({ page }) {
      const before = await runStamp(page);
      await page.setInputFiles('input[type="file"][multiple]', ALL.map((f) => join(FIXTURES, f)));
      await poll(async () => (await runStamp(page)) !== before, 'a new run', { timeout: 10_000, interval: 20 });
      await page.click('[data-testid="progress"] button:has-text("Cancel")');
      const p = await poll(async () => {
        const el = await page.$('[data-testid="progress"]');
        const running = await el.getAttribute('data-running');
        return running === 'false' ? { done: Number(await el.getAttribute('data-done')), text: await el.textContent() } : false;
      }, 'the run to stop');
      assert.ok(p.done < ALL.length, `stopped early: ${p.text}`);
      assert.equal(await page.$('[data-testid="progress"] button:has-text("Cancel")'), null);
      // The workers are still usable: the next file is analysed normally.
      const one = 'spec-0521-52326-0167.fits';
      const rows = await analyseFiles(page, [join(FIXTURES, one)], 1);
      assert.match(await page.textContent('[data-testid="progress"]'), /1\/1 spectra · 1\/1 files · 0 errors/);
      assert.ok(rows.length >= 1);
    },
  },
];
