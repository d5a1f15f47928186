/**
 * What the coefficient-space outlier score finds (docs/anomalies.md).
 *
 *   npm run anomalies [-- --per-kind 8] [--features all-classes|best-class] [--out results/anomalies.json] [--dump-codes FILE]
 *
 * (--dump-codes writes every analysed spectrum's code and flags as JSON, for study outside the app.)
 *
 * 1. The development sets (85 SDSS + the external spectra) analysed by the encoders: the batch.
 * 2. Oddities planted into real SDSS spectra (tools/lib/plantOddities.ts): a second object's lines, a
 *    broken arm, a sky-dominated fibre, a star at a galaxy's redshift; `--per-kind` of each.
 * 3. Each planted spectrum alone added to the batch: its Local Outlier Factor rank within its class
 *    (core/anomaly/batchOutliers.ts: k = 20, Euclidean on the standardised 33-number code) — in the
 *    top 1 % (the flag's rate) or 5 %? — beside the χ²/R flags it got. Then all planted at once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { batchOutlierScores, LOF_K, MIN_FLAG_LOF, OUTLIER_FLAG, OUTLIER_RATE, outlierFlags, type CodedResult } from '../src/core/anomaly/batchOutliers.ts';
import type { AnalysisResult } from '../src/core/scan/types.ts';
import { analyzeRow, externalRows, sdssRows, type DevRow } from './lib/devSets.ts';
import { arg } from './lib/args.ts';
import { loadAnalyzer } from './lib/nodeModels.ts';
import { ODDITY_KINDS, plantOddity, type OddityKind } from './lib/plantOddities.ts';
import { seededRandom } from './lib/random.ts';
import { sig } from './lib/stats.ts';

const perKind = Number(arg('--per-kind', '8'));
/** all-classes (the app's score) or best-class (the best class's 11 numbers only, for comparison). */
const features = arg('--features', 'all-classes') as 'all-classes' | 'best-class';
const out = arg('--out', 'results/anomalies.json');

interface Entry extends CodedResult {
  name: string;
  set: string;
  z: number;
  flags: string[];
  robustness: number | null;
  chi2: number;
  kind?: OddityKind;
}

const entry = (name: string, set: string, r: AnalysisResult, kind?: OddityKind): Entry => ({
  name,
  set,
  cls: r.cls,
  coefficients: r.coefficients,
  z: sig(r.z, 6),
  flags: r.flags.slice(),
  robustness: r.robustness === undefined ? null : sig(r.robustness, 4),
  chi2: sig(r.chi2[r.cls], 4),
  ...(kind && { kind }),
});

const analyzer = await loadAnalyzer('encoder');
const devRows = [...sdssRows(), ...externalRows()];
const batch: Entry[] = [];
let failed = 0;
for (const row of devRows) {
  const o = await analyzeRow(row, analyzer);
  if (o.result.ok) batch.push(entry(`${basename(row.path)}[${row.index}]`, row.set, o.result.value));
  else failed++;
}
console.log(`batch: ${batch.length} development spectra analysed (${failed} not read or failed)`);

// Planted oddities: sources drawn (seeded) from the SDSS set; the wrong-class ones from its stars.
const rng = seededRandom(2000); // Breunig et al. 2000
const sdss = sdssRows().filter((r) => r.cls !== undefined && r.z !== undefined);
const pick = (pool: DevRow[], n: number): DevRow[] => {
  const p = pool.slice();
  const outRows: DevRow[] = [];
  while (outRows.length < n && p.length > 0) outRows.push(p.splice(Math.floor(rng.uniform() * p.length), 1)[0]);
  return outRows;
};
const planted: Entry[] = [];
for (const kind of ODDITY_KINDS) {
  const pool = kind === 'wrong-class' ? sdss.filter((r) => r.cls === 'STAR') : sdss;
  for (const row of pick(pool, perKind)) {
    const o = await analyzeRow(row, analyzer, (s) => plantOddity(kind, s, rng, row.z!));
    if (o.result.ok) planted.push(entry(`${kind}:${basename(row.path)}`, 'planted', o.result.value, kind));
  }
}
console.log(`planted: ${planted.length} spectra`);

/** The entry at `i` of `rows`: its LOF, its rank among its class (1 = most outlying) and the class size. */
function rankOf(rows: Entry[], i: number) {
  const scores = batchOutlierScores(rows, features);
  const flags = outlierFlags(rows, scores);
  const mine = rows.map((r, j) => ({ r, j })).filter((x) => x.r.cls === rows[i].cls && scores[x.j] !== undefined);
  const s = scores[i];
  const rank = s === undefined ? undefined : 1 + mine.filter((x) => scores[x.j]! > s).length;
  const n = mine.length;
  return { lof: s === undefined ? null : sig(s, 4), rank: rank ?? null, classSize: n, flagged: flags[i], top1: rank !== undefined && rank <= Math.max(1, Math.ceil(0.01 * n)), top5: rank !== undefined && rank <= Math.max(1, Math.ceil(0.05 * n)) };
}

const isChi2R = (e: Entry) => e.flags.includes('high-chi2') || e.flags.includes('low-robustness');
const oneAtATime = planted.map((p) => {
  const rows = [...batch, p];
  return { name: p.name, kind: p.kind!, cls: p.cls, z: p.z, chi2: p.chi2, robustness: p.robustness, flags: p.flags, chi2OrRFlag: isChi2R(p), ...rankOf(rows, rows.length - 1) };
});
const allTogether = (() => {
  const rows = [...batch, ...planted];
  return planted.map((p, i) => ({ name: p.name, kind: p.kind!, ...rankOf(rows, batch.length + i) }));
})();

const summarise = (list: { kind: OddityKind; top1: boolean; top5: boolean; flagged: boolean; chi2OrRFlag?: boolean; flags?: string[] }[]) =>
  Object.fromEntries(
    [...ODDITY_KINDS, 'all' as const].map((k) => {
      const l = list.filter((x) => k === 'all' || x.kind === k);
      const withFlags = l[0]?.chi2OrRFlag !== undefined && {
        chi2OrRFlag: l.filter((x) => x.chi2OrRFlag).length,
        // what the score adds: in the top 5 % without a χ²/R flag
        top5WithoutChi2OrRFlag: l.filter((x) => x.top5 && !x.chi2OrRFlag).length,
        anyPipelineFlag: l.filter((x) => (x.flags ?? []).length > 0).length,
      };
      return [k, { n: l.length, top1: l.filter((x) => x.top1).length, top5: l.filter((x) => x.top5).length, flagged: l.filter((x) => x.flagged).length, ...withFlags }];
    }),
  );

// The clean batch: its score distribution and which real spectra the flag picks.
const baseScores = batchOutlierScores(batch, features);
const baseFlags = outlierFlags(batch, baseScores);
const finiteScores = baseScores.filter((s): s is number => s !== undefined).sort((a, b) => a - b);
const q = (p: number) => sig(finiteScores[Math.min(finiteScores.length - 1, Math.floor(p * finiteScores.length))], 4);
const byClass = Object.fromEntries((['STAR', 'GALAXY', 'QSO'] as const).map((c) => [c, batch.filter((e) => e.cls === c).length]));
const flaggedReal = batch
  .map((e, i) => ({ name: e.name, set: e.set, cls: e.cls, z: e.z, lof: sig(baseScores[i] ?? NaN, 4), flags: e.flags }))
  .filter((_e, i) => baseFlags[i]);
const topReal = batch
  .map((e, i) => ({ name: e.name, set: e.set, cls: e.cls, z: e.z, lof: sig(baseScores[i] ?? NaN, 4), flags: e.flags }))
  .filter((e) => Number.isFinite(e.lof))
  .sort((a, b) => b.lof - a.lof)
  .slice(0, 10);

const report = {
  command: `npm run anomalies -- --per-kind ${perKind}${features === 'best-class' ? ` --features best-class --out ${out}` : ''}`,
  features,
  method: { score: 'Local Outlier Factor', k: LOF_K, metric: features === 'all-classes' ? 'Euclidean on the 33-number code (10 normalised ω + amplitude A of each class space), each number standardised within the best class' : 'Euclidean on the best class’s 11-number code, each number standardised within the class', flag: OUTLIER_FLAG, rate: OUTLIER_RATE, minFlagLof: MIN_FLAG_LOF },
  batch: { spectra: batch.length, failed, byClass, lofQuantiles: { p50: q(0.5), p90: q(0.9), p95: q(0.95), p99: q(0.99), max: q(1) }, flagged: flaggedReal, highestLof: topReal },
  planted: { perKind, oneAtATime: { summary: summarise(oneAtATime), spectra: oneAtATime }, allTogether: { summary: summarise(allTogether), spectra: allTogether } },
};
console.log(`batch by class ${JSON.stringify(byClass)}; LOF quantiles ${JSON.stringify(report.batch.lofQuantiles)}`);
console.log(`flagged in the clean batch: ${flaggedReal.map((e) => `${e.name} (${e.cls}, LOF ${e.lof})`).join('; ')}`);
console.log('one planted spectrum at a time in the batch:');
console.log('kind            n   top 1 %   top 5 %   flagged   χ²/R flag   any pipeline flag');
for (const [k, s] of Object.entries(report.planted.oneAtATime.summary)) {
  const x = s as { n: number; top1: number; top5: number; flagged: number; chi2OrRFlag?: number; anyPipelineFlag?: number };
  console.log(`${k.padEnd(14)} ${String(x.n).padStart(3)}   ${String(x.top1).padStart(5)}     ${String(x.top5).padStart(5)}     ${String(x.flagged).padStart(5)}     ${String(x.chi2OrRFlag).padStart(5)}       ${String(x.anyPipelineFlag).padStart(5)}`);
}
console.log('all planted at once:', JSON.stringify(report.planted.allTogether.summary));
const dump = arg('--dump-codes', '');
if (dump) writeFileSync(dump, JSON.stringify({ batch, planted }));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 1) + '\n');
console.log(`written ${out}`);
