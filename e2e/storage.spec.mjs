/**
 * Issue 6: browser storage that fails is never swallowed. With the origin's
 * quota forced to 1 byte (DevTools protocol), neither the session's table
 * nor a decision can be stored: the page says so each time, offers the JSON
 * export (which carries the unsaved decision), and Retry stores both once
 * space is back.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from './fitsFiles.mjs';
import { analyseFiles, poll, waitForBackend, storedDecisions } from './lib.mjs';

const dir = join(tmpdir(), `gasnet-storage-${process.pid}`);
const FILE = 'spec-0375-52140-0356.fits';


export const tests = [
  {
    name: 'a full storage (quota) is shown with the export offer; the export holds the unsaved decision; Retry stores it',
    async run({ page, context, baseUrl }) {
      mkdirSync(dir, { recursive: true });
      try {
        await page.goto(baseUrl);
        await waitForBackend(page, 120_000);
        // Quota forced to 1 byte before anything is stored (Chromium keeps a granted quota for a while once used).
        const cdp = await context.newCDPSession(page);
        const origin = new URL(baseUrl).origin;
        await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
        writeFileSync(join(dir, FILE), fixture(`sdss/${FILE}`));
        await analyseFiles(page, [join(dir, FILE)]);
        // Saving the session's table at the end of the batch failed, and says so.
        const first = await (await page.waitForSelector('[data-testid="persist-error"]', { timeout: 30_000 })).textContent();
        assert.match(first, /storage for this site is full.*table is shown here but NOT saved.*Download the JSON export/s, first);
        await page.click(`[data-testid="result-row"][data-file="${FILE}"]`);
        await page.locator('body').press('4');
        const text = await poll(async () => {
          const t = await page.textContent('[data-testid="persist-error"]');
          return /Your latest decisions are shown here but NOT saved/.test(t) ? t : false;
        }, 'the decision failure to be shown');
        assert.match(text, /storage for this site is full.*NOT saved.*Download the JSON export/s, text);
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="persist-error-export"]')]);
        const rows = JSON.parse(readFileSync(await download.path(), 'utf8')).rows;
        assert.equal(rows.find((x) => x.fileName === FILE)?.decision?.qop, 4, 'the export carries the unsaved QOP');
        assert.equal((await storedDecisions(page)).find((x) => x.fileName === FILE), undefined, 'it really was not stored');
        await poll(async () => (await page.textContent('[data-testid="decision-save-state"]').catch(() => '')) === 'Not saved (see the warning)', "the decision bar's 'Not saved'");
        await cdp.send('Storage.overrideQuotaForOrigin', { origin }); // back to the real quota
        await page.click('[data-testid="persist-error"] button:has-text("Retry")');
        await poll(async () => (await page.$('[data-testid="persist-error"]')) === null, 'the banner to go after Retry');
        assert.equal((await storedDecisions(page)).find((x) => x.fileName === FILE)?.qop, 4, 'stored after Retry');
        // And the table is kept for the next visit again.
        await page.reload();
        await poll(async () => (await page.$(`[data-testid="result-row"][data-file="${FILE}"][data-qop="4"]`)) !== null, 'the restored row with its QOP');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
