/** The command line as a user runs it: one JSON line per spectrum, errors per file, exit codes. */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const run = (args: string[]) => spawnSync('npx', ['tsx', 'tools/analyze.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
const lines = (out: string) => out.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));

describe('analyze CLI', () => {
  it('prints one JSON object per spectrum, carries on past a bad file, exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const broken = join(dir, 'broken.fits');
    writeFileSync(broken, 'SIMPLE  =                    T'.padEnd(2880, ' ').slice(0, 1000));
    const r = run(['--json', 'test/fixtures/sdss/spec-0783-52325-0322.fits', broken, 'test/fixtures/formats/twodf.fits']);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => [o.file, o.index ?? null])).toEqual([
      ['spec-0783-52325-0322.fits', 0],
      ['broken.fits', null],
      ['twodf.fits', 0],
      ['twodf.fits', 1],
      ['twodf.fits', 2],
    ]);
    const ok = out[0];
    expect(Object.keys(ok)).toEqual(expect.arrayContaining(['file', 'index', 'class', 'z', 'chi2', 'z_by_class', 'robustness', 'anomaly', 'ms']));
    expect(ok.class).toBe('GALAXY');
    expect(Math.abs(ok.z - 0.07789412) / 1.0779).toBeLessThan(3e-4);
    expect(Object.keys(ok.chi2).sort()).toEqual(['GALAXY', 'QSO', 'STAR']);
    expect(out[1].error).toMatch(/broken\.fits/);
    expect(out.slice(2).map((o) => o.class)).toEqual(['STAR', 'GALAXY', 'QSO']);
  });

  it('exits 1 when nothing could be analysed, and names the reason', () => {
    const r = run(['--json', 'test/fixtures/formats/unknown_layout.fits', 'does-not-exist.fits']);
    expect(r.status).toBe(1);
    const out = lines(r.stdout);
    expect(out[0].error).toMatch(/unknown_layout\.fits.*HDU/);
    expect(out[1].error).toMatch(/does-not-exist\.fits/);
  });

  it('--model both gives one line per family; thresholds are settable', () => {
    const out = lines(execFileSync('npx', ['tsx', 'tools/analyze.ts', '--json', '--model', 'both', '--max-chi2', '0.01', 'test/fixtures/sdss/spec-3188-54831-0169.fits'], { cwd: ROOT, encoding: 'utf8' }));
    expect(out.map((o) => o.model)).toEqual(['encoder', 'unet']);
    for (const o of out) {
      expect(o.class).toBe('STAR');
      expect(o.anomaly).toContain('high-chi2');
    }
  });
});
