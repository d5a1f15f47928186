/**
 * Accuracy, GF and MAD on the SDSS fixtures against SDSS's own answers.
 *
 *   npm run eval [-- --model encoder|unet] [--dir test/fixtures/sdss] [--out results/eval-encoder.json]
 *   npm run eval -- --set DIR [--model …] [--out results/eval-set-<DIR name>-<model>.json]
 *
 * --set scores any folder tree of spectra with truth.csv files (tools/evalSet.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyzeFile } from '../src/core/analyzeFile.ts';
import { computeMetrics, type Prediction } from '../src/core/evaluate/metrics.ts';
import { rThresholdCurve, type CutInput } from '../src/core/evaluate/rThreshold.ts';
import { openSpectra } from '../src/core/formats/index.ts';
import { CLASSES, type ModelFamily } from '../src/core/types.ts';
import { loadAnalyzer } from './lib/nodeModels.ts';
import { readTruth } from './lib/truth.ts';
import { nodeFileSource } from './nodeFileSource.ts';
import { evaluateSet, printSet } from './evalSet.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const family = arg('--model', 'encoder') as ModelFamily;
const set = arg('--set', '');
if (set !== '') {
  const analyzer = await loadAnalyzer(family);
  const rows = await evaluateSet(set, analyzer);
  console.log(`model: ${family}   set: ${set}   right = class and |Δz|/(1+z) < 1e-3 (QSO 3e-3)`);
  const summary = printSet(rows);
  const setOut = arg('--out', `results/eval-set-${basename(resolve(set))}-${family}.json`);
  mkdirSync(dirname(setOut), { recursive: true });
  writeFileSync(setOut, JSON.stringify({ model: family, set, summary, spectra: rows }, null, 1) + '\n');
  console.log(`written ${setOut}`);
  process.exit(0);
}
const dir = arg('--dir', 'test/fixtures/sdss');
const out = arg('--out', `results/eval-${family}.json`);

const truth = readTruth(join(dir, 'truth.csv'));
const analyzer = await loadAnalyzer(family);
const preds: Prediction[] = [];
const cut: CutInput[] = [];
const perSpectrum: object[] = [];
for (const t of truth) {
  const source = await nodeFileSource(join(dir, t.file));
  const opened = await openSpectra(source);
  const pred: Prediction = { trueClass: t.cls, trueZ: t.z };
  if (opened.ok) {
    for await (const o of analyzeFile(opened.value, [analyzer])) {
      if (o.result.ok) {
        pred.cls = o.result.value.cls;
        pred.z = o.result.value.z;
        perSpectrum.push({ file: t.file, trueClass: t.cls, trueZ: t.z, cls: pred.cls, z: pred.z, robustness: o.result.value.robustness ?? null, flags: o.result.value.flags, chi2: o.result.value.chi2 });
      } else perSpectrum.push({ file: t.file, error: o.result.error.message });
    }
  } else perSpectrum.push({ file: t.file, error: opened.error.message });
  await source.close();
  preds.push(pred);
  const last = perSpectrum[perSpectrum.length - 1] as { file: string; robustness?: number | null };
  cut.push({ ...pred, robustness: last.file === t.file && typeof last.robustness === 'number' ? last.robustness : undefined });
}
const m = computeMetrics(preds);

const f = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—');
console.log(`model: ${family}   spectra: ${m.overall.n}   overall accuracy: ${f(m.overall.accuracy)}`);
console.log('class    n   accuracy  GF      MAD');
for (const c of CLASSES) {
  const p = m.perClass[c];
  console.log(`${c.padEnd(7)} ${String(p.n).padStart(3)}   ${f(p.accuracy)}     ${f(p.gf)}   ${p.mad.toExponential(2)}`);
}
console.log('confusion (true → predicted):', JSON.stringify(m.confusion));
// The survey's cut (paper Fig. 12): keep R ≥ R_T ('unique' always kept); the app draws the same curve.
const rCut = rThresholdCurve(cut);
console.log('R_T     kept  completeness  accuracy  GF');
for (const c of rCut) console.log(`${String(c.rThreshold).padEnd(6)} ${String(c.kept).padStart(4)}   ${f(c.completeness)}         ${f(c.accuracy)}     ${f(c.gf)}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ model: family, dir, metrics: m, rThreshold: rCut, spectra: perSpectrum }, null, 1) + '\n');
console.log(`written ${out}`);
