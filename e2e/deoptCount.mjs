/**
 * How often V8 throws away optimised code in the app while it analyses a plate: headless Chromium
 * with --js-flags=--trace-deopt, an spPlate of N fibres dropped on the built app, and the eager
 * deoptimisations the renderer prints counted by function and reason. "prepare for on stack
 * replacement" is left out (the normal step from Maglev up to TurboFan, not code thrown away).
 * A hot loop inside a function called once per spectrum showed up here hundreds of times per plate
 * (docs/throughput.md, fourth pass): each exit from a loop compiled on the stack discards the code.
 *
 *   npm run bench:deopt [-- --fibres 1500]
 *
 * DEOPT_VERBOSE=1 DEBUG=pw:browser DEOPT_COUNT_CHILD=1 node e2e/deoptCount.mjs prints V8's verbose
 * trace itself, whose "deoptimize at" lines give each deoptimisation's place in the built files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { writeBigSpPlate } from './fitsFiles.mjs';
import { CHROMIUM, CHROMIUM_ARGS, poll, startPreview, waitForBackend } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const fibres = Number(arg('--fibres', '1500'));
const START = '@@deopt-count analysis start';
const END = '@@deopt-count analysis end';

if (process.env.DEOPT_COUNT_CHILD) await analysePlate();
else await countInChild();

/**
 * Playwright's debug log (DEBUG=pw:browser) is where the renderer's stdout, and so V8's trace,
 * comes out: run the analysis in a child process with it on and read the child's stderr.
 */
async function countInChild() {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    env: { ...process.env, DEBUG: 'pw:browser', DEOPT_COUNT_CHILD: '1' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const DEOPT = /bailout \(kind: ([^,]+), reason: ([^)]+)\).*?<JSFunction ([^ >]+)/;
  const counts = new Map();
  let phase = 'before';
  const total = { before: 0, during: 0, after: 0 };
  let rest = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) {
      if (line.includes(START)) phase = 'during';
      else if (line.includes(END)) phase = 'after';
      const m = DEOPT.exec(line);
      // "prepare for on stack replacement": the step from Maglev up to TurboFan, not code thrown away.
      if (!m || m[2].startsWith('prepare for on stack replacement')) continue;
      total[phase]++;
      if (phase !== 'during') continue;
      const key = `${m[3]}: ${m[2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the analysis exited with ${code}`);
  console.log(`${fibres}-fibre plate: ${total.during} eager deoptimisations during the analysis (${total.before} while the page started); by function and reason:`);
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(n).padStart(6), k);
}

async function analysePlate() {
  const dir = mkdtempSync(join(tmpdir(), 'deopt-'));
  const plate = join(dir, 'plate.fits');
  writeBigSpPlate(plate, fibres);
  const server = await startPreview();
  const userDataDir = mkdtempSync(join(tmpdir(), 'gasnet-deopt-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, process.env.DEOPT_VERBOSE ? '--js-flags=--trace-deopt-verbose' : '--js-flags=--trace-deopt'],
  });
  try {
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    await waitForBackend(page, 60000);
    console.error(START);
    await page.setInputFiles('input[type="file"][multiple]', plate);
    await poll(async () => {
      const p = await page.$eval('[data-testid="progress"]', (e) => ({ done: Number(e.getAttribute('data-done')), running: e.getAttribute('data-running') }));
      return p.running === 'false' && p.done >= fibres;
    }, 'the plate analysed', { timeout: 600000, interval: 200 });
    console.error(END);
  } finally {
    await context.close();
    server.stop();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
