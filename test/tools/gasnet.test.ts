/**
 * The built command line as a survey runs it (`npm run build:cli`, then plain node): --jobs gives
 * the answers of --jobs 1 in input order; 4 shards merged equal one process row for row; a task
 * killed with SIGKILL and run again loses and duplicates nothing; merge refuses a catalog with a
 * spectrum missing or twice; the FITS catalog is clean for astropy.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist-cli', 'gasnet.mjs');
const SDSS = join(ROOT, 'test/fixtures/sdss');
const gasnet = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ...env } });
const jsonLines = (out: string) => out.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const readRows = async (path: string) => (await parquetReadObjects({ file: await asyncBufferFromFile(path) })) as Record<string, unknown>[];

/** n SDSS files copied under distinct names (a survey's many files), a multi-spectrum file and an unreadable one. */
function survey(n: number): { dir: string; list: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gasnet-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  const sdss = readdirSync(SDSS).filter((f) => f.endsWith('.fits')).sort();
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = join(data, `s${String(i).padStart(5, '0')}-${sdss[i % sdss.length]}`);
    copyFileSync(join(SDSS, sdss[i % sdss.length]), p);
    paths.push(p);
  }
  paths.splice(5, 0, join(ROOT, 'test/fixtures/formats/twodf.fits'), join(data, 'missing.fits'));
  const list = join(dir, 'list.txt');
  writeFileSync(list, paths.join('\n') + '\n');
  return { dir, list };
}

beforeAll(() => {
  const built = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);

describe('gasnet analyze --jobs', () => {
  it('gives the answers of --jobs 1, in input order', () => {
    const { list } = survey(40);
    const withoutMs = (out: string) => jsonLines(out).map(({ ms: _ms, ...rest }) => rest);
    const one = gasnet(['analyze', '--json', '--jobs', '1', '--files-from', list]);
    const two = gasnet(['analyze', '--json', '--jobs', '2', '--files-from', list]);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    const a = withoutMs(one.stdout);
    expect(a).toHaveLength(40 + 3 + 1);
    expect(a.map((o) => o.file).slice(4, 9)).toEqual([expect.stringMatching(/^s00004-/), 'twodf.fits', 'twodf.fits', 'twodf.fits', 'missing.fits']);
    expect(a[8].error).toMatch(/missing\.fits: cannot read the file/);
    expect(withoutMs(two.stdout)).toEqual(a);
  }, 600_000);
});

describe('gasnet analyze --shard / --out, gasnet merge', () => {
  it('4 shards (by --shard and by Slurm variables) merged equal one process row for row; merge names what is missing or twice', async () => {
    const { dir, list } = survey(60);
    const out = join(dir, 'out');
    for (const i of [0, 1]) expect(gasnet(['analyze', '--files-from', list, '--shard', `${i}/4`, '--jobs', '1', '--out', out]).status).toBe(0);
    // the last two as a Slurm array --array=1-4 would run them
    for (const id of ['3', '4']) expect(gasnet(['analyze', '--files-from', list, '--jobs', '1', '--out', out], { SLURM_ARRAY_TASK_ID: id, SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '4' }).status).toBe(0);
    const inputs = readdirSync(out).filter((f) => f.startsWith('inputs-'));
    expect(inputs).toHaveLength(4);
    const merged = join(dir, 'merged.parquet');
    const m = gasnet(['merge', out, '--files-from', list, '--out', merged]);
    expect(m.stderr).toMatch(/64 rows, 62 input files, every spectrum once/);
    expect(m.status).toBe(0);
    const single = join(dir, 'single.parquet');
    expect(gasnet(['analyze', '--files-from', list, '--jobs', '2', '--out', single]).status).toBe(0);
    const a = await readRows(merged);
    expect(a).toEqual(await readRows(single));
    expect(a.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4, 5, 5, 5, ...Array.from({ length: 56 }, (_, i) => i + 6)]);
    expect(a[6]).toMatchObject({ file: 'twodf.fits', index: 1, n_spectra: 3, class: 'GALAXY', family: 'encoder', flag_bits: expect.any(Number) });
    expect(a[8]).toMatchObject({ file: 'missing.fits', n_spectra: 0, error: expect.stringMatching(/cannot read the file/), flag_bits: 2 ** 30 });
    expect(String(a[0].model_version)).toMatch(/^[0-9a-f]{64}$/);

    // without --files-from, the inputs files the tasks wrote are the list
    expect(gasnet(['merge', out, '--out', join(dir, 'again.parquet')]).status).toBe(0);
    // a chunk lost and a chunk twice: named, nothing written, exit 1
    const chunks = readdirSync(out).filter((f) => f.startsWith('chunk-')).sort();
    rmSync(join(out, chunks[1]));
    const start = /^chunk-(\d+)-/.exec(chunks[2])![1];
    copyFileSync(join(out, chunks[2]), join(out, `chunk-${start}-9999999999.parquet`)); // the same rows once more
    const bad = gasnet(['merge', out, '--files-from', list, '--out', join(dir, 'bad.parquet')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/spectra missing:\n {2}\S+s0001\d-\S+\[0\] encoder/);
    expect(bad.stderr).toMatch(/spectra present more than once:\n {2}\S+\[0\] encoder \(2×\)/);
    expect(existsSync(join(dir, 'bad.parquet'))).toBe(false);
  }, 600_000);
});
