/**
 * Issue 9's "done when": the inspection walk-through of a 25-file SDSS batch
 * with the keyboard only — open, explore, accept with QOP keys, comment,
 * manual z, class change, undo, reload, export, merge with a second
 * inspector's export — leaves exactly the
 * decisions that were accepted. Spectra that were only explored (z moved,
 * minima stepped through, class switched) have no decision in IndexedDB, the
 * JSON or the CSV export.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseFiles, FIXTURES, parseCsv, poll, readRows, screenshot, storedDecisions, waitForBackend } from './lib.mjs';

const FILES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.fits'))
  .sort()
  .slice(0, 25);

const readoutZ = async (page) => Number(await page.textContent('[data-testid="readout-z"]'));
const selectedFile = (page) => page.$eval('[data-testid="result-row"][aria-selected="true"]', (e) => e.getAttribute('data-file'));

async function press(page, ...keys) {
  for (const k of keys) await page.keyboard.press(k);
}

/** Wait until the open spectrum is `file`, plots drawn. */
async function viewOf(page, file) {
  await poll(async () => {
    const key = await page.getAttribute('[data-testid="decision-bar"]', 'data-key').catch(() => null);
    return key !== null && JSON.parse(key)[0] === file && (await page.$('[data-testid="plot-chi2"] .main-svg'));
  }, `the view of ${file}`, { timeout: 60_000 });
}

/** Press j (or the first press opens the first row) and wait for that spectrum. */
async function next(page, order, i) {
  await press(page, 'j');
  await poll(async () => (await selectedFile(page)) === order[i], `row ${i} selected`);
  await viewOf(page, order[i]);
}

/** file → the decision the walk-through accepted (fields as stored). */
const expected = new Map();
/** Files explored without accepting. */
const exploredOnly = new Set();
let order;

/** Export through the keyboard: focus the button, press Enter. Returns the file's text. */
async function exportText(page, kind) {
  await page.focus(`[data-testid="export-${kind}"]`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return readFileSync(await download.path(), 'utf8');
}

function assertDecision(file, got, where) {
  const want = expected.get(file);
  assert.ok(got, `${where}: ${file} has its accepted decision`);
  assert.equal(got.qop, want.qop, `${where}: ${file} QOP`);
  assert.equal(got.cls, want.cls, `${where}: ${file} class`);
  assert.equal(got.comment, want.comment, `${where}: ${file} comment`);
  if (want.z === undefined) assert.equal(got.z, undefined, `${where}: ${file} z`);
  else assert.ok(Math.abs(got.z - want.z) < 1e-5, `${where}: ${file} z ${got.z} vs ${want.z}`);
}

export const tests = [
  {
    name: 'a 25-file SDSS batch is analysed',
    async run({ page, baseUrl }) {
      await page.goto(baseUrl);
      await waitForBackend(page);
      const rows = await analyseFiles(page, FILES.map((f) => join(FIXTURES, f)), 25);
      order = rows.map((r) => r.file);
      assert.equal(new Set(order).size, 25);
    },
  },
  {
    name: 'keyboard only: explore without accepting, accept with QOP keys, comment, manual z, class change, undo',
    async run({ page }) {
      await page.click('body', { position: { x: 2, y: 2 } }); // no control focused

      // 0: explore (minima, z typed, class) and move on without accepting.
      await next(page, order, 0);
      const z0 = await readoutZ(page);
      await press(page, ']', ']');
      await poll(async () => (await readoutZ(page)) !== z0, '] to move z');
      await press(page, 'z');
      await page.keyboard.type('0.3');
      await press(page, 'Enter', 'Q');
      exploredOnly.add(order[0]);

      // 1: the pipeline's answer is right: QOP 4.
      await next(page, order, 1);
      await press(page, '4');
      expected.set(order[1], { qop: 4 });

      // 2: the second minimum is the right one: ] then QOP 3.
      await next(page, order, 2);
      const z2 = await readoutZ(page);
      await press(page, ']');
      await poll(async () => (await readoutZ(page)) !== z2, '] to move z');
      expected.set(order[2], { qop: 3, z: await readoutZ(page), cls: undefined });
      await press(page, '3');

      // 3: a comment, Esc out of the box, then QOP 2.
      await next(page, order, 3);
      await press(page, 'c');
      await page.keyboard.type('odd continuum, check the blue end');
      await press(page, 'Escape', '2');
      expected.set(order[3], { qop: 2, comment: 'odd continuum, check the blue end' });

      // 4: a manual z: z, type, Enter shows it, 3 accepts it.
      await next(page, order, 4);
      const cls4 = await page.textContent('[data-testid="readout-class"]');
      const typed = cls4 === 'STAR' ? 0.0012 : 0.1234; // within the class's range
      await press(page, 'z');
      await page.keyboard.type(String(typed));
      await press(page, 'Enter');
      await poll(async () => (await readoutZ(page)) === typed, 'the typed z shown');
      await press(page, '3');
      expected.set(order[4], { qop: 3, z: typed });

      // 5: a class change accepted with Shift+Enter (accept and next), which opens 6.
      await viewOf(page, order[4]);
      await next(page, order, 5);
      const pipelineCls5 = await page.getAttribute(`[data-testid="result-row"][data-file="${order[5]}"]`, 'data-class');
      const other = pipelineCls5 === 'QSO' ? 'G' : 'Q';
      await press(page, other);
      await poll(async () => (await page.textContent('[data-testid="readout-class"]')) !== pipelineCls5, 'the class switched');
      const z5 = await readoutZ(page);
      await press(page, 'Shift+Enter');
      await poll(async () => (await selectedFile(page)) === order[6], 'Shift+Enter to open the next row');
      expected.set(order[5], { cls: other === 'G' ? 'GALAXY' : 'QSO', z: z5 });

      // 6: accepted by mistake, then undone.
      await viewOf(page, order[6]);
      await press(page, '1');
      await poll(async () => (await page.getAttribute(`[data-testid="result-row"][data-file="${order[6]}"]`, 'data-decided')) === 'true', 'the mistake accepted');
      await press(page, 'u');
      await poll(async () => (await page.getAttribute(`[data-testid="result-row"][data-file="${order[6]}"]`, 'data-decided')) === 'false', 'undo');
      exploredOnly.add(order[6]);

      // 7: explore with the slider's arrows and a class key, then close with Esc.
      await next(page, order, 7);
      await page.focus('[data-testid="z-slider"]');
      await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight');
      await page.keyboard.press('S');
      await press(page, 'Escape');
      await poll(async () => !(await page.$('[data-testid="spectrum-view"]')), 'Esc closes the spectrum');
      exploredOnly.add(order[7]);

      await poll(async () => (await storedDecisions(page)).length === expected.size, `${expected.size} decisions stored`);
      await screenshot(page, 'walkthrough-before-reload');
    },
  },
  {
    name: 'after a reload IndexedDB and the table hold exactly the accepted decisions',
    async run({ page }) {
      await page.reload();
      await poll(async () => (await readRows(page)).length >= 25, 'the restored rows');
      const stored = await storedDecisions(page);
      assert.deepEqual(stored.map((d) => d.fileName).sort(), [...expected.keys()].sort(), 'stored = accepted');
      for (const d of stored) assertDecision(d.fileName, d, 'IndexedDB');
      const decided = await page.$$eval('[data-testid="result-row"][data-decided="true"]', (els) => els.map((e) => e.getAttribute('data-file')));
      assert.deepEqual(decided.sort(), [...expected.keys()].filter((f) => expected.get(f).qop !== undefined || expected.get(f).z !== undefined || expected.get(f).cls !== undefined).sort());
      for (const f of exploredOnly) assert.equal(await page.getAttribute(`[data-testid="result-row"][data-file="${f}"]`, 'data-decided'), 'false', `${f} was only explored`);
    },
  },
  {
    name: 'the JSON and CSV exports carry exactly the accepted decisions',
    async run({ page }) {
      const json = JSON.parse(await exportText(page, 'json'));
      const withDecision = json.rows.filter((r) => r.decision);
      assert.deepEqual(withDecision.map((r) => r.fileName).sort(), [...expected.keys()].sort(), 'JSON rows with a decision');
      for (const r of withDecision) assertDecision(r.fileName, r.decision, 'JSON');
      assert.equal(json.rows.length, 25);

      const csv = parseCsv(await exportText(page, 'csv')).records;
      assert.equal(csv.length, 25);
      for (const line of csv) {
        const want = expected.get(line.file);
        if (!want) {
          assert.deepEqual([line.user_qop, line.user_z, line.user_class, line.user_comment], ['', '', '', ''], `CSV ${line.file}: no decision`);
          continue;
        }
        assertDecision(line.file, {
          qop: line.user_qop === '' ? undefined : Number(line.user_qop),
          z: line.user_z === '' ? undefined : Number(line.user_z),
          cls: line.user_class || undefined,
          comment: line.user_comment || undefined,
        }, 'CSV');
      }
    },
  },
  {
    name: "merging a second inspector's export: the disagreements listed, resolved by key, the merged table keeps both",
    async run({ page }) {
      // Inspector B re-inspected the same batch (B's JSON export: ours with three answers changed).
      const json = JSON.parse(await exportText(page, 'json'));
      const now = Date.now();
      const byFile = new Map(json.rows.map((r) => [r.fileName, r]));
      byFile.get(order[1]).decision = { ...byFile.get(order[1]).decision, qop: 3, updatedAt: now }; // QOP differs
      byFile.get(order[4]).decision = { ...byFile.get(order[4]).decision, z: expected.get(order[4]).z + 0.01, updatedAt: now }; // z differs
      byFile.get(order[8]).decision = { qop: 4, updatedAt: now }; // only B looked at this one
      const dir = mkdtempSync(join(tmpdir(), 'walkthrough-'));
      const bFile = join(dir, 'B.json');
      writeFileSync(bFile, JSON.stringify(json));

      await page.setInputFiles('[data-testid="merge-input"]', [bFile]);
      await page.waitForSelector('[data-testid="merge-view"]');
      const reports = await page.$$eval('[data-testid="merge-report"]', (els) => els.map((e) => e.getAttribute('data-kind')));
      assert.deepEqual(reports, ['ok']);
      const rows = () => page.$$eval('[data-testid="merge-row"]', (els) => els.map((e) => ({ key: JSON.parse(e.getAttribute('data-key'))[0], from: e.getAttribute('data-resolved-from'), current: e.getAttribute('aria-selected') === 'true' })));
      assert.deepEqual((await rows()).map((r) => r.key).sort(), [order[1], order[4]].sort(), 'the two disagreements');

      // Take B's QOP for order[1] (key 1: the first imported inspector), keep our z for order[4] (key 0).
      const choice = { [order[1]]: '1', [order[4]]: '0' };
      for (let n = 0; n < 2; n++) {
        const current = (await rows()).find((r) => r.current);
        await page.keyboard.press(choice[current.key]);
        await poll(async () => (await rows()).find((r) => r.key === current.key).from !== 'unresolved', `${current.key} resolved`);
      }
      assert.deepEqual(Object.fromEntries((await rows()).map((r) => [r.key, r.from])), { [order[1]]: 'B', [order[4]]: 'own' });

      const [d] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('x')]);
      const merged = parseCsv(readFileSync(await d.path(), 'utf8'));
      for (const col of ['B_qop', 'B_z', 'own_qop', 'own_z', 'resolved_qop', 'resolved_z', 'resolved_from']) assert.ok(merged.head.includes(col), `merged CSV has ${col}`);
      const line = Object.fromEntries(merged.records.map((r) => [r.file, r]));
      // "own" is your decision as it stands: taking B's answer rewrote it.
      assert.deepEqual([line[order[1]].B_qop, line[order[1]].own_qop, line[order[1]].resolved_qop, line[order[1]].resolved_from], ['3', '3', '3', 'B']);
      assert.equal(line[order[4]].resolved_from, 'own');
      assert.ok(Math.abs(Number(line[order[4]].resolved_z) - expected.get(order[4]).z) < 1e-5, 'our z kept');
      assert.ok(Math.abs(Number(line[order[4]].B_z) - (expected.get(order[4]).z + 0.01)) < 1e-5, "B's z kept beside it");

      await press(page, 'Escape');
      await poll(async () => (await page.$('[data-testid="merge-view"]')) === null, 'the merge view closed');
      expected.set(order[1], { ...expected.get(order[1]), qop: 3 });
      const stored = await poll(async () => {
        const all = await storedDecisions(page);
        return all.find((x) => x.fileName === order[1])?.qop === 3 ? all : false;
      }, "B's QOP stored as the decision");
      for (const x of stored) if (expected.has(x.fileName)) assertDecision(x.fileName, x, 'after the merge');
    },
  },
];
