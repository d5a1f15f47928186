/**
 * The README's "Speed" tables, generated from the committed benchmark results
 * so that every figure there can be traced to a file under results/:
 *   results/bench-encoder.json, bench-unet.json   npm run bench [-- --model unet]
 *   results/bench-load.json                       npm run bench:load
 *   results/bench-browser.json                    npm run bench:browser
 *   results/bench-cli.json                        the command-line benchmark
 * A missing file is said to be missing. The text between the two marker
 * comments of README.md is replaced:
 *
 *   npm run speed-table            rewrite README.md
 *   npm run speed-table -- --check exit 1 if README.md differs from what the files give
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BEGIN = '<!-- speed-table:begin (npm run speed-table writes this part from results/*.json; do not edit by hand) -->';
export const END = '<!-- speed-table:end -->';

type Json = Record<string, unknown>;

export function readResults(dir: string): Record<string, Json | undefined> {
  const out: Record<string, Json | undefined> = {};
  for (const name of ['bench-encoder', 'bench-unet', 'bench-load', 'bench-browser', 'bench-cli']) {
    const path = join(dir, `${name}.json`);
    out[name] = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Json) : undefined;
  }
  return out;
}

const ms = (x: number) => (x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const day = (iso: unknown) => (typeof iso === 'string' ? iso.slice(0, 10) : 'date not recorded');

interface BenchRow {
  stage: string;
  clock?: 'wall' | 'thread';
  median: number;
  p10: number;
  p90: number;
  ratioToFloor?: number;
}

function benchTable(name: string, r: Json | undefined): string[] {
  if (!r) return [`No \`results/${name}.json\` yet.`, ''];
  const rows = r.rows as BenchRow[];
  const load = typeof r.loadAverage === 'number' ? `, load average ${r.loadAverage} at the end` : '';
  return [
    `\`results/${name}.json\`: model ${String(r.family)}, ${String(r.spectra)} SDSS spectra, ${String(r.repeats)} repeats, ` +
      `${r.clock === 'thread' ? 'stages on the JavaScript thread in its CPU time, the rest (marked *) in wall-clock time' : 'wall-clock time'}, ` +
      `${String(r.cpu)}, Node ${String(r.node)}, one core${load} (${day(r.date)}).`,
    '',
    '| stage (ms per spectrum) | median | p10 – p90 | × floor |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      (x) => `| ${x.stage}${r.clock === 'thread' && x.clock === 'wall' ? ' *' : ''} | ${ms(x.median)} | ${ms(x.p10)} – ${ms(x.p90)} | ${x.ratioToFloor === undefined ? '' : `×${x.ratioToFloor.toFixed(1)}`} |`,
    ),
    '',
  ];
}

interface LoadVisit {
  bytes: number;
  requests: number;
  firstResultMs: number;
  readyMs: number;
  largest: { path: string; bytes: number; requests: number; statuses: string[] }[];
}

function loadTable(r: Json | undefined): string[] {
  if (!r) return ['No `results/bench-load.json` yet.', ''];
  const cold = r.cold as LoadVisit;
  const reload = r.reload as LoadVisit;
  const t = r.targets as { coldBytes: number; reloadBytes: number; firstResultMs: number };
  const env = (r.env ?? {}) as Json;
  const size = (b: number) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);
  return [
    `\`results/bench-load.json\`: ${String(r.what)}; headless Chromium, ${String(env.cores)} cores, ` +
      `cross-origin isolated ${String(env.isolated)} (${day(r.date)}).`,
    '',
    '| visit | transferred | requests | first result after navigation | backend ready | target |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    `| cold (new profile) | ${size(cold.bytes)} | ${cold.requests} | ${cold.firstResultMs} ms | ${cold.readyMs} ms | ≤ ${size(t.coldBytes)}, first result ≤ ${t.firstResultMs} ms |`,
    `| reload | ${size(reload.bytes)} | ${reload.requests} | ${reload.firstResultMs} ms | ${reload.readyMs} ms | ≤ ${size(t.reloadBytes)} |`,
    '',
    `Largest transfers of the cold load: ${cold.largest.slice(0, 5).map((l) => `${l.path} ${size(l.bytes)} (${l.statuses.join(', ')})`).join('; ')}.`,
    '',
  ];
}

/** Scalars of a result file whose layout this generator does not know, one level deep. */
function scalars(r: Json): [string, string][] {
  const out: [string, string][] = [];
  const visit = (prefix: string, v: unknown, depth: number) => {
    if (typeof v === 'number') out.push([prefix, Number.isInteger(v) ? String(v) : v.toPrecision(4)]);
    else if (typeof v === 'string' || typeof v === 'boolean') out.push([prefix, String(v)]);
    else if (v && typeof v === 'object' && !Array.isArray(v) && depth < 2) {
      for (const [k, x] of Object.entries(v)) visit(prefix ? `${prefix}.${k}` : k, x, depth + 1);
    }
  };
  visit('', r, 0);
  return out.slice(0, 40);
}

function otherTable(name: string, what: string, r: Json | undefined): string[] {
  if (!r) return [`No \`results/${name}.json\` yet (${what}).`, ''];
  return [`\`results/${name}.json\` (${what}):`, '', '| figure | value |', '| --- | --- |', ...scalars(r).map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`), ''];
}

/** The generated part of the Speed section, markers included. */
export function speedSection(results: Record<string, Json | undefined>): string {
  const lines = [
    BEGIN,
    '',
    '#### Per spectrum on one core (`npm run bench`)',
    '',
    ...benchTable('bench-encoder', results['bench-encoder']),
    ...(results['bench-unet'] ? benchTable('bench-unet', results['bench-unet']) : []),
    '#### Loading the page (`npm run bench:load`)',
    '',
    ...loadTable(results['bench-load']),
    '#### In the browser (`npm run bench:browser`)',
    '',
    ...otherTable('bench-browser', 'worker throughput', results['bench-browser']),
    '#### Command line',
    '',
    ...otherTable('bench-cli', 'the command line over many files', results['bench-cli']),
    END,
  ];
  return lines.join('\n');
}

/** README text with the generated part replaced; throws if the markers are missing. */
export function withSpeedSection(readme: string, section: string): string {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no "${BEGIN}" … "${END}" markers`);
  return readme.slice(0, a) + section + readme.slice(b + END.length);
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\/tools\//, '/tools/'));
if (isMain) {
  const readme = readFileSync('README.md', 'utf8');
  const next = withSpeedSection(readme, speedSection(readResults('results')));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md Speed tables differ from results/*.json: run npm run speed-table');
      process.exit(1);
    }
    console.log('README.md Speed tables match results/*.json');
  } else {
    writeFileSync('README.md', next);
    console.log(next === readme ? 'README.md unchanged' : 'README.md Speed tables rewritten');
  }
}
