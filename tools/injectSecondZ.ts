/**
 * Injection and recovery of a background galaxy's emission lines (docs/METHOD-extensions.md §4).
 *
 *   npm run inject-second-z [-- --model encoder|unet] [--draws 4] [--fpr 0.02] [--out results/second-z-injection-<model>.json]
 *
 * 1. The 85 SDSS spectra as they are: the S/N of the best second redshift of each is the null
 *    distribution; the flag threshold is the lowest S/N that at most `--fpr` of them reach.
 * 2. Into each spectrum, before gridding: Gaussian lines of a star-forming galaxy at z₂ (uniform
 *    in log(1+z₂) over 0.05–0.85, ≥ 0.05 from the spectrum's own z), scaled so that their optimal
 *    S/N √(Σ ivar·line²) over 3600–9200 Å is each of SNRS; `--draws` draws of z₂ per spectrum and
 *    S/N. Recovered = second-redshift S/N at or above the threshold and z₂ within RECOVERY_DEX of the
 *    injected one. Counted apart: the injected galaxy taking over the best fit itself (z within
 *    RECOVERY_DEX of z₂), and a flag at a wrong z₂.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIN_SECOND_Z_SNR } from '../src/core/scan/flags.ts';
import type { ModelFamily } from '../src/core/types.ts';
import { analyzeRow, sdssRows } from './lib/devSets.ts';
import { injectGalaxyLines } from './lib/injectLines.ts';
import { arg } from './lib/args.ts';
import { loadAnalyzer } from './lib/nodeModels.ts';
import { seededRandom } from './lib/random.ts';
import { sig } from './lib/stats.ts';

const family = arg('--model', 'encoder') as ModelFamily;
const draws = Number(arg('--draws', '4'));
const maxFpr = Number(arg('--fpr', '0.02'));
const out = arg('--out', `results/second-z-injection-${family}.json`);

/** Optimal S/N of the injected lines. */
const SNRS = [4, 6, 8, 10, 15, 20, 30];
/** z₂ found within this (dex in 1+z) of the injected one counts as recovered: 3 pixels. */
const RECOVERY_DEX = 3e-4;
const Z2_RANGE = [0.05, 0.85];
const MIN_SEPARATION = 0.05;

const analyzer = await loadAnalyzer(family);
const rows = sdssRows();

// 1. Null: the spectra as they are.
const nullRows: { file: string; z: number; snr: number; z2: number | null; lines: string[] }[] = [];
for (const row of rows) {
  const o = await analyzeRow(row, analyzer);
  if (!o.result.ok) continue;
  const r = o.result.value;
  const s2 = r.secondRedshift;
  nullRows.push({ file: row.path, z: r.z, snr: s2 ? sig(s2.snr) : 0, z2: s2 ? sig(s2.z2, 6) : null, lines: s2?.lines.map((l) => l.name) ?? [] });
}
const nullSnr = nullRows.map((r) => r.snr).sort((a, b) => b - a);
// Lowest threshold just above the (k+1)-th largest null S/N, with k = ⌊fpr·n⌋ allowed to pass.
const allowed = Math.floor(maxFpr * nullSnr.length);
const threshold = sig(Math.max(nullSnr[allowed] ?? 0, 0) + 0.01, 3);
const fpr = nullSnr.filter((x) => x >= threshold).length / nullSnr.length;
const atDefault = nullSnr.filter((x) => x >= MIN_SECOND_Z_SNR[family]).length;

// 2. Injections.
const rng = seededRandom(2006); // Bolton et al. 2006
const perSnr = SNRS.map((snr) => ({ snr, n: 0, recovered: 0, tookOverFit: 0, flaggedElsewhere: 0 }));
const trials: object[] = [];
for (const row of rows) {
  for (const bin of perSnr) {
    for (let d = 0; d < draws; d++) {
      let z2: number;
      do {
        const lo = Math.log10(1 + Z2_RANGE[0]), hi = Math.log10(1 + Z2_RANGE[1]);
        z2 = 10 ** (lo + rng.uniform() * (hi - lo)) - 1;
      } while (row.z !== undefined && Math.abs(z2 - row.z) < MIN_SEPARATION);
      const o = await analyzeRow(row, analyzer, (s) => injectGalaxyLines(s, z2, bin.snr) ?? s);
      if (!o.result.ok) continue;
      const r = o.result.value;
      const near = (z: number) => Math.abs(Math.log10((1 + z) / (1 + z2))) <= RECOVERY_DEX;
      const found = r.secondRedshift;
      const flagged = found !== undefined && found.snr >= threshold;
      const right = flagged && near(found.z2);
      const tookOver = near(r.z);
      bin.n++;
      if (right) bin.recovered++;
      else if (tookOver) bin.tookOverFit++;
      else if (flagged) bin.flaggedElsewhere++;
      trials.push({ file: row.path, snr: bin.snr, z2: sig(z2, 6), fit: { cls: r.cls, z: sig(r.z, 6) }, found: found ? { z2: sig(found.z2, 6), snr: sig(found.snr), lines: found.lines.map((l) => l.name) } : null, recovered: right, tookOver });
    }
  }
}

const report = {
  model: family,
  command: `npm run inject-second-z -- --model ${family} --draws ${draws} --fpr ${maxFpr}`,
  threshold,
  falsePositiveRate: { flagged: nullSnr.filter((x) => x >= threshold).length, of: nullSnr.length, rate: sig(fpr, 3) },
  atDefaultThreshold: { threshold: MIN_SECOND_Z_SNR[family], flagged: atDefault, of: nullSnr.length },
  recovery: perSnr.map((b) => ({ ...b, recoveredFraction: sig(b.recovered / b.n, 3) })),
  null: nullRows.sort((a, b) => b.snr - a.snr),
  trials,
};
console.log(`model ${family}: threshold S/N ≥ ${threshold} → false positives ${report.falsePositiveRate.flagged}/${nullSnr.length} un-injected SDSS spectra`);
console.log(`at the flag's default S/N ≥ ${MIN_SECOND_Z_SNR[family]}: ${atDefault}/${nullSnr.length} un-injected spectra flagged`);
console.log('null, highest S/N:', JSON.stringify(report.null.slice(0, 6)));
console.log('injected S/N   n   recovered   took over the fit   flagged at a wrong z₂');
for (const b of report.recovery) console.log(`${String(b.snr).padStart(6)}  ${String(b.n).padStart(5)}   ${b.recoveredFraction.toFixed(3)}       ${String(b.tookOverFit).padStart(5)}               ${b.flaggedElsewhere}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 1) + '\n');
console.log(`written ${out}`);
