/**
 * The built command line from the outside, as a user waits for it (issue 10 item 5):
 *
 *   npm run bench:cli [-- --files 1020] [--repeats 7] [--jobs 1,2]
 *
 * Builds dist-cli (npm run build:cli), copies the SDSS fixtures under distinct names into a
 * temporary directory until there are --files of them, then times with plain `node`:
 *  - start-up: `gasnet analyze --json ONE.fits`, spawn to the first result line (median of --repeats);
 *  - throughput: `gasnet analyze --json --jobs J --files-from LIST` over all the files, start-up
 *    included (spectra / wall second), and its peak memory (/usr/bin/time's maximum RSS);
 *  - memory over 5× the files at the highest J, to show it stays flat.
 * The machine's load average is recorded with the figures, and each run's CPU seconds (user +
 * system, all threads): on a shared, loaded machine wall time measures the others too, while
 * spectra per CPU-second stays close to what one free core does. Writes results/bench-cli.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { arg } from './lib/args.ts';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist-cli', 'gasnet.mjs');
const files = Number(arg('--files', '1020'));
const repeats = Number(arg('--repeats', '7'));
const jobsList = arg('--jobs', `1,${availableParallelism()}`).split(',').map(Number);

const built = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`build:cli failed: ${built.stderr}`);

const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
function copies(n: number): string {
  const sdss = join(ROOT, 'test/fixtures/sdss');
  const names = readdirSync(sdss).filter((f) => f.endsWith('.fits')).sort();
  const data = join(dir, `data-${n}`);
  mkdirSync(data);
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = join(data, `c${String(i).padStart(6, '0')}-${names[i % names.length]}`);
    copyFileSync(join(sdss, names[i % names.length]), p);
    paths.push(p);
  }
  const list = join(dir, `list-${n}.txt`);
  writeFileSync(list, paths.join('\n') + '\n');
  return list;
}

interface Run {
  firstMs: number;
  totalMs: number;
  lines: number;
  maxRssMb: number;
  /** User + system CPU seconds of the process (all its threads): less at the mercy of other load than wall time. */
  cpuS: number;
}

/** Wall ms to the first result line and to the end, the number of result lines, peak RSS (MB) and CPU seconds. */
function run(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstMs = NaN;
    let lines = 0;
    let stderr = '';
    const child = spawn('/usr/bin/time', ['-f', 'MAXRSS %M CPU %U %S', process.execPath, CLI, ...args], { cwd: ROOT });
    child.stdout.on('data', (b: Buffer) => {
      if (Number.isNaN(firstMs)) firstMs = performance.now() - t0;
      for (const c of b) if (c === 10) lines++;
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const totalMs = performance.now() - t0;
      const m = /MAXRSS (\d+) CPU ([\d.]+) ([\d.]+)/.exec(stderr);
      if (code !== 0 || !m) reject(new Error(`gasnet ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ firstMs, totalMs, lines, maxRssMb: Number(m[1]) / 1024, cpuS: Number(m[2]) + Number(m[3]) });
    });
  });
}

const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const r = (x: number, d = 1) => Number(x.toFixed(d));

const loadBefore = loadavg();
const one = join(ROOT, 'test/fixtures/sdss', readdirSync(join(ROOT, 'test/fixtures/sdss')).filter((f) => f.endsWith('.fits')).sort()[0]);
const startArgs = ['analyze', '--json', one];
const firsts: number[] = [];
const startCpu: number[] = [];
for (let i = 0; i < repeats; i++) {
  const s = await run(startArgs);
  firsts.push(s.firstMs);
  startCpu.push(s.cpuS * 1000);
}
console.log(`start-up to the first result: median ${r(median(firsts))} ms (${firsts.map((x) => r(x, 0)).join(', ')}); CPU for the whole run ${r(median(startCpu))} ms`);

const list = copies(files);
const throughput = [];
for (const jobs of jobsList) {
  const args = ['analyze', '--json', '--jobs', String(jobs), '--files-from', list];
  const res = await run(args);
  const perS = (res.lines / res.totalMs) * 1000;
  const perCpuS = res.lines / res.cpuS;
  console.log(`--jobs ${jobs}: ${res.lines} spectra in ${r(res.totalMs / 1000, 2)} s = ${r(perS)} spectra/s (start-up included), ${r(perCpuS)} spectra per CPU-second, first result ${r(res.firstMs)} ms, peak RSS ${r(res.maxRssMb)} MB`);
  throughput.push({ command: `node dist-cli/gasnet.mjs ${args.join(' ').replace(list, 'LIST')}`, jobs, spectra: res.lines, seconds: r(res.totalMs / 1000, 3), spectraPerSecond: r(perS), cpuSeconds: r(res.cpuS, 2), spectraPerCpuSecond: r(perCpuS), firstResultMs: r(res.firstMs), maxRssMb: r(res.maxRssMb) });
}
const jMax = Math.max(...jobsList);
const bigList = copies(files * 5);
const big = await run(['analyze', '--json', '--jobs', String(jMax), '--files-from', bigList]);
console.log(`--jobs ${jMax} over ${files * 5} files: ${r((big.lines / big.totalMs) * 1000)} spectra/s, peak RSS ${r(big.maxRssMb)} MB`);
const loadAfter = loadavg();
rmSync(dir, { recursive: true, force: true });

mkdirSync(join(ROOT, 'results'), { recursive: true });
const out = {
  command: `npm run bench:cli -- --files ${files} --repeats ${repeats} --jobs ${jobsList.join(',')}`,
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverageBefore: loadBefore.map((x) => r(x, 2)), loadAverageAfter: loadAfter.map((x) => r(x, 2)) },
  input: `${files} SDSS spec-lite files (test/fixtures/sdss copied under distinct names), one spectrum each`,
  startup: { command: `node dist-cli/gasnet.mjs ${startArgs.join(' ').replace(ROOT + '/', '')}`, firstResultMsMedian: r(median(firsts)), firstResultMs: firsts.map((x) => r(x)), cpuMsMedian: r(median(startCpu)) },
  throughput,
  memory: { files: files * 5, jobs: jMax, spectraPerSecond: r((big.lines / big.totalMs) * 1000), maxRssMb: r(big.maxRssMb), maxRssMbAt: { files, mb: throughput.find((t) => t.jobs === jMax)?.maxRssMb } },
};
writeFileSync(join(ROOT, 'results', 'bench-cli.json'), JSON.stringify(out, null, 2) + '\n');
console.log('wrote results/bench-cli.json');
