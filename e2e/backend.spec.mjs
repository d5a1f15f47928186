/**
 * WASM versus WebGPU on the same file. Chromium runs with
 * --enable-unsafe-webgpu, which gives a SwiftShader (software) adapter:
 * 'auto' must still pick WASM (software WebGPU is ~130× slower), and a forced
 * WebGPU must give the same redshifts as WASM within 1e-4.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyseFiles, FIXTURES, poll, screenshot, waitForBackend } from './lib.mjs';

export const browser = { webgpu: true };

/** One star, one galaxy, one quasar. */
const FILES = ['spec-0559-52316-0121.fits', 'spec-0375-52140-0356.fits', 'spec-0564-52224-0581.fits'];

async function choose(page, backend) {
  await page.selectOption('[data-testid="backend-choice"]', backend);
  return poll(async () => {
    const b = await waitForBackend(page);
    return b.backend === (backend === 'auto' ? b.backend : backend) ? b : false;
  }, `backend ${backend}`, { timeout: 120_000 });
}

async function analyse(page) {
  const rows = await analyseFiles(page, FILES.map((f) => join(FIXTURES, f)));
  return new Map(rows.map((r) => [r.file, { cls: r.cls, z: Number(r.z) }]));
}

let wasm;

export const tests = [
  {
    name: 'auto sees the SwiftShader adapter as software and keeps WASM',
    async run({ page, baseUrl }) {
      await page.goto(baseUrl);
      const hasAdapter = await page.evaluate(async () => {
        const a = await navigator.gpu?.requestAdapter();
        return a ? a.info.architecture : null;
      });
      assert.equal(hasAdapter, 'swiftshader', 'the flag gives a SwiftShader adapter');
      const b = await waitForBackend(page);
      assert.equal(b.backend, 'wasm');
      assert.match(b.title, /software/);
    },
  },
  {
    name: 'forced WASM analyses the files',
    async run({ page }) {
      await choose(page, 'wasm');
      wasm = await analyse(page);
      assert.equal(wasm.size, FILES.length);
    },
  },
  {
    name: 'forced WebGPU gives the same classes and z within 1e-4',
    async run({ page, requests }) {
      assert.deepEqual(requests.filter((u) => /asyncify/.test(u)), [], 'the WebGPU runtime is not fetched before it is used');
      const b = await choose(page, 'webgpu');
      assert.match(b.text, /WebGPU/);
      assert.ok(requests.some((u) => /\/ort\/ort-wasm-simd-threaded\.asyncify\.wasm(\?v=[0-9a-f]+)?$/.test(u)), 'WebGPU loads the asyncify runtime');
      const gpu = await analyse(page);
      const worst = Math.max(...FILES.map((f) => Math.abs(gpu.get(f).z - wasm.get(f).z)));
      console.log(`    max |z(WebGPU) − z(WASM)| over ${FILES.length} spectra = ${worst.toExponential(2)}`);
      for (const f of FILES) {
        const a = wasm.get(f);
        const g = gpu.get(f);
        assert.equal(g.cls, a.cls, `${f}: class`);
        assert.ok(Math.abs(g.z - a.z) < 1e-4, `${f}: WebGPU z ${g.z} vs WASM z ${a.z}`);
      }
      const ms = await page.textContent('[data-testid="ms-per-spectrum"]');
      assert.match(ms, /ms\/spectrum/);
      await screenshot(page, 'backend-webgpu');
    },
  },
];
