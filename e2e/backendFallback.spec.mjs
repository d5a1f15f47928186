/**
 * Issue 9: WebGPU forced in a browser without a WebGPU adapter (Chromium
 * without --enable-unsafe-webgpu) runs on WASM, and the header says so and
 * why, instead of "WebGPU" in the menu beside a "WASM" badge with no word.
 */
import assert from 'node:assert/strict';
import { poll, screenshot, waitForBackend } from './lib.mjs';

export const tests = [
  {
    name: 'forced WebGPU without an adapter: "WebGPU requested, no adapter: running on WASM" in the header',
    async run({ page, baseUrl }) {
      await page.goto(baseUrl);
      const adapter = await page.evaluate(async () => (navigator.gpu ? await navigator.gpu.requestAdapter() : null) !== null);
      assert.equal(adapter, false, 'this browser has no WebGPU adapter');
      await waitForBackend(page);
      assert.equal(await page.$('[data-testid="backend-mismatch"]'), null, 'auto: nothing to explain');
      await page.selectOption('[data-testid="backend-choice"]', 'webgpu');
      const text = await poll(() => page.textContent('[data-testid="backend-mismatch"]').catch(() => false), 'the mismatch note', { timeout: 120_000 });
      assert.equal(text, 'WebGPU requested, no adapter: running on WASM');
      const b = await waitForBackend(page);
      assert.equal(b.backend, 'wasm');
      assert.equal(await page.inputValue('[data-testid="backend-choice"]'), 'webgpu');
      for (const [width, height] of [[1280, 720], [1440, 900]]) {
        await page.setViewportSize({ width, height });
        const m = await page.evaluate(() => ({
          header: document.querySelector('.app-header').getBoundingClientRect().height,
          help: document.querySelector('.app-header button[aria-label="Keyboard shortcuts"]').getBoundingClientRect().right,
          note: document.querySelector('[data-testid="backend-mismatch"]').getBoundingClientRect().width,
        }));
        assert.ok(m.header < 48 && m.help <= width && m.note > 50, `${width}: the header stays one line with the note and the help button on screen: ${JSON.stringify(m)}`);
        await screenshot(page, `backend-fallback-${width}x${height}`);
      }
    },
  },
];
