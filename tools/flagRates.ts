/**
 * How the flags do on the development sets (docs/METHOD-extensions.md §2): for each flag, how
 * many of the wrong answers it catches and how many right answers it fires on; for Δχ², the
 * same at a range of thresholds, to choose 'small-deltachi2''s.
 *
 *   npm run flag-rates [-- --model encoder|unet] [--out results/flag-rates-<model>.json]
 *
 * Wrong = not the survey's class, or |Δz|/(1+z) above the paper's GF threshold; spectra
 * without a survey answer (failed observations) are left out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GF_THRESHOLD } from '../src/core/evaluate/metrics.ts';
import type { AnomalyFlag } from '../src/core/scan/types.ts';
import type { ModelFamily } from '../src/core/types.ts';
import { analyzeRow, externalRows, isRight, sdssRows, type DevRow } from './lib/devSets.ts';
import { arg } from './lib/args.ts';
import { loadAnalyzer } from './lib/nodeModels.ts';
import { sig } from './lib/stats.ts';

const family = arg('--model', 'encoder') as ModelFamily;
const out = arg('--out', `results/flag-rates-${family}.json`);
const analyzer = await loadAnalyzer(family);

const FLAGS: AnomalyFlag[] = ['high-chi2', 'low-robustness', 'edge-of-range', 'few-pixels', 'close-classes', 'small-deltachi2', 'second-redshift'];
const THRESHOLDS = [1, 4, 9, 16, 25, 50, 100, 200, 500, 1000];

interface Row {
  file: string;
  right: boolean;
  deltaChi2: number | null;
  flags: AnomalyFlag[];
}

async function collect(rows: DevRow[]): Promise<Row[]> {
  const outRows: Row[] = [];
  for (const row of rows) {
    if (row.cls === undefined || row.z === undefined) continue;
    const o = await analyzeRow(row, analyzer);
    if (!o.result.ok) continue;
    const r = o.result.value;
    outRows.push({ file: `${row.path}[${row.index}]`, right: isRight(row, r, GF_THRESHOLD), deltaChi2: r.deltaChi2 === undefined ? null : sig(r.deltaChi2, 6), flags: r.flags });
  }
  return outRows;
}

function rates(rows: Row[]) {
  const right = rows.filter((r) => r.right);
  const wrong = rows.filter((r) => !r.right);
  const fire = (xs: Row[], f: (r: Row) => boolean) => `${xs.filter(f).length}/${xs.length}`;
  return {
    right: right.length,
    wrong: wrong.length,
    flags: Object.fromEntries(FLAGS.map((f) => [f, { catchesWrong: fire(wrong, (r) => r.flags.includes(f)), firesOnRight: fire(right, (r) => r.flags.includes(f)) }])),
    deltaChi2Thresholds: THRESHOLDS.map((t) => ({
      below: t,
      catchesWrong: fire(wrong, (r) => r.deltaChi2 !== null && r.deltaChi2 < t),
      firesOnRight: fire(right, (r) => r.deltaChi2 !== null && r.deltaChi2 < t),
    })),
  };
}

const sets = { sdss: await collect(sdssRows()), external: await collect(externalRows()) };
const report = {
  model: family,
  command: `npm run flag-rates -- --model ${family}`,
  sdss: rates(sets.sdss),
  external: rates(sets.external),
  spectra: sets,
};
for (const set of ['sdss', 'external'] as const) {
  const r = report[set];
  console.log(`${set}: ${r.right} right, ${r.wrong} wrong`);
  for (const f of FLAGS) console.log(`  ${f.padEnd(16)} catches ${r.flags[f].catchesWrong} wrong, fires on ${r.flags[f].firesOnRight} right`);
  for (const t of r.deltaChi2Thresholds) console.log(`  Δχ² < ${String(t.below).padEnd(5)} catches ${t.catchesWrong} wrong, fires on ${t.firesOnRight} right`);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 1) + '\n');
console.log(`written ${out}`);
