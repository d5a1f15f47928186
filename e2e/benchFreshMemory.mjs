/**
 * What fresh ArrayBuffer memory costs: the same small loops in a browser worker (headless Chromium)
 * and in Node — a new typed array filled, the same array reused, three arrays vs one carved into
 * three, a large one left untouched. On this 2-core VM the browser pays some 25–35 µs for each 4 kB page
 * of fresh memory it touches (Node a fraction of that), which is why the analysis reuses its work
 * arrays (src/core/scan/pipeline.ts, AnalyzeOptions.transient; docs/throughput.md).
 *
 *   node e2e/benchFreshMemory.mjs
 */
import { spawnSync } from 'node:child_process';
import { launch } from './lib.mjs';

const CODE = `
function run() {
  const res = {};
  const reuse = new Float64Array(8000);
  const cases = [
    ['new Float64Array(8000), filled', () => { const a = new Float64Array(8000); for (let i = 0; i < a.length; i++) a[i] = i; return a; }],
    ['one Float64Array(8000) reused, filled', () => { const a = reuse; for (let i = 0; i < a.length; i++) a[i] = i; return a; }],
    ['new Float64Array(8000), not filled', () => { const a = new Float64Array(8000); a[3] = 1; return a; }],
    ['3 × new Float64Array(8000), filled', () => { let t = 0; for (let j = 0; j < 3; j++) { const a = new Float64Array(8000); for (let i = 0; i < a.length; i++) a[i] = i; t += a[5]; } return t; }],
    ['new Float64Array(24000) as 3 views, filled', () => { const s = new Float64Array(24000); let t = 0; for (let j = 0; j < 3; j++) { const a = s.subarray(j * 8000, (j + 1) * 8000); for (let i = 0; i < a.length; i++) a[i] = i; t += a[5]; } return t; }],
  ];
  for (const [name, fn] of cases) {
    for (let i = 0; i < 300; i++) fn();
    const t = performance.now();
    for (let i = 0; i < 3000; i++) fn();
    res[name] = (performance.now() - t) / 3000 * 1000;
  }
  return res;
}`;

const node = JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', `${CODE}\nconsole.log(JSON.stringify(run()));`], { encoding: 'utf8' }).stdout);
const browser = await launch();
let worker;
try {
  const page = await browser.context.newPage();
  await page.setContent('<p>fresh memory</p>');
  worker = await page.evaluate(
    (code) =>
      new Promise((resolve) => {
        const w = new Worker(URL.createObjectURL(new Blob([`${code}; postMessage(run());`], { type: 'text/javascript' })));
        w.onmessage = (e) => resolve(e.data);
      }),
    CODE,
  );
} finally {
  await browser.close();
}
console.log(`${'µs per call'.padEnd(44)}${'browser worker'.padStart(16)}${'Node'.padStart(10)}`);
for (const k of Object.keys(node)) console.log(`${k.padEnd(44)}${worker[k].toFixed(1).padStart(16)}${node[k].toFixed(1).padStart(10)}`);
