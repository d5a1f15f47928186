/**
 * The README's "Speed" tables, generated from the committed benchmark results
 * so that every figure there can be traced to a file under results/:
 *   results/bench-encoder.json, bench-unet.json   npm run bench [-- --model unet]
 *   results/bench-load.json                       npm run bench:load
 *   results/bench-browser.json                    npm run bench:browser
 *   results/bench-cli.json                        npm run bench:cli
 *   results/bench-bigfile.json                    npm run test:bigfile
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
  for (const name of ['bench-encoder', 'bench-unet', 'bench-load', 'bench-browser', 'bench-bigfile', 'bench-cli']) {
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

interface BrowserConfig {
  config: string;
  backendLabel: string;
  threads: string;
  median: {
    spectraPerSecond: number;
    cpuMsPerSpectrum: number;
    workerMsPerSpectrum: number;
    firstRowMs: number;
    longestTaskMs: number;
    /** The app's handlers of the drop (absent in files written before it was measured). */
    dropHandlerMs?: number;
    openSpectrumMs: number;
    loadAverage1m: number;
    cpuRatioToReadFloor?: number;
  };
}

function browserTable(r: Json | undefined, big: Json | undefined): string[] {
  if (!r) return ['No `results/bench-browser.json` yet.', ''];
  const configs = r.configs as BrowserConfig[];
  const floor = r.readFloor as { files: number; wallMsPerFile: number; cpuMsPerFile: number } | undefined;
  const m = (r.machine ?? {}) as Json;
  const lines = [
    `\`results/bench-browser.json\`: \`${String(r.command)}\`, ${String(r.files)} SDSS spec-lite files dropped at once, ` +
      `median of ${String(r.runsPerConfig)} runs per configuration (workers × WASM threads), headless Chromium, ${String(m.cores)} cores, ` +
      `cross-origin isolated ${String(m.crossOriginIsolated)} (${day(r.date)}). CPU is the whole browser's (every process and thread) per spectrum. ` +
      `The longest main-thread task leaves out the task the drop happens in, which is Playwright's setInputFiles making the File objects; the app's own handling of the drop is given beside it.`,
    '',
    '| configuration | spectra/s | CPU ms/spectrum | × reading floor | worker ms/spectrum | first row | longest main-thread task | open a spectrum | load average |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...configs.map((c) => {
      const x = c.median;
      const ratio = x.cpuRatioToReadFloor === undefined ? '' : `×${x.cpuRatioToReadFloor.toFixed(1)}`;
      const drop = x.dropHandlerMs === undefined ? '' : ` (drop handler ${x.dropHandlerMs.toFixed(0)} ms)`;
      return `| ${c.config} (threads ${c.threads}) | ${x.spectraPerSecond.toFixed(1)} | ${ms(x.cpuMsPerSpectrum)} | ${ratio} | ${ms(x.workerMsPerSpectrum)} | ${x.firstRowMs.toFixed(0)} ms | ${x.longestTaskMs.toFixed(0)} ms${drop} | ${x.openSpectrumMs.toFixed(0)} ms | ${x.loadAverage1m.toFixed(1)} |`;
    }),
    '',
  ];
  if (floor) {
    lines.push(
      `Reading floor, measured in the same run: a bare worker that only reads the ${floor.files} dropped files (\`Blob.arrayBuffer()\`) uses ${ms(floor.cpuMsPerFile)} ms of the browser's CPU per file ` +
        `(${ms(floor.wallMsPerFile)} ms wall): reading alone, before any analysis, caps single-spectrum files at ${(1000 * Number(m.cores) / floor.cpuMsPerFile).toFixed(0)} a second on these ${String(m.cores)} cores.`,
      '',
    );
  }
  if (big) {
    const mb = (b: unknown) => `${(Number(b) / 1024 ** 2).toFixed(0)} MiB`;
    lines.push(
      `\`results/bench-bigfile.json\` (\`${String(big.command)}\`, ${day(big.date)}): a ${(Number(big.fileBytes) / 1024 ** 3).toFixed(2)} GiB spPlate of ${String(big.spectra)} fibres in ` +
        `${Number(big.wallSeconds).toFixed(1)} s (${Number(big.spectraPerSecond).toFixed(0)} spectra/s, first rows after ${Number(big.firstRowsSeconds).toFixed(1)} s), ` +
        `page + worker memory peak ${mb(big.peakHeapBytes)} (limit ${mb(big.heapLimitBytes)}), ${String(big.errors)} errors.`,
      '',
    );
  }
  return lines;
}

interface CliRun {
  jobs: number;
  spectra: number;
  seconds: number;
  spectraPerSecond: number;
  spectraPerCpuSecond: number;
  firstResultMs: number;
  maxRssMb: number;
}

function cliTable(r: Json | undefined): string[] {
  if (!r) return ['No `results/bench-cli.json` yet.', ''];
  const m = (r.machine ?? {}) as Json;
  const s = r.startup as { command: string; firstResultMsMedian: number; cpuMsMedian: number };
  const mem = r.memory as { files: number; jobs: number; spectraPerSecond: number; maxRssMb: number } | undefined;
  const runs = r.throughput as CliRun[];
  return [
    `\`results/bench-cli.json\`: \`${String(r.command)}\`, ${String(r.input)}; ${String(m.cpus)} cores, Node ${String(m.node)} (${day(r.date)}).`,
    '',
    '| run | spectra/s | seconds | spectra per CPU second | first result | peak memory (RSS) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| start-up: \`${s.command}\` | | | | ${s.firstResultMsMedian.toFixed(0)} ms (${s.cpuMsMedian} ms CPU) | |`,
    ...runs.map((x) => `| ${x.spectra} files, \`--jobs ${x.jobs}\` | ${x.spectraPerSecond.toFixed(0)} | ${x.seconds.toFixed(2)} | ${x.spectraPerCpuSecond.toFixed(0)} | ${x.firstResultMs.toFixed(0)} ms | ${x.maxRssMb.toFixed(0)} MB |`),
    ...(mem ? [`| ${mem.files} files, \`--jobs ${mem.jobs}\` | ${mem.spectraPerSecond.toFixed(0)} | | | | ${mem.maxRssMb.toFixed(0)} MB |`] : []),
    '',
  ];
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
    '#### In the browser (`npm run bench:browser`, `npm run test:bigfile`)',
    '',
    ...browserTable(results['bench-browser'], results['bench-bigfile']),
    '#### Command line (`npm run bench:cli`)',
    '',
    ...cliTable(results['bench-cli']),
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
