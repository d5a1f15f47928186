/**
 * Time of the anomaly map's batch work at 1k, 10k and 100k spectra (results/bench-map.json):
 * the outlier score (LOF, k = 20, over the 33-number codes of a class) and the UMAP embedding of one
 * class space (11 numbers), as the map worker runs them.
 *
 *   npm run bench:map [-- --sizes 1000,10000,100000] [--umap-full-max 10000] [--out results/bench-map.json]
 *
 * Codes: the 85 SDSS development spectra's real encoder codes, drawn with replacement and jittered by
 * 5 % of each number's spread (a bootstrap batch of the size asked). UMAP runs on all points up to
 * --umap-full-max; above, on the app's sample (EMBED_MAX points, core/anomaly/embed.ts), as the map does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { batchOutlierScores, standardisedCodes, type CodedResult } from '../src/core/anomaly/batchOutliers.ts';
import { EMBED_MAX, embed, mapSample } from '../src/core/anomaly/embed.ts';
import { CLASSES, type SpectralClass } from '../src/core/types.ts';
import { arg } from './lib/args.ts';
import { analyzeRow, sdssRows } from './lib/devSets.ts';
import { loadAnalyzer } from './lib/nodeModels.ts';
import { seededRandom } from './lib/random.ts';
import { sig } from './lib/stats.ts';

const sizes = arg('--sizes', '1000,10000,100000').split(',').map(Number);
const umapFullMax = Number(arg('--umap-full-max', '10000'));
const out = arg('--out', 'results/bench-map.json');

const analyzer = await loadAnalyzer('encoder');
const seeds: CodedResult[] = [];
for (const row of sdssRows()) {
  const o = await analyzeRow(row, analyzer);
  if (o.result.ok) seeds.push({ cls: o.result.value.cls, coefficients: o.result.value.coefficients });
}
// each number's spread over the seeds, for the jitter
const spread = Object.fromEntries(
  CLASSES.map((c) => {
    const w = seeds[0].coefficients![c].length;
    return [c, Array.from({ length: w }, (_, j) => {
      const v = seeds.map((s) => s.coefficients![c][j]);
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
    })];
  }),
) as Record<SpectralClass, number[]>;

function batchOf(n: number): CodedResult[] {
  const rng = seededRandom(n);
  return Array.from({ length: n }, () => {
    const s = seeds[Math.floor(rng.uniform() * seeds.length)];
    const coefficients = {} as Record<SpectralClass, number[]>;
    for (const c of CLASSES) coefficients[c] = s.coefficients![c].map((x, j) => x + 0.05 * spread[c][j] * rng.normal());
    return { cls: s.cls, coefficients };
  });
}

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};

const runs: object[] = [];
for (const n of sizes) {
  const rows = batchOf(n);
  const [, lofMs] = time(() => batchOutlierScores(rows));
  const full = n <= umapFullMax;
  const [idx, sampleMs] = time(() => mapSample(n, () => false, full ? n : EMBED_MAX));
  const chosen = idx.map((i) => rows[i]);
  const [x, codeMs] = time(() => standardisedCodes(chosen, ['QSO']));
  let epochs = 0;
  const [, umapMs] = time(() => embed(x.x, chosen.length, x.d, (_d, total) => (epochs = total)));
  const r = { n, loadAverage1min: sig(loadavg()[0], 3), byClass: Object.fromEntries(CLASSES.map((c) => [c, rows.filter((q) => q.cls === c).length])), lofMs: sig(lofMs, 3), umap: { points: chosen.length, sampled: !full, epochs, ms: sig(umapMs + codeMs + sampleMs, 3) } };
  console.log(JSON.stringify(r));
  runs.push(r);
}
const report = {
  command: `npm run bench:map -- --sizes ${sizes.join(',')} --umap-full-max ${umapFullMax}`,
  machine: 'the shared 2-core development machine, with other jobs running (each run records the 1-minute load average: at load L on 2 cores, times are roughly L/2 times what an idle core takes)',
  note: `UMAP above ${umapFullMax} is run on the app's sample of EMBED_MAX = ${EMBED_MAX} points, as the map does`,
  runs,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 1) + '\n');
console.log(`written ${out}`);
