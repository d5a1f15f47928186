/**
 * The built command line as a survey runs it (`npm run build:cli`, then plain node): --jobs gives
 * the answers of --jobs 1 in input order; 4 shards merged equal one process row for row; a task
 * killed with SIGKILL and run again loses and duplicates nothing; merge refuses a catalog with a
 * spectrum missing or twice; the FITS catalog is clean for astropy.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';

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

describe('gasnet analyze --out after kill -9', () => {
  it('a task killed mid-run and run again resumes after its last committed chunk: every spectrum exactly once', async () => {
    const { dir, list } = survey(200);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [CLI, 'analyze', '--files-from', list, '--jobs', '2', '--chunk-rows', '1', '--out', out], { cwd: ROOT, stdio: 'ignore' });
    const chunks = () => (existsSync(out) ? readdirSync(out).filter((f) => f.startsWith('chunk-')) : []);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let done = false;
    void exited.then(() => (done = true));
    while (!done && chunks().length < 2) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const before = chunks().length;
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(Math.ceil(203 / 16)); // killed before the end
    const rerun = gasnet(['analyze', '--files-from', list, '--jobs', '2', '--chunk-rows', '1', '--out', out]);
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toMatch(/already committed; carrying on from [1-9]\d*/);
    expect(readdirSync(out).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
    const merged = gasnet(['merge', out, '--files-from', list, '--out', join(dir, 'catalog.parquet')]);
    expect(merged.stderr).toMatch(/204 rows, 202 input files, every spectrum once/);
    expect(merged.status).toBe(0);
  }, 600_000);
});

describe('gasnet analyze --out FILE.fits', () => {
  it('writes one FITS binary table that astropy reads without complaint, with the catalog columns', () => {
    const { dir, list } = survey(3);
    const fits = join(dir, 'catalog.fits');
    const r = gasnet(['analyze', '--files-from', list, '--jobs', '1', '--out', fits]);
    expect(r.status).toBe(0);
    expect(existsSync(`${fits}.parts`)).toBe(false);
    const PYTHON = '/usr/bin/python3';
    if (spawnSync(PYTHON, ['-c', 'import astropy'], { encoding: 'utf8' }).status !== 0) return; // astropy absent: the file's existence is all that is checked
    const script = [
      'import sys, json',
      'from astropy.io import fits',
      'with fits.open(sys.argv[1]) as h:',
      '  h.verify("exception")',
      '  t = h["GASNET_RESULTS"]',
      '  d = t.data',
      '  print(json.dumps(dict(names=t.columns.names, rows=len(d), file=[str(x) for x in d["file"]], index=[int(x) for x in d["index"]], bits=[int(x) for x in d["flag_bits"]], ver=t.header["MODELVER"], n=[int(x) for x in d["n_spectra"]])))',
    ].join('\n');
    const py = spawnSync(PYTHON, ['-c', script, fits], { encoding: 'utf8' });
    expect(py.stderr).toBe('');
    const t = JSON.parse(py.stdout);
    expect(t.names.slice(0, 5)).toEqual(['path', 'seq', 'n_spectra', 'file', 'index']);
    expect(t.names).toEqual(expect.arrayContaining(['class', 'z', 'z_star', 'chi2_qso', 'robustness', 'flags', 'ra', 'dec', 'family', 'error', 'flag_bits', 'model_version']));
    expect(t.rows).toBe(3 + 3 + 1);
    expect(t.file.slice(3)).toEqual(['twodf.fits', 'twodf.fits', 'twodf.fits', 'missing.fits']);
    expect(t.n).toEqual([1, 1, 1, 3, 3, 3, 0]);
    expect(t.bits[6]).toBe(2 ** 30);
    expect(t.ver).toMatch(/^[0-9a-f]{64}$/);
  }, 300_000);
});
