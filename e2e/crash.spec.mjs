/**
 * Issue 6, crashes: the test kills the analysis workers in the middle of a
 * 1500-fibre plate (a script error thrown in the worker, or `self.close()`,
 * which the page only notices because pings go unanswered). The pool
 * replaces them and retries the file once: every fibre gets exactly one row.
 * Killed twice, the file's remaining fibres are marked failed and the batch
 * still completes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBigSpPlate } from './fitsFiles.mjs';
import { poll, runStamp, waitForBackend } from './lib.mjs';

/** 1500 fibres (138 MB, read lazily through Blob slices): long enough that the kill lands mid-file. */
const FIBRES = 1500;
const dir = join(tmpdir(), `gasnet-crash-${process.pid}`);
const plate = join(dir, 'plate.fits');

// The plate is shared by the three tests; remove it however the run ends (a failed test skips the rest).
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const analysisWorkers = (page) => page.workers().filter((w) => /analysisWorker/.test(w.url()));

async function progress(page) {
  return page.$eval('[data-testid="progress"]', (e) => ({
    running: e.getAttribute('data-running') === 'true',
    done: Number(e.getAttribute('data-done')),
    errors: Number(e.getAttribute('data-errors')),
    text: e.textContent,
  }));
}

async function start(page) {
  const before = await runStamp(page);
  await page.setInputFiles('input[type="file"][multiple]', [plate]);
  await poll(async () => (await runStamp(page)) !== before, 'the run to start', { timeout: 30_000 });
}

/** Kill every analysis worker: 'error' throws an uncaught error in it, 'close' makes it stop silently. */
async function killWorkers(page, how) {
  const workers = analysisWorkers(page);
  assert.ok(workers.length > 0, 'analysis workers are listed');
  await Promise.all(
    workers.map((w) =>
      w
        .evaluate((h) => {
          if (h === 'close') self.close();
          else setTimeout(() => { throw new Error('killed by the e2e test'); }, 0);
        }, how)
        .catch(() => undefined), // the worker may go before answering
    ),
  );
  return workers;
}

async function plateRows(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')).rows.filter((r) => r.fileName === 'plate.fits');
}

async function killOnceAndFinish(page, how) {
  await start(page);
  const atKill = await poll(async () => {
    const p = await progress(page);
    return p.running && p.done >= 100 ? p : false;
  }, '100 fibres analysed', { timeout: 120_000, interval: 50 });
  const killed = await killWorkers(page, how);
  const t0 = Date.now();
  const end = await poll(async () => {
    const p = await progress(page);
    return p.running ? false : p;
  }, 'the batch to complete after the kill', { timeout: 300_000, interval: 200 });
  const rows = await plateRows(page);
  const indices = rows.map((r) => r.index).sort((a, b) => a - b);
  assert.equal(rows.length, FIBRES, `one row per fibre (${rows.length})`);
  assert.deepEqual(indices, Array.from({ length: FIBRES }, (_, i) => i), 'each fibre once');
  assert.equal(rows.filter((r) => r.result?.error !== undefined).length, 0, `no fibre failed: ${rows.find((r) => r.result?.error)?.result.error}`);
  assert.equal(end.errors, 0, end.text);
  await poll(() => analysisWorkers(page).length === killed.length && analysisWorkers(page).every((w) => !killed.includes(w)), 'the killed workers to be replaced');
  console.log(`    killed ${killed.length} worker(s) (${how}) at ${atKill.done}/${FIBRES} fibres; batch complete ${((Date.now() - t0) / 1000).toFixed(1)} s later: ${end.text.trim()}`);
}

export const tests = [
  {
    name: 'workers killed mid-file (script error) are replaced and the file retried: every fibre exactly once',
    async run({ page, baseUrl }) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeBigSpPlate(plate, FIBRES);
      await page.goto(baseUrl);
      await waitForBackend(page);
      await killOnceAndFinish(page, 'error');
    },
  },
  {
    name: 'workers that stop silently (self.close) are found by the ping watchdog, replaced, and the file retried',
    async run({ page }) {
      await killOnceAndFinish(page, 'close');
    },
  },
  {
    name: 'a file whose workers die twice has its remaining fibres marked failed; the batch completes',
    async run({ page }) {
      try {
        await start(page);
        const first = await poll(async () => {
          const p = await progress(page);
          return p.running && p.done >= 100 ? p : false;
        }, '100 fibres analysed', { timeout: 120_000, interval: 50 });
        await killWorkers(page, 'error');
        // The plate is cut into ranges (worker/pool.ts): the killed workers' ranges are retried first, on
        // fresh workers, and fail when their worker dies again. Rows are posted per network batch and a
        // retry's first rows repeat ones already shown, so the page cannot see when a retry is under way:
        // the fresh workers are killed at their first new row (so they were set up and busy: a kill before
        // that counts towards the pool's "keep stopping" limit), again until the page reports failed fibres.
        for (let kill = 0; kill < 8 && (await progress(page)).errors === 0; kill++) {
          const seen = (await progress(page)).done;
          const p = await poll(async () => {
            const q = await progress(page);
            return !q.running || q.done > seen ? q : false;
          }, 'a new row from the fresh workers', { timeout: 120_000, interval: 10 });
          if (!p.running) break;
          await killWorkers(page, 'error');
          await new Promise((r) => setTimeout(r, 300)); // let the page hear of the deaths
        }
        // Only the ranges the workers held when killed twice fail; the other ranges are still analysed.
        const end = await poll(async () => {
          const p = await progress(page);
          return p.running ? false : p;
        }, 'the batch to complete', { timeout: 600_000, interval: 200 });
        const rows = await plateRows(page);
        const failed = rows.filter((r) => r.result?.error !== undefined);
        assert.equal(rows.length, FIBRES, 'every fibre has a row');
        assert.equal(new Set(rows.map((r) => r.index)).size, FIBRES, 'each fibre once');
        assert.ok(failed.length > 0 && failed.length < FIBRES - first.done, `${failed.length} fibres failed`);
        for (const r of failed) assert.match(r.result.error, /^internal: .*stopped twice.*retried once/);
        assert.equal(end.errors, failed.length, end.text);
        assert.match(end.text, new RegExp(`${FIBRES}/${FIBRES} spectra · 1/1 files`));
        console.log(`    killed twice: ${FIBRES - failed.length} fibres analysed, ${failed.length} marked failed; ${end.text.trim()}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
