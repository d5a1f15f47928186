/** The command line as a user runs it: one JSON line per spectrum, errors per file, exit codes. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_SECOND_Z_SNR } from '../../src/core/scan/flags.ts';

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

  it('carries σ_z, the ranked minima with Δχ² and DELTACHI2; z2 keys only with the second-redshift flag', () => {
    const r = run(['--json', '--min-z2-snr', '0', 'test/fixtures/sdss/spec-0783-52325-0322.fits']);
    const [o] = lines(r.stdout);
    expect(o.z_err).toBeGreaterThan(0);
    expect(o.z_err).toBe(o.z_err_by_class.GALAXY);
    expect(o.z_err_scale.GALAXY).toBeGreaterThanOrEqual(1);
    expect(o.minima.GALAXY[0]).toEqual({ z: o.z, chi2: o.chi2.GALAXY, z_err: o.z_err, deltachi2: 0 });
    const others = [...o.minima.STAR, ...o.minima.GALAXY.slice(1), ...o.minima.QSO];
    expect(o.deltachi2).toBe(Math.min(...others.map((m: { deltachi2: number }) => m.deltachi2)));
    // The quasar whose residual holds the strongest candidate of the 85 SDSS spectra (S/N 7.8).
    const qso = 'test/fixtures/sdss/spec-7401-56808-0703.fits';
    const [strict] = lines(run(['--json', '--min-z2-snr', '1e9', qso]).stdout);
    expect(strict.anomaly).not.toContain('second-redshift');
    expect(Object.keys(strict)).not.toContain('z2');
    const [plain] = lines(run(['--json', qso]).stdout);
    expect(plain.anomaly).toContain('second-redshift');
    expect(plain.z2_snr).toBeGreaterThanOrEqual(MIN_SECOND_Z_SNR.encoder);
    expect(plain.z2_lines.length).toBeGreaterThanOrEqual(2);
    expect(plain.z2).toBeGreaterThan(0);
  });

  it('--curves writes one FITS file per input with each spectrum’s three curves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'curves-'));
    const r = run(['--json', '--curves', dir, 'test/fixtures/formats/twodf.fits']);
    expect(r.status).toBe(0);
    const file = join(dir, 'twodf.chi2.fits');
    expect(existsSync(file)).toBe(true);
    const PYTHON = '/usr/bin/python3';
    if (spawnSync(PYTHON, ['-c', 'import astropy'], { encoding: 'utf8' }).status !== 0) return; // astropy absent: the file's existence is all that is checked
    const script = [
      'import sys, json, numpy as np',
      'from astropy.io import fits',
      'with fits.open(sys.argv[1]) as h:',
      '  h.verify("exception")',
      '  out = [dict(name=x.name, idx=x.header["SPECIDX"], zbest=x.header["ZBEST"], rows=len(x.data), zmin=float(x.data["Z"][np.argmin(x.data["CHI2"])]), ratio=bool(np.allclose(x.data["CHI2"], x.data["CHI2_RED"] * x.header["DOF"]))) for x in h[1:]]',
      'print(json.dumps(out))',
    ].join('\n');
    const py = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' });
    expect(py.stderr).toBe('');
    const hdus = JSON.parse(py.stdout);
    const analysed = lines(r.stdout);
    expect(hdus.map((h: { name: string; idx: number }) => [h.idx, h.name])).toEqual(
      analysed.flatMap((o) => ['STAR', 'GALAXY', 'QSO'].map((c) => [o.index, `CHI2_${c}`])),
    );
    for (const h of hdus) expect(h.ratio).toBe(true);
    // The header's best z is the curve's lowest point to within the sub-pixel refinement.
    for (const h of hdus) expect(Math.abs(h.zbest - h.zmin) / (1 + h.zmin)).toBeLessThan(2.4e-4);
    // the curves are in the measured frame: z_obs (z may be corrected to the barycentre)
    expect(analysed.map((o) => o.z_obs)).toEqual(hdus.filter((h: { name: string }, i: number) => h.name === `CHI2_${analysed[Math.floor(i / 3)].class}`).map((h: { zbest: number }) => Number(h.zbest.toPrecision(8))));
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

describe('analyze CLI inputs', () => {
  it('takes 5000 paths without crashing (onnxruntime-node segfaults with a long argv: the paths go to a child on stdin), in order', () => {
    const missing = Array.from({ length: 5000 }, (_, i) => `missing-${i}.fits`);
    const r = run(['--json', 'test/fixtures/sdss/spec-0375-52140-0356.fits', ...missing, 'test/fixtures/sdss/spec-0783-52325-0322.fits']);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(5002);
    expect(out[0]).toMatchObject({ file: 'spec-0375-52140-0356.fits', class: 'GALAXY' });
    expect(out[1]).toMatchObject({ file: 'missing-0.fits', error: expect.stringMatching(/cannot read the file/) });
    expect(out[5001]).toMatchObject({ file: 'spec-0783-52325-0322.fits', class: 'GALAXY' });
  });

  it('reads --files-from (a list file, comments and blank lines skipped) and recurses directories for FITS files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-list-'));
    const list = join(dir, 'list.txt');
    writeFileSync(list, '# two spectra\ntest/fixtures/sdss/spec-0783-52325-0322.fits\n\ntest/fixtures/external/lamost/spec-55862-B6212_sp06-003.fits\n');
    const r = run(['--json', '--files-from', list, 'test/fixtures/external/2df']);
    expect(r.status).toBe(0);
    const files = lines(r.stdout).map((o) => `${o.file}#${o.index}`);
    // the paths given (the directory's FITS files, sorted; truth.csv is not a spectrum file), then the list's
    expect(files).toEqual([
      '000001.fits#0',
      '000001.fits#1',
      'J113606.3+001155a.fit#0',
      'MGC23320.fit#0',
      'spec-0783-52325-0322.fits#0',
      'spec-55862-B6212_sp06-003.fits#0',
    ]);
  });
});

describe('analyze CLI --outliers (issue 13)', () => {
  it('scores the run: every spectrum of the 85 SDSS fixtures has its coefficients and an outlier score within its class', () => {
    const r = spawnSync('npx', ['tsx', 'tools/analyze.ts', '--json', '--outliers', 'test/fixtures/sdss'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(85);
    for (const o of out) {
      expect(o.coefficients.QSO).toHaveLength(11);
      // ω sum to 1 (6-digit rounding)
      expect(Math.abs(o.coefficients.GALAXY.slice(0, 10).reduce((a: number, b: number) => a + b, 0) - 1)).toBeLessThan(1e-4);
      expect(o.outlier_lof).toBeGreaterThan(0.5);
    }
    // the flag goes to at most the top 1 % of each class (at least one each), only above LOF 1.2
    const flagged = out.filter((o) => o.anomaly.includes('coefficient-outlier'));
    expect(flagged.length).toBeLessThanOrEqual(3);
    for (const o of flagged) expect(o.outlier_lof).toBeGreaterThan(1.2);
  }, 320_000);
});
