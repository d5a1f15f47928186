/**
 * Working with other inspectors' tools (issue 9, item 4), by keyboard: three SDSS spectra open,
 * your own QOP on one, then a DESI VI file (inspector AB), three Marz .mz files (inspector CD)
 * and a malformed .mz merged in; the malformed one is named with its reason while the others are
 * read; the disagreements listed; resolved with 0 (keep yours) and 2 (take CD's); the decisions
 * written to IndexedDB; the merged table downloaded with every inspector's answer and the
 * resolved one; Marz and DESI VI downloads carry the decisions.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFiles, FIXTURES, parseCsv, poll, readRows, ROOT, screenshot, storedDecisions, waitForBackend } from './lib.mjs';

const INTEROP = join(ROOT, 'test', 'fixtures', 'interop');
const FILES = ['spec-0375-52140-0356.fits', 'spec-0564-52224-0581.fits', 'spec-3188-54831-0169.fits'];
const key = (file) => JSON.stringify([`${file}.fits`, 0, file]);

const mergeRows = (page) =>
  page.$$eval('[data-testid="merge-row"]', (els) => els.map((e) => ({ key: e.getAttribute('data-key'), from: e.getAttribute('data-resolved-from'), current: e.getAttribute('aria-selected') === 'true', text: e.textContent })));

async function download(page, press) {
  const [d] = await Promise.all([page.waitForEvent('download'), press()]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

export const tests = [
  {
    name: 'three SDSS spectra open; QOP 2 given by keyboard to spec-0564-52224-0581, left open',
    async run({ page, baseUrl }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      await waitForBackend(page);
      await analyseFiles(page, FILES.map((f) => join(FIXTURES, f)));
      await page.locator('body').focus();
      for (let i = 0; i < FILES.length; i++) {
        await page.keyboard.press('j');
        const at = await poll(() => page.$eval('.result-row.selected', (e) => e.getAttribute('data-file')).catch(() => null), 'a selected row');
        if (at === 'spec-0564-52224-0581.fits') break;
      }
      await page.keyboard.press('2');
      await poll(async () => (await readRows(page)).find((r) => r.file === 'spec-0564-52224-0581.fits')?.qop === '2', 'data-qop 2 on spec-0564');
      // The spectrum stays open: the merge view's 0 and 2 must not reach its QOP keys.
    },
  },
  {
    name: 'merging AB (DESI VI), CD (three .mz) and a malformed .mz: each file reported, the bad one with its reason',
    async run({ page }) {
      await page.setInputFiles('[data-testid="merge-input"]', [
        join(INTEROP, 'desi-vi_sdss-three_AB.csv'),
        ...FILES.map((f) => join(INTEROP, f.replace('.fits', '_CD.mz'))),
        join(INTEROP, 'broken_XY.mz'),
      ]);
      await page.waitForSelector('[data-testid="merge-view"]');
      const reports = await page.$$eval('[data-testid="merge-report"]', (els) => els.map((e) => ({ kind: e.getAttribute('data-kind'), text: e.textContent })));
      assert.deepEqual(reports.map((r) => r.kind), ['ok', 'ok', 'ok', 'ok', 'error']);
      assert.equal(reports[0].text, 'desi-vi_sdss-three_AB.csv: 3 answers by AB.');
      assert.equal(reports[1].text, 'spec-0375-52140-0356_CD.mz: 1 answer by CD.');
      assert.match(reports[4].text, /^broken_XY\.mz: Its column line \('#ID {2},  Name {17},  Comment'\) lacks QOP, FinZ: not a Marz result file\.$/);
      assert.equal(await page.$eval('[data-testid="merge-summary"]', (e) => e.textContent), '3 spectra answered by 2 inspectors; 2 disagree, 0 resolved.');
      const rows = await mergeRows(page);
      assert.deepEqual(rows.map((r) => r.key).sort(), [key('spec-0564-52224-0581'), key('spec-3188-54831-0169')].sort());
      assert.equal(rows.find((r) => r.key === key('spec-3188-54831-0169')).text.includes('class, z, qop'), true);
      await screenshot(page, 'interop-merge-1280x720');
      await page.setViewportSize({ width: 1440, height: 900 });
      await screenshot(page, 'interop-merge-1440x900');
    },
  },
  {
    name: 'keys resolve each disagreement: 0 keeps yours, 2 takes CD’s answer; the decisions are in IndexedDB; S and 0 do not reach the open spectrum',
    async run({ page }) {
      await page.keyboard.press('S');
      const choice = { [key('spec-0564-52224-0581')]: '0', [key('spec-3188-54831-0169')]: '2' };
      for (let n = 0; n < 2; n++) {
        const current = (await mergeRows(page)).find((r) => r.current);
        await page.keyboard.press(choice[current.key]);
        await poll(async () => (await mergeRows(page)).find((r) => r.key === current.key).from !== 'unresolved', `${current.key} resolved`);
      }
      const rows = await mergeRows(page);
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.key, r.from])), { [key('spec-0564-52224-0581')]: 'own', [key('spec-3188-54831-0169')]: 'CD' });
      const stored = await poll(async () => {
        const all = await storedDecisions(page);
        return all.some((d) => d.key === key('spec-3188-54831-0169')) ? all : false;
      }, 'the resolved decision stored');
      const by = Object.fromEntries(stored.map((d) => [d.spectrumId, d]));
      assert.deepEqual(Object.keys(by).sort(), ['spec-0564-52224-0581', 'spec-3188-54831-0169']);
      assert.equal(by['spec-0564-52224-0581'].qop, 2);
      assert.equal(by['spec-0564-52224-0581'].cls, undefined, 'S pressed in the merge view did not set the open spectrum\'s class');
      assert.deepEqual([by['spec-3188-54831-0169'].cls, by['spec-3188-54831-0169'].z, by['spec-3188-54831-0169'].qop], ['GALAXY', 0.0007, 2]);
    },
  },
  {
    name: "x downloads the merged table: every inspector's answer, yours and the resolved one",
    async run({ page }) {
      const merged = await download(page, () => page.keyboard.press('x'));
      assert.match(merged.name, /^gasnet-merged-\d{8}-\d{6}\.csv$/);
      const { head, records } = parseCsv(merged.text);
      assert.deepEqual(head, [
        'file', 'index', 'id', 'pipeline_class', 'pipeline_z',
        'AB_class', 'AB_z', 'AB_qop', 'AB_comment', 'CD_class', 'CD_z', 'CD_qop', 'CD_comment',
        'own_class', 'own_z', 'own_qop', 'own_comment', 'resolved_class', 'resolved_z', 'resolved_qop', 'resolved_comment', 'resolved_from', 'disagreement',
      ]);
      const by = Object.fromEntries(records.map((r) => [r.id, r]));
      assert.deepEqual(Object.keys(by).sort(), FILES.map((f) => f.replace('.fits', '')).sort());
      const pick = (r, cols) => cols.map((c) => r[c]);
      const cols = ['AB_class', 'AB_z', 'AB_qop', 'CD_class', 'CD_z', 'CD_qop', 'resolved_class', 'resolved_z', 'resolved_qop', 'resolved_from', 'disagreement'];
      assert.deepEqual(pick(by['spec-0375-52140-0356'], cols), ['GALAXY', '0.0451', '4', 'GALAXY', '0.04503', '4', 'GALAXY', '0.0451', '4', 'agreed', '']);
      assert.deepEqual(pick(by['spec-0564-52224-0581'], cols).slice(0, 6), ['QSO', '0.517', '3', 'QSO', '0.51702', '4']);
      assert.deepEqual(pick(by['spec-0564-52224-0581'], cols).slice(8), ['2', 'own', 'qop']);
      assert.deepEqual(pick(by['spec-3188-54831-0169'], cols), ['STAR', '0.0001', '6', 'GALAXY', '0.0007', '2', 'GALAXY', '0.0007', '2', 'CD', 'class;z;qop']);
      assert.equal(by['spec-0564-52224-0581'].AB_comment, 'Broad MgII; Hbeta on the red edge');
    },
  },
  {
    name: 'Esc closes the view; Marz .mz and DESI VI downloads carry the decisions; the table shows QOP 2 on both',
    async run({ page }) {
      await page.keyboard.press('Escape');
      await poll(async () => (await page.$('[data-testid="merge-view"]')) === null, 'the merge view closed');
      const rows = await readRows(page);
      assert.deepEqual(rows.filter((r) => r.qop === '2').map((r) => r.file).sort(), ['spec-0564-52224-0581.fits', 'spec-3188-54831-0169.fits']);
      await page.focus('.interop-menu summary');
      await page.keyboard.press('Enter');
      await page.focus('[data-testid="inspector-initials"]');
      await page.keyboard.type('GX');
      await screenshot(page, 'interop-menu-1440x900');
      const downloads = [];
      const taken = new Promise((resolve) => {
        page.on('download', async (d) => {
          downloads.push({ name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') });
          if (downloads.length === 3) resolve();
        });
      });
      await page.click('[data-testid="export-mz"]');
      await taken;
      const mz = Object.fromEntries(downloads.map((d) => [d.name, d.text]));
      assert.deepEqual(Object.keys(mz).sort(), FILES.map((f) => f.replace('.fits', '_GX.mz')).sort());
      const line = mz['spec-3188-54831-0169_GX.mz'].split('\n')[3].slice(1).split(',').map((c) => c.trim());
      assert.deepEqual(line.slice(10), ['7', 'Intermediate Type Galaxy', '0.00070', '2', '']);
      const vi = await download(page, () => page.click('[data-testid="export-vi"]'));
      assert.match(vi.name, /^desi-vi_gasnet-\d{8}-\d{6}_GX\.csv$/);
      const lines = vi.text.trim().split('\n');
      assert.equal(lines[0], 'TARGETID,Spec_version,Redrock_version,Template_version,Redrock_spectype,Redrock_z,Redrock_deltachi2,VI_scanner,VI_quality,VI_issue,VI_z,VI_spectype,VI_comment');
      assert.deepEqual(lines.slice(1).map((l) => l.split(',').filter((_, i) => [0, 8, 9, 10, 11].includes(i))), [
        ['spec-0564-52224-0581', '2', '', '', ''],
        ['spec-3188-54831-0169', '2', 'RC', '0.0007', 'GALAXY'],
      ]);
    },
  },
];
