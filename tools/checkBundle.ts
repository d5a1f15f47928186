/**
 * Fails when the built app (dist/assets/*.js) still holds an address of Plotly's servers: the app
 * must never offer to send a chart anywhere (vite/noPlotlyServers.ts removes them). Run by e2e/run.mjs
 * after the build: `tsx tools/checkBundle.ts [distDir]`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PLOTLY_SERVER_URL } from '../vite/noPlotlyServers.ts';

const assets = join(process.argv[2] ?? 'dist', 'assets');
const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
const found: string[] = [];
for (const f of scripts) {
  for (const m of readFileSync(join(assets, f), 'utf8').matchAll(PLOTLY_SERVER_URL)) found.push(`${f}: ${m[0]}`);
}
if (scripts.length === 0) {
  console.error(`no scripts in ${assets}: build first`);
  process.exit(1);
}
if (found.length > 0) {
  console.error(`Plotly server addresses in the bundle:\n${found.join('\n')}`);
  process.exit(1);
}
console.log(`no Plotly server address in ${scripts.length} scripts of ${assets}`);
