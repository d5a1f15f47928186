/**
 * The survey run on a real Slurm cluster: deploy/slurm/gasnet-array.sbatch as a job array over the
 * fixtures, merged, compared with one process over the same list; and a task killed mid-run,
 * resubmitted, with every spectrum in the catalog exactly once.
 *
 * CI starts a one-node cluster (deploy/slurm/ci/cluster-up.sh) and sets GASNET_SLURM=required, so
 * there these tests fail rather than skip when Slurm does not answer. Elsewhere they run when
 * `sinfo` finds an idle node and are skipped, saying so, when it does not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SBATCH = join(ROOT, 'deploy', 'slurm', 'gasnet-array.sbatch');
const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin.gasnet);

function slurmState(): string {
  const r = spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : '';
}
const state = slurmState();
const up = /^(idle|mixed|allocated)/.test(state);
const required = process.env.GASNET_SLURM === 'required';
if (!up && !required) console.warn(`test/slurm skipped: no Slurm node answers sinfo (start one with deploy/slurm/ci/cluster-up.sh)`);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Submits the array script; returns the job id. */
function submit(array: string, list: string, out: string, shards: number, logs: string, extra = ''): string {
  const r = run('sbatch', ['--parsable', `--array=${array}`, '--cpus-per-task=1', `--output=${join(logs, 'task-%A_%a.out')}`, `--chdir=${ROOT}`, SBATCH, list, out, String(shards)], {
    GASNET_HOME: ROOT,
    NODE: process.execPath,
    GASNET_ARGS: extra,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split(';')[0];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls squeue until the job (all its array tasks) has left the queue. */
async function waitForJob(jobId: string, timeoutMs = 240_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = run('squeue', ['-h', '-j', jobId]);
    if (r.status === 0 && r.stdout.trim() === '') return;
    await sleep(300);
  }
  throw new Error(`job ${jobId} still queued after ${timeoutMs} ms`);
}

const merge = (out: string, list: string, catalog: string) => run(process.execPath, [BIN, 'merge', out, '--files-from', list, '--out', catalog]);

async function readCatalog(path: string): Promise<Record<string, unknown>[]> {
  const buf = readFileSync(path);
  const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return (await parquetReadObjects({ file })) as Record<string, unknown>[];
}

const fixtureFiles = (dir: string) =>
  readdirSync(join(ROOT, 'test', 'fixtures', dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(fits|fit|fz|gz)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();

describe.skipIf(!up && !required)('Slurm job array (deploy/slurm)', () => {
  it('has a Slurm node to run on', () => {
    expect(up, `GASNET_SLURM=required but sinfo says '${state}'`).toBe(true);
  });

  it('a 4-task array over the fixtures merges into the catalog one process writes, row for row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slurm-array-'));
    const list = join(dir, 'list.txt');
    // Single-spectrum SDSS files, other instruments' files and multi-spectrum files (2dF plate,
    // DESI coadd), so that balancing by spectra and the per-spectrum rows are both exercised.
    const files = [...fixtureFiles('sdss'), ...fixtureFiles('external'), ...fixtureFiles('formats')];
    writeFileSync(list, files.join('\n') + '\n');
    const out = join(dir, 'out');
    const logs = join(dir, 'logs');
    mkdirSync(logs);

    const job = submit('0-3', list, out, 4, logs);
    await waitForJob(job);
    const logText = readdirSync(logs).map((f) => readFileSync(join(logs, f), 'utf8'));
    expect(logText.length).toBe(4);
    for (const text of logText) expect(text).toMatch(/gasnet shard \d\/4 done/);

    const merged = merge(out, list, join(dir, 'catalog.parquet'));
    expect(merged.status, merged.stderr).toBe(0);
    const single = run(process.execPath, [BIN, 'analyze', '--files-from', list, '--jobs', '1', '--out', join(dir, 'single.parquet')]);
    expect(single.status, single.stderr).toBe(0);

    const a = await readCatalog(join(dir, 'catalog.parquet'));
    const b = await readCatalog(join(dir, 'single.parquet'));
    expect(a.length).toBeGreaterThan(files.length); // multi-spectrum files add rows
    expect(a).toEqual(b);
  }, 600_000);

  it('a task killed mid-run and resubmitted leaves every spectrum in the catalog exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slurm-kill-'));
    // Enough files that a task is still running when its first chunk is committed: the SDSS
    // fixtures under many distinct names (symbolic links).
    const sdss = fixtureFiles('sdss');
    const spectra = join(dir, 'spectra');
    mkdirSync(spectra);
    const paths: string[] = [];
    for (let copy = 0; copy < 20; copy++) {
      for (const f of sdss) {
        const p = join(spectra, `c${copy}-${f.split('/').pop()}`);
        symlinkSync(f, p);
        paths.push(p);
      }
    }
    const list = join(dir, 'list.txt');
    writeFileSync(list, paths.join('\n') + '\n');
    const out = join(dir, 'out');
    const logs = join(dir, 'logs');
    mkdirSync(logs);

    // Small chunks, so that a task commits its first long before it ends.
    const job = submit('0-3', list, out, 4, logs, '--chunk-rows 32');
    // Task 0 starts first and owns the input positions from 0: kill it once it has committed a chunk.
    const until = Date.now() + 120_000;
    while (!(existsSync(out) && readdirSync(out).some((f) => /^chunk-0000000000-/.test(f)))) {
      const left = run('squeue', ['-h', '-j', job]).stdout.trim() === '';
      if (left || Date.now() > until) {
        const logText = readdirSync(logs).map((f) => readFileSync(join(logs, f), 'utf8')).join('\n');
        throw new Error(`task 0 committed no chunk ${left ? 'before the job ended' : 'in 120 s'}; task logs:\n${logText}`);
      }
      await sleep(20);
    }
    const cancel = run('scancel', ['--signal=KILL', '--full', `${job}_0`]);
    expect(cancel.status, cancel.stderr).toBe(0);
    await waitForJob(job);

    // What task 0 committed before it was killed: the rerun must keep it and carry on after it.
    const committed = readdirSync(out).filter((f) => f.startsWith('chunk-')).map((f) => [f, statSync(join(out, f)).mtimeMs] as const);
    const broken = merge(out, list, join(dir, 'broken.parquet'));
    expect(broken.status).not.toBe(0);
    expect(broken.stdout + broken.stderr).toMatch(/missing/i);

    const again = submit('0', list, out, 4, logs, '--chunk-rows 32');
    await waitForJob(again);
    const merged = merge(out, list, join(dir, 'catalog.parquet'));
    expect(merged.status, merged.stderr).toBe(0);
    for (const [f, mtime] of committed) expect(statSync(join(out, f)).mtimeMs, f).toBe(mtime);
    const rows = await readCatalog(join(dir, 'catalog.parquet'));
    expect(rows.map((r) => r.path)).toEqual(paths);
  }, 600_000);
});
