/**
 * Calibration of the curvature redshift error σ_z (docs/METHOD-extensions.md §1).
 *
 *   npm run calibrate-zerr [-- --model encoder|unet] [--out results/zerr-calibration-<model>.json]
 *
 * On the 85 SDSS spectra whose answer is right (class and GF threshold), per class:
 * - noise alone: each spectrum again with fresh Gaussian noise of its own ivar added (MC_DRAWS
 *   draws); the spread of z_draw − z against σ_z checks the curvature formula for pixel noise;
 * - against SDSS: the raw error against SDSS's Z_ERR, the pulls (z − z_SDSS)/σ_z and their robust
 *   spread (1.4826·MAD). Both fits see the same pixel noise, so their difference is mostly model
 *   error: the scale s = max(1, that spread) widens σ_z to cover it (zErr.ts Z_ERR_SCALE).
 *   The pulls with Z_ERR added in quadrature are reported too.
 * Then the external real spectra (noise-only check and pulls) as an independent check of the scaled error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GF_THRESHOLD } from '../src/core/evaluate/metrics.ts';
import type { AnalysisResult } from '../src/core/scan/types.ts';
import { CLASSES, type ModelFamily, type SpectralClass } from '../src/core/types.ts';
import { analyzeRow, externalRows, isRight, sdssRows, type DevRow } from './lib/devSets.ts';
import { arg } from './lib/args.ts';
import { loadAnalyzer } from './lib/nodeModels.ts';
import { seededRandom } from './lib/random.ts';
import { fractionWithin, median, nmad, sig } from './lib/stats.ts';

const family = arg('--model', 'encoder') as ModelFamily;
const out = arg('--out', `results/zerr-calibration-${family}.json`);
const analyzer = await loadAnalyzer(family);

interface Sample {
  file: string;
  cls: SpectralClass;
  dz: number;
  /** Curvature error before the scale. */
  raw: number;
  /** Error applied in the output (raw × scale). */
  scaled: number;
  /** The truth's own error (SDSS Z_ERR), 0 when the file gives none. */
  truthErr: number;
  /** Noise-only pulls. */
  noisePulls?: number[];
}

async function collect(rows: DevRow[], withNoise: boolean): Promise<{ samples: Sample[]; wrong: number }> {
  const samples: Sample[] = [];
  let wrong = 0;
  for (const row of rows) {
    const o = await analyzeRow(row, analyzer);
    if (!o.result.ok || row.z === undefined || row.cls === undefined) continue;
    const r: AnalysisResult = o.result.value;
    if (!isRight(row, r, GF_THRESHOLD)) {
      wrong++;
      continue;
    }
    const raw = r.zErr / r.zErrScale[r.cls];
    const noise = withNoise && Number.isFinite(raw) ? await noisePulls(row, r, samples.length + 1) : undefined;
    samples.push({ file: `${row.path}[${row.index}]`, cls: r.cls, dz: r.z - row.z, raw, scaled: r.zErr, truthErr: o.spectrum?.meta.truth?.zErr ?? 0, noisePulls: noise });
  }
  return { samples, wrong };
}

/** Draws of fresh noise per spectrum in the noise-only check. */
const MC_DRAWS = 8;

/** (z_draw − z)/σ_raw for MC_DRAWS noisy copies of a right answer's spectrum. */
async function noisePulls(row: DevRow, r: AnalysisResult, seed: number): Promise<number[]> {
  const rng = seededRandom(seed);
  const raw = r.zErr / r.zErrScale[r.cls];
  const out: number[] = [];
  for (let d = 0; d < MC_DRAWS; d++) {
    const o = await analyzeRow(row, analyzer, (s) => {
      const flux = Float32Array.from(s.flux, (f, i) => (s.ivar[i] > 0 ? f + rng.normal() / Math.sqrt(s.ivar[i]) : f));
      return { ...s, flux };
    });
    if (o.result.ok && o.result.value.cls === r.cls) out.push((o.result.value.z - r.z) / raw);
  }
  return out;
}

function summary(xs: Sample[], fitScale: boolean) {
  const finite = xs.filter((x) => Number.isFinite(x.raw));
  const withTruthErr = finite.filter((x) => x.truthErr > 0);
  const rawPulls = finite.map((x) => x.dz / x.raw);
  const applied = finite.map((x) => x.dz / x.scaled);
  const withTruth = withTruthErr.map((x) => x.dz / Math.hypot(x.scaled, x.truthErr));
  const noise = finite.flatMap((x) => x.noisePulls ?? []);
  return {
    n: xs.length,
    nNotConvex: xs.length - finite.length,
    medianZErrRaw: sig(median(finite.map((x) => x.raw))),
    medianTruthZErr: withTruthErr.length ? sig(median(withTruthErr.map((x) => x.truthErr))) : null,
    medianRatioRawToTruthZErr: withTruthErr.length ? sig(median(withTruthErr.map((x) => x.raw / x.truthErr))) : null,
    medianDz: sig(median(finite.map((x) => x.dz))),
    ...(noise.length ? { noiseOnly: { draws: noise.length, nmadPull: sig(nmad(noise)), within1: sig(fractionWithin(noise, 1), 3) } } : {}),
    raw: { nmadPull: sig(nmad(rawPulls)), medianPull: sig(median(rawPulls)), within1: sig(fractionWithin(rawPulls, 1), 3) },
    ...(fitScale ? { fittedScale: sig(Math.max(1, nmad(rawPulls)), 3) } : {}),
    applied: { nmadPull: sig(nmad(applied)), within1: sig(fractionWithin(applied, 1), 3), within2: sig(fractionWithin(applied, 2), 3) },
    appliedWithTruthErr: withTruth.length ? { n: withTruth.length, nmadPull: sig(nmad(withTruth)), within1: sig(fractionWithin(withTruth, 1), 3) } : null,
  };
}

const sdss = await collect(sdssRows(), true);
const external = await collect(externalRows(), true);
const report = {
  model: family,
  command: `npm run calibrate-zerr -- --model ${family}`,
  note: 'pull = (z − z_truth)/σ_z over right answers; noiseOnly = (z_draw − z)/σ_raw with fresh ivar noise; fittedScale = max(1, 1.4826·MAD of raw pulls); applied = with the scale the output carries; appliedWithTruthErr adds the truth Z_ERR in quadrature',
  sdss: { wrong: sdss.wrong, perClass: Object.fromEntries(CLASSES.map((c) => [c, summary(sdss.samples.filter((x) => x.cls === c), true)])) },
  external: { wrong: external.wrong, perClass: Object.fromEntries(CLASSES.map((c) => [c, summary(external.samples.filter((x) => x.cls === c), false)])) },
  samples: { sdss: sdss.samples.map(round), external: external.samples.map(round) },
};

function round(x: Sample) {
  return { file: x.file, cls: x.cls, dz: sig(x.dz), raw: sig(x.raw), scaled: sig(x.scaled), truthErr: sig(x.truthErr), noisePulls: x.noisePulls?.map((p) => sig(p, 3)) };
}

for (const set of ['sdss', 'external'] as const) {
  console.log(`${set} (wrong answers left out: ${report[set].wrong})`);
  console.log('class   n  σ_raw med  Z_ERR med  σ_raw/Z_ERR  NMAD noise-only  NMAD pull raw  fitted s  NMAD applied  |pull|≤1  ≤2  NMAD with Z_ERR');
  for (const c of CLASSES) {
    const p = report[set].perClass[c] as ReturnType<typeof summary>;
    console.log(
      [c.padEnd(6), String(p.n).padStart(3), p.medianZErrRaw, p.medianTruthZErr, p.medianRatioRawToTruthZErr, p.noiseOnly?.nmadPull ?? '—', p.raw.nmadPull, p.fittedScale ?? '—', p.applied.nmadPull, p.applied.within1, p.applied.within2, p.appliedWithTruthErr?.nmadPull ?? '—'].join('  '),
    );
  }
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 1) + '\n');
console.log(`written ${out}`);
