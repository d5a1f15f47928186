/**
 * docs/scale.md from measurements: npm run scale-plan
 *
 * Takes the command line's speed from results/bench-cli.json (npm run bench:cli: spectra/s from
 * files with every core busy, start-up included), measures here the bytes read per spectrum (the
 * SDSS fixtures, spec-lite files of one spectrum each) and the catalog's bytes per row (the built
 * CLI's Parquet and FITS output over every fixture), writes results/scale-plan.json and regenerates
 * the generated part of docs/scale.md (tools/lib/scalePlan.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderScalePlan, withPlan, type ScaleInputs } from './lib/scalePlan.ts';

const ROOT = join(import.meta.dirname, '..');
const fixtures = (dir: string) =>
  readdirSync(join(ROOT, 'test/fixtures', dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(fits|fit|fz|gz)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();

interface BenchCli {
  command: string;
  date: string;
  throughput: { jobs: number; spectraPerSecond: number }[];
  /** The longest run (5× the files): start-up weighs least, as in an array task of 10⁵ spectra. */
  memory?: { files: number; jobs: number; spectraPerSecond: number };
}
const bench = JSON.parse(readFileSync(join(ROOT, 'results/bench-cli.json'), 'utf8')) as BenchCli;
const shortRun = bench.throughput.reduce((a, b) => (b.jobs > a.jobs ? b : a));
const busiest = bench.memory ?? shortRun;
const runFiles = bench.memory ? `${bench.memory.files} files` : 'the short run';

const sdss = fixtures('sdss');
const inputBytes = sdss.reduce((sum, f) => sum + statSync(f).size, 0) / sdss.length;

const built = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`build:cli failed: ${built.stderr}`);
const dir = mkdtempSync(join(tmpdir(), 'scale-plan-'));
const list = join(dir, 'list.txt');
writeFileSync(list, [...sdss, ...fixtures('external'), ...fixtures('formats')].join('\n') + '\n');
const catalog = (ext: string) => {
  const out = join(dir, `catalog.${ext}`);
  const r = spawnSync(process.execPath, ['dist-cli/gasnet.mjs', 'analyze', '--files-from', list, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gasnet analyze --out ${out} failed: ${r.stderr}`);
  return statSync(out).size;
};
const rowsRun = spawnSync(process.execPath, ['dist-cli/gasnet.mjs', 'analyze', '--json', '--files-from', list], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
const rows = rowsRun.stdout.split('\n').filter((l) => l.startsWith('{')).length;
const parquet = catalog('parquet');
const fits = catalog('fits');
rmSync(dir, { recursive: true, force: true });

const inputs: ScaleInputs = {
  spectraPerSecondPerCore: busiest.spectraPerSecond / busiest.jobs,
  source: `\`${bench.command}\`, --jobs ${busiest.jobs} over ${runFiles}, ${bench.date.slice(0, 10)}, results/bench-cli.json`,
  inputBytesPerSpectrum: inputBytes,
  inputSource: `mean size of the ${sdss.length} SDSS spec-lite fixtures`,
  catalogBytesPerRow: { parquet: parquet / rows, fits: fits / rows },
  catalogRows: rows,
};
writeFileSync(join(ROOT, 'results/scale-plan.json'), JSON.stringify({ command: 'npm run scale-plan', date: new Date().toISOString(), ...inputs }, null, 2) + '\n');
const docPath = join(ROOT, 'docs/scale.md');
writeFileSync(docPath, withPlan(readFileSync(docPath, 'utf8'), renderScalePlan(inputs)));
console.log(renderScalePlan(inputs));
console.log('wrote results/scale-plan.json and docs/scale.md');
