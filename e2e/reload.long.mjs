/**
 * Not in the default e2e run (about 100 s): `npm run test:reload`.
 *
 * Issue 6, nothing lost: 22 reloads at random points in the middle of a
 * batch (a 2000-fibre plate), each right after a random set of decisions —
 * QOP keys, a class key then Enter, a comment, a typed z then Enter Enter,
 * a z moved on the slider then Enter (issue 9: moving only shows, accepting
 * saves) — without waiting for them to be saved. After every reload
 * IndexedDB must hold exactly what was accepted. (A full storage:
 * storage.spec.mjs.)
 * Seeded (mulberry32), so a failure can be replayed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBigSpPlate } from './fitsFiles.mjs';
import { poll, readRows, runStamp, waitForBackend, storedDecisions } from './lib.mjs';

const POINTS = 22;
/** 2000 fibres (184 MB): the batch outlasts the slowest round of decisions (opening a spectrum, loading Plotly). */
const FIBRES = 2000;
const SEED = 20_240_601;
const dir = join(tmpdir(), `gasnet-reload-${process.pid}`);
const plate = join(dir, 'plate.fits');

/** mulberry32, as src/core/seededRandom.ts (e2e specs run in plain Node, which cannot import the TypeScript). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


async function startBatch(page) {
  const before = await runStamp(page);
  await page.setInputFiles('input[type="file"][multiple]', [plate]);
  await poll(async () => (await runStamp(page)) !== before, 'the batch to start', { timeout: 30_000 });
}

/** Select a row (one of the first, always rendered) and wait until it is the selected row; returns its class. */
async function select(page, index) {
  const row = `[data-testid="result-row"][data-file="plate.fits"][data-index="${index}"]`;
  await page.click(row);
  await poll(async () => (await page.getAttribute(row, 'aria-selected')) === 'true', `row ${index} selected`);
  return page.getAttribute(row, 'data-class');
}

/**
 * Press Enter (accept) on the open spectrum and record in `d` what that accepts: the shown class and z
 * (read from the view, so z to the z box's 5–6 decimals), none of them where they are the pipeline's.
 */
async function acceptShown(page, index, pipelineClass, d) {
  // Slider steps are applied a frame at a time: accept once the shown z has stopped moving.
  let prev = await page.inputValue('[data-testid="z-input"]');
  await poll(async () => {
    await page.waitForTimeout(100);
    const now = await page.inputValue('[data-testid="z-input"]');
    const still = now === prev;
    prev = now;
    return still;
  }, 'the shown z to settle', { timeout: 10_000, interval: 0 });
  await page.locator('body').press('Enter');
  const cls = await page.textContent('[data-testid="readout-class"]');
  const z = Number(await page.inputValue('[data-testid="z-input"]'));
  const zPipeline = Number(await page.getAttribute(`[data-testid="result-row"][data-file="plate.fits"][data-index="${index}"]`, 'data-z'));
  if (cls === pipelineClass) delete d.cls;
  else d.cls = cls;
  if (cls === pipelineClass && Math.abs(z - zPipeline) < 1e-5) delete d.z;
  else d.z = z;
}

/** Wait until the open spectrum's view shows its readouts. */
const viewReady = (page) => poll(() => page.$('[data-testid="z-input"]'), 'the view', { timeout: 60_000 });

/** Wait for the open spectrum's decision bar (its detail came back from a worker). */
const decisionBar = (page, index) =>
  poll(async () => {
    const key = await page.getAttribute('[data-testid="decision-bar"]', 'data-key').catch(() => null);
    return key !== null && JSON.parse(key)[1] === index;
  }, `the decision bar of fibre ${index}`, { timeout: 60_000 });

export const tests = [
  {
    name: `${POINTS} reloads at random points mid-batch, right after unsaved-looking decisions: IndexedDB holds exactly what was entered`,
    async run({ page, baseUrl }) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeBigSpPlate(plate, FIBRES);
      try {
      const r = rng(SEED);
      const pick = (xs) => xs[Math.floor(r() * xs.length)];
      /** index → the decision as entered (fields absent when cleared). */
      const expected = new Map();
      const entered = (index) => expected.get(index) ?? expected.set(index, {}).get(index);
      const kinds = new Map();
      const log = [];
      await page.goto(baseUrl);
      const t0 = Date.now();
      for (let point = 0; point < POINTS; point++) {
        await waitForBackend(page, 120_000);
        await startBatch(page);
        const minRows = 2 + Math.floor(r() * 30);
        await poll(async () => (await readRows(page)).length >= Math.min(minRows, 20), `${minRows} rows`, { timeout: 60_000, interval: 50 });
        const available = (await readRows(page)).filter((x) => x.file === 'plate.fits' && x.cls !== 'error').map((x) => Number(x.index));
        const actions = 1 + Math.floor(r() * 3);
        let last = '';
        for (let a = 0; a < actions; a++) {
          const index = pick(available.slice(0, 15));
          const pipelineClass = await select(page, index);
          last = pick(['qop', 'qop', 'class', 'comment', 'typed-z', point % 4 === 0 ? 'slider-z' : 'qop']);
          kinds.set(last, (kinds.get(last) ?? 0) + 1);
          const d = entered(index);
          log.push(`${point}:${last}@${index}(${pipelineClass})`);
          if (last === 'qop') {
            const q = pick([1, 2, 3, 4, 6]);
            await page.locator('body').press(String(q));
            d.qop = q;
          } else if (last === 'class') {
            await decisionBar(page, index);
            await viewReady(page);
            const c = pick(['STAR', 'GALAXY', 'QSO']);
            await page.locator('body').press(c[0]);
            await poll(async () => (await page.textContent('[data-testid="readout-class"]')) === c, `${c} shown`);
            await acceptShown(page, index, pipelineClass, d);
          } else if (last === 'comment') {
            await decisionBar(page, index);
            const text = `reload ${point}: <b>${Math.floor(r() * 1e6)}</b> ' " ,`;
            await page.fill('[data-testid="decision-comment"]', text);
            d.comment = text;
          } else if (last === 'typed-z') {
            await decisionBar(page, index);
            const z = Number((r() * 2).toFixed(6));
            await viewReady(page);
            await page.fill('[data-testid="z-input"]', String(z));
            await page.press('[data-testid="z-input"]', 'Enter');
            await acceptShown(page, index, pipelineClass, d);
          } else {
            await decisionBar(page, index);
            const slider = await poll(() => page.$('[data-testid="z-slider"]'), 'the z slider', { timeout: 60_000 });
            await slider.focus();
            const steps = 1 + Math.floor(r() * 20);
            const before = await slider.evaluate((el) => ({ atMax: Number(el.value) >= Number(el.max) - 1e-5 }));
            for (let k = 0; k < steps; k++) await page.keyboard.press(before.atMax ? 'ArrowLeft' : 'ArrowRight');
            await acceptShown(page, index, pipelineClass, d);
          }
        }
        // An accept that left nothing (the pipeline's answer, no QOP) stores no decision.
        for (const [i, d] of expected) if (Object.keys(d).length === 0) expected.delete(i);
        // The reload point: at once, no wait for 'Saved'. The batch is still running.
        const running = await page.getAttribute('[data-testid="progress"]', 'data-running');
        assert.equal(running, 'true', `reload ${point} lands mid-batch`);
        await page.reload();
        const stored = await storedDecisions(page);
        const byIndex = new Map(stored.filter((x) => x.fileName === 'plate.fits').map((x) => [x.index, x]));
        const missing = [...expected].filter(([i]) => !byIndex.has(i)).map(([i, d]) => `${i} ${JSON.stringify(d)}`);
        assert.equal(byIndex.size, expected.size, `reload ${point} (after ${last}): ${byIndex.size} stored, ${expected.size} entered; missing ${missing.join('; ')}; log ${log.slice(-6).join(' | ')}`);
        const ctx = `(last actions: ${log.slice(-4).join(' | ')})`;
        for (const [index, want] of expected) {
          const got = byIndex.get(index);
          assert.ok(got, `reload ${point}: fibre ${index} has no stored decision`);
          assert.equal(got.qop, want.qop, `reload ${point}: fibre ${index} QOP ${ctx}`);
          assert.equal(got.cls, want.cls, `reload ${point}: fibre ${index} class ${ctx}`);
          assert.equal(got.comment, want.comment, `reload ${point}: fibre ${index} comment ${ctx}`);
          if (want.z === undefined) assert.equal(got.z, undefined, `reload ${point}: fibre ${index} z ${ctx}`);
          else assert.ok(Math.abs(got.z - want.z) < 1e-5, `reload ${point}: fibre ${index} z ${got.z} vs ${want.z} (as the z box shows it) ${ctx}`);
        }
      }
      console.log(
        `    ${POINTS} reloads mid-batch in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${expected.size} spectra with decisions; ` +
          `last actions before a reload: ${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}; all found in IndexedDB`,
      );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
