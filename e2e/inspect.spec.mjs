/**
 * Issue 9, the inspection workflow key by key, on six real SDSS spectra:
 * exploring (], [, the slider, a χ² minimum, S/G/Q, a typed z) saves
 * nothing; a QOP key, Enter or Shift+Enter accepts what is shown; the keys
 * work wherever the focus is except in a text box, which Esc leaves; the
 * table shows the final answer; guided mode hides the answer everywhere; at
 * 1280×720 and 1440×900 the plots and the table's key columns are on screen.
 * Each test names the defect of the issue it would have caught.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFiles, FIXTURES, parseCsv, poll, screenshot, storedDecisions, waitForBackend } from './lib.mjs';

const GALAXY = 'spec-0375-52140-0356.fits'; // z 0.04503
const GALAXY2 = 'spec-0504-52316-0040.fits'; // z 0.07212
const QSO_LOW = 'spec-0564-52224-0581.fits'; // z 0.51702
const QSO_HIGH = 'spec-11354-58441-0963.fits'; // z 2.39920
const STAR = 'spec-0559-52316-0121.fits';
const QSO_MID = 'spec-10287-58101-0547.fits';
const FILES = [GALAXY, GALAXY2, QSO_LOW, QSO_HIGH, STAR, QSO_MID];

const row = (file) => `[data-testid="result-row"][data-file="${file}"]`;
const readoutZ = (page) => page.textContent('[data-testid="readout-z"]');
const readoutClass = (page) => page.textContent('[data-testid="readout-class"]');
const notice = (page) => page.textContent('[data-testid="notice"]').catch(() => '');
const selectedFile = (page) => page.$eval('[data-testid="result-row"][aria-selected="true"]', (e) => e.getAttribute('data-file'));
const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

/** Wait until the open spectrum is `file` with its plots and readouts. */
async function viewOf(page, file) {
  await poll(async () => {
    const key = await page.getAttribute('[data-testid="decision-bar"]', 'data-key').catch(() => null);
    return key !== null && JSON.parse(key)[0] === file && (await page.$('[data-testid="readout-z"]')) && (await page.$('[data-testid="plot-chi2"] .main-svg'));
  }, `the view of ${file}`, { timeout: 60_000 });
}

async function open(page, file) {
  await page.click(row(file));
  await viewOf(page, file);
}

async function press(page, ...keys) {
  for (const k of keys) await page.keyboard.press(k);
}

const decisionOf = async (page, file) => (await storedDecisions(page)).find((d) => d.fileName === file);

export const tests = [
  {
    name: 'six SDSS spectra analysed',
    async run({ page, baseUrl }) {
      await page.goto(baseUrl);
      await waitForBackend(page);
      const rows = await analyseFiles(page, FILES.map((f) => join(FIXTURES, f)));
      assert.equal(rows.length, FILES.length);
    },
  },
  {
    name: 'exploring saves nothing: ], [, the slider, a χ² minimum and R only change what is shown (no "Saved", no user_z in the CSV)',
    async run({ page }) {
      await open(page, GALAXY);
      const z0 = await readoutZ(page);
      await press(page, ']');
      await poll(async () => (await readoutZ(page)) !== z0, '] to move z');
      assert.match(await notice(page), /GALAXY minimum 2 of \d+: z = .* \(not saved\)/);
      await press(page, '[', '[');
      const slider = await page.$('[data-testid="z-slider"]');
      await slider.focus();
      await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight');
      assert.equal(await selectedFile(page), GALAXY, 'the slider arrows move z, not the row');
      await page.click('[data-testid="minimum"] >> nth=1');
      await page.click('body', { position: { x: 5, y: 5 } });
      assert.equal(await page.getAttribute('[data-testid="decision-status"]', 'data-explored'), 'true');
      assert.equal(await page.textContent('[data-testid="decision-save-state"]'), '');
      assert.equal(await decisionOf(page, GALAXY), undefined, 'nothing stored');
      assert.equal(await page.getAttribute(row(GALAXY), 'data-decided'), 'false');
      assert.equal(await page.getAttribute(row(GALAXY), 'data-final-z'), await page.getAttribute(row(GALAXY), 'data-z'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
      const line = parseCsv(readFileSync(await download.path(), 'utf8')).records.find((r) => r.file === GALAXY);
      assert.ok(line, 'the CSV has the row');
      assert.ok('user_z' in line, 'the CSV has the user_z column');
      assert.equal(line.user_z, '', `no user_z: ${line.user_z}`);
      await press(page, 'R');
      await poll(async () => (await readoutZ(page)) === z0, 'R to show the pipeline z again');
      assert.equal(await page.getAttribute('[data-testid="decision-status"]', 'data-explored'), 'false');
    },
  },
  {
    name: 'a QOP key accepts the shown class and z with that QOP (Marz); the table shows it, marked, with the pipeline\'s answer on hover',
    async run({ page }) {
      await open(page, GALAXY);
      await press(page, ']');
      const shown = Number(await readoutZ(page));
      await press(page, '3');
      const d = await poll(() => decisionOf(page, GALAXY), 'the accepted decision');
      assert.equal(d.qop, 3);
      assert.ok(Math.abs(d.z - shown) < 1e-5, `z ${d.z} vs shown ${shown}`);
      assert.equal(await page.getAttribute(row(GALAXY), 'data-decided'), 'true');
      assert.equal(Number(await page.getAttribute(row(GALAXY), 'data-final-z')), d.z);
      assert.notEqual(await page.getAttribute(row(GALAXY), 'data-z'), String(d.z), 'data-z stays the pipeline answer');
      assert.match(await page.textContent(`${row(GALAXY)} [data-col="class"]`), /GALAXY ✎/);
      assert.match(await page.getAttribute(`${row(GALAXY)} [data-col="z"]`, 'title'), /^Yours \(accepted\).*QOP 3; the pipeline's: GALAXY z = 0\.04503/);
      assert.match(await page.textContent('[data-testid="decision-status"]'), /Accepted: GALAXY z = .* · QOP 3/);
      await screenshot(page, 'inspect-accepted');
      // Undo takes the acceptance back.
      await press(page, 'u');
      await poll(async () => (await decisionOf(page, GALAXY)) === undefined, 'undo to remove it');
    },
  },
  {
    name: "Esc leaves the comment box: 'j z 0.5 Q k u f f' typed after it does not land in the comment",
    async run({ page }) {
      await open(page, GALAXY);
      await press(page, 'c');
      assert.equal(await focused(page), 'decision-comment');
      await page.keyboard.type('hello');
      await press(page, 'Escape');
      assert.notEqual(await focused(page), 'decision-comment', 'Esc left the box');
      assert.ok(await page.$('[data-testid="spectrum-view"]'), 'the first Esc does not close the spectrum');
      await press(page, 'j');
      await poll(async () => (await selectedFile(page)) !== GALAXY, 'j to move on');
      const next = await selectedFile(page);
      await viewOf(page, next);
      await press(page, 'z', '0', '.', '5', 'Q', 'k', 'u', 'f', 'f');
      assert.equal(await focused(page), 'z-input', 'z went to the z box, the rest was typed there');
      await press(page, 'Escape');
      assert.equal(await focused(page), 'BODY');
      assert.equal(await page.isChecked('text=flagged only >> input').catch(() => false), false, 'f was typing, not the flagged filter');
      const d = await poll(() => decisionOf(page, GALAXY), "the first spectrum's comment");
      assert.equal(d.comment, 'hello');
      assert.equal((await storedDecisions(page)).length, 1, 'nothing else stored');
      await press(page, 'Escape');
      await poll(async () => !(await page.$('[data-testid="spectrum-view"]')), 'the second Esc closes the spectrum');
    },
  },
  {
    name: "after z, typing and Enter the typed z is shown and the keys work again: Q keeps z 0.5, u does not edit the z box",
    async run({ page }) {
      await open(page, GALAXY2);
      await press(page, 'z');
      await page.keyboard.type('0.5');
      await press(page, 'Enter');
      await poll(async () => (await readoutZ(page)) === '0.50000', 'the typed z shown');
      assert.equal(await focused(page), 'BODY', 'Enter gave the keys back');
      assert.equal(await decisionOf(page, GALAXY2), undefined, 'a typed z is not saved until accepted');
      await press(page, 'Q', 'u');
      await poll(async () => (await readoutClass(page)) === 'QSO', 'Q to show QSO');
      assert.equal(await readoutZ(page), '0.50000', "QSO's χ² curve covers 0.5: z kept");
      assert.match(await notice(page), /QSO at the same z = 0\.50000/);
      assert.equal(await page.inputValue('[data-testid="z-input"]'), '0.50000');
      // Enter accepts what is shown.
      await press(page, 'Enter');
      const d = await poll(() => decisionOf(page, GALAXY2), 'Enter to accept');
      assert.deepEqual([d.cls, d.z, d.qop], ['QSO', 0.5, undefined]);
      assert.equal(await page.getAttribute(row(GALAXY2), 'data-final-class'), 'QSO');
      assert.equal(await page.getAttribute(row(GALAXY2), 'data-class'), 'GALAXY', 'data-class stays the pipeline answer');
    },
  },
  {
    name: "G keeps z where GALAXY's χ² curve covers it, and says why it moves z where it does not",
    async run({ page }) {
      await open(page, QSO_LOW);
      await press(page, 'G');
      await poll(async () => (await readoutClass(page)) === 'GALAXY', 'G');
      assert.equal(await readoutZ(page), '0.51702');
      await open(page, QSO_HIGH);
      await press(page, 'G');
      await poll(async () => (await readoutClass(page)) === 'GALAXY', 'G');
      assert.notEqual(await readoutZ(page), '2.39920');
      assert.match(await notice(page), /GALAXY's χ² curve covers z .* not z = 2\.39920: shown at its best z/);
      assert.equal(await decisionOf(page, QSO_HIGH), undefined);
    },
  },
  {
    name: '] after j moves z through the minima of the shown class, without a click in the plot',
    async run({ page }) {
      await open(page, QSO_LOW);
      await press(page, 'Escape'); // closed
      await poll(async () => !(await page.$('[data-testid="spectrum-view"]')), 'closed');
      await open(page, STAR);
      await press(page, 'j');
      await poll(async () => (await selectedFile(page)) !== STAR, 'j');
      const next = await selectedFile(page);
      await viewOf(page, next);
      const z0 = await readoutZ(page);
      await press(page, ']');
      await poll(async () => (await readoutZ(page)) !== z0, '] to move z');
      await press(page, '[');
      await poll(async () => (await readoutZ(page)) === z0, '[ to come back to the best minimum');
    },
  },
  {
    name: 'Shift+Enter accepts and opens the next spectrum',
    async run({ page }) {
      await open(page, STAR);
      await press(page, '4');
      await press(page, 'Shift+Enter');
      await poll(async () => (await selectedFile(page)) !== STAR, 'the next spectrum');
      const d = await decisionOf(page, STAR);
      assert.equal(d.qop, 4);
      assert.equal(d.z, undefined, "the pipeline's z accepted: no manual z");
      assert.equal(await page.getAttribute(row(STAR), 'data-decided'), 'true');
      assert.equal(await page.textContent(`${row(STAR)} [data-col="qop"]`), '4');
    },
  },
  {
    name: 'guided mode hides the answer in the table row, the view header and the decision bar until the exercise is solved',
    async run({ page }) {
      await open(page, QSO_MID);
      await press(page, 'g');
      await poll(async () => (await page.getAttribute(row(QSO_MID), 'data-answer-hidden')) === 'true', 'the row hidden');
      for (const col of ['class', 'z', 'flags']) assert.equal(await page.textContent(`${row(QSO_MID)} [data-col="${col}"]`), '?', col);
      assert.equal(await page.getAttribute(row(QSO_MID), 'data-final-class'), null);
      assert.equal(await page.$('[data-testid="view-truth"]'), null, 'no "file says"');
      const bar = await page.textContent('[data-testid="decision-bar"]');
      assert.doesNotMatch(bar, /QSO|1\.80/, bar);
      await press(page, ']', 'R', '4');
      assert.equal(await decisionOf(page, QSO_MID), undefined, 'no accepting before the answer is found');
      await screenshot(page, 'inspect-guided');
      await page.click('text=Show the answer');
      await poll(async () => (await page.getAttribute(row(QSO_MID), 'data-answer-hidden')) === null, 'the row shown again');
      assert.equal(await page.textContent(`${row(QSO_MID)} [data-col="class"]`), 'QSO');
      await press(page, 'g');
    },
  },
  {
    name: 'laptop layout: at 1280×720 and 1440×900 the header is one line, the spectrum and χ² plots and the key column headers are on screen, the page does not scroll',
    async run({ page }) {
      await open(page, GALAXY2);
      for (const [width, height] of [[1280, 720], [1440, 900]]) {
        await page.setViewportSize({ width, height });
        await poll(async () => {
          const b = await page.$eval('[data-testid="plot-spectrum"] .main-svg', (e) => e.getBoundingClientRect().height);
          return b > 150;
        }, 'the plots resized');
        await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
        const at = `${width}×${height}`;
        await screenshot(page, `inspect-layout-${width}x${height}`);
        const m = await page.evaluate(() => {
          const box = (sel) => {
            const r = document.querySelector(sel)?.getBoundingClientRect();
            return r && { left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height };
          };
          const pane = box('.table-pane');
          const heads = Object.fromEntries(['file', 'class', 'z', 'qop', 'flags'].map((k) => [k, box(`.results-head [data-sort-key="${k}"]`)]));
          const qopHead = document.querySelector('.results-head [data-sort-key="qop"]');
          return {
            header: box('.app-header'),
            h1: box('.app-header h1'),
            help: box('.app-header button[aria-label="Keyboard shortcuts"]'),
            spectrum: box('[data-testid="plot-spectrum"]'),
            chi2: box('[data-testid="plot-chi2"]'),
            pane,
            heads,
            qopClipped: qopHead.scrollWidth > qopHead.clientWidth,
            pageScroll: document.scrollingElement.scrollHeight - window.innerHeight,
            inner: [window.innerWidth, window.innerHeight],
          };
        });
        assert.ok(m.header.height < 48 && m.help.top < m.h1.bottom && m.help.right <= width, `${at}: the header is one line with the help button on screen: ${JSON.stringify([m.header, m.help])}`);
        for (const p of ['spectrum', 'chi2']) {
          const b = m[p];
          assert.ok(b.left >= 0 && b.top >= 0 && b.right <= width && b.bottom <= height, `${at}: plot ${p} inside the viewport: ${JSON.stringify(b)}`);
        }
        for (const [k, b] of Object.entries(m.heads)) assert.ok(b.right <= m.pane.right && b.bottom <= height && b.left >= m.pane.left, `${at}: column ${k} visible: ${JSON.stringify(b)} in ${JSON.stringify(m.pane)}`);
        assert.equal(m.qopClipped, false, `${at}: the QOP header is not cut to "Q…"`);
        assert.ok(m.pageScroll <= 0, `${at}: the page does not scroll (${m.pageScroll} px)`);
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  },
];
