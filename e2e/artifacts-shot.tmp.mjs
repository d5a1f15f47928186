import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFiles, FIXTURES, launch, poll, screenshot, startPreview, waitForBackend } from './lib.mjs';
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.fits')).sort().slice(0, 25).map((f) => join(FIXTURES, f));
const server = await startPreview();
const b = await launch();
const page = await b.context.newPage();
try {
  await page.goto(server.baseUrl);
  await waitForBackend(page);
  await analyseFiles(page, files, 25);
  await page.keyboard.press('j');
  await poll(() => page.$('[data-testid="plot-chi2"] .main-svg'), 'chi2');
  await page.waitForTimeout(1500);
  for (const [w, h] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(800);
    console.log(await screenshot(page, `${process.argv[2] ?? 'shot'}-${w}x${h}`));
  }
} finally { await b.close(); server.stop(); }
