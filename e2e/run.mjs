#!/usr/bin/env node
/**
 * End-to-end harness: serves the built app with `vite preview` on a free
 * localhost port and runs every e2e/*.spec.mjs (or those named on the
 * command line) in headless Debian chromium via playwright-core.
 *
 * A spec exports `tests` (an array of { name, run(ctx) }) run in order on one
 * page of one fresh browser profile, and optionally `browser = { webgpu: true, args: [...] }`.
 * ctx = { page, context, userDataDir (the profile folder), baseUrl, consoleErrors, requests (every URL requested so far),
 * serverRequests() (the URLs that reached the preview server so far) }. Prints a line per test and finally
 * 'N passed, N failed'; exits 1 on any failure. After each spec, one more check
 * counts as a test: no Content-Security-Policy violation was logged and every
 * request went to the app's own origin. Build first: npm run test:e2e.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, OUT_DIR, ROOT, screenshot, startPreview } from './lib.mjs';

const only = process.argv.slice(2);
// Long runs (*.long.mjs: the reload loop, the 1 GB file) only when named: npm run test:reload, test:bigfile.
const specs = readdirSync(join(ROOT, 'e2e'))
  .filter((f) => f.endsWith('.spec.mjs') || (only.length > 0 && f.endsWith('.long.mjs')))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (!existsSync(join(OUT_DIR, 'index.html'))) {
  console.error(`${OUT_DIR} is missing: run \`npm run test:e2e\` (vite build first).`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
// The built bundle holds no address of Plotly's servers (no "share chart" to the cloud): one test.
const bundle = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'tools', 'checkBundle.ts'), OUT_DIR], { encoding: 'utf8' });
if (bundle.status === 0) passed++;
else failed++;
console.log(`${bundle.status === 0 ? '✓' : '✗'} bundle: ${(bundle.stdout + bundle.stderr).trim()}`);
const server = await startPreview();
console.log(`serving ${OUT_DIR} at ${server.baseUrl}`);
try {
  for (const spec of specs) {
    const mod = await import(pathToFileURL(join(ROOT, 'e2e', spec)).href);
    const browser = await launch(mod.browser ?? {});
    const page = await browser.context.newPage();
    const consoleErrors = [];
    /** Every URL the page and its workers requested, in order. */
    const requests = [];
    browser.context.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    console.log(`\n${spec}`);
    let broken = false;
    for (const t of mod.tests) {
      if (broken) {
        console.log(`  - ${t.name} (skipped: an earlier test of this spec failed)`);
        failed++;
        continue;
      }
      const t0 = Date.now();
      try {
        await t.run({ page, context: browser.context, userDataDir: browser.userDataDir, baseUrl: server.baseUrl, consoleErrors, requests, serverRequests: server.requestLog });
        passed++;
        console.log(`  ✓ ${t.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        broken = true;
        console.log(`  ✗ ${t.name}\n    ${String(e?.stack ?? e).split('\n').join('\n    ')}`);
        if (consoleErrors.length) console.log(`    page console errors:\n      ${consoleErrors.slice(-10).join('\n      ')}`);
        await screenshot(page, `FAILED-${spec.replace(/\.(spec|long)\.mjs$/, '')}-${t.name.replace(/\W+/g, '-')}`).catch(() => {});
      }
    }
    // Suite-wide (issue 6): the Content-Security-Policy is on and nothing broke it, and user data never
    // left the browser: every request went to the app's own origin.
    const cspViolations = consoleErrors.filter((e) => /Content.Security.Policy/i.test(e));
    const offOrigin = requests.filter((u) => !u.startsWith(server.baseUrl) && !/^(data|blob):/.test(u));
    if (cspViolations.length + offOrigin.length > 0) {
      failed++;
      console.log(`  ✗ no CSP violation, no request off ${server.baseUrl}\n    ${[...cspViolations, ...offOrigin.map((u) => `request: ${u}`)].slice(0, 10).join('\n    ')}`);
    } else {
      passed++;
      console.log(`  ✓ no CSP violation, no request off the app's origin (${requests.length} requests)`);
    }
    await browser.close();
  }
} finally {
  server.stop();
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
