/**
 * Per-spectrum time of each stage in Node, on one core, over repeated runs.
 *
 *   npm run bench [-- --model encoder|unet] [--repeats 15] [--dir test/fixtures/sdss] [--clock cpu|wall]
 *
 * Prints median and spread (p10–p90) per stage and writes results/bench-<model>.json
 * (committed; the README's Speed section is generated from it: npm run speed-table).
 * `npm run bench` pins the process to one core (taskset) and ONNX Runtime to one
 * intra-op thread, so the figures are per core. Two stages carry a ratio to a
 * floor measured in the same run: reading + gridding vs reading the file's
 * bytes from disk, and the whole analysis vs its three χ² scans (the FFT
 * correlations every spectrum needs).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeFile } from '../src/core/analyzeFile.ts';
import { openSpectra } from '../src/core/formats/index.ts';
import { N_INPUT } from '../src/core/grid/modelGrid.ts';
import { toModelGrid } from '../src/core/grid/toModelGrid.ts';
import { preprocess } from '../src/core/preprocess/preprocess.ts';
import { createChi2Scanner } from '../src/core/scan/chi2Fft.ts';
import { createEigenFitter } from '../src/core/scan/eigenFit.ts';
import { loadPffft } from '../src/core/scan/pffft.ts';
import { dofOf } from '../src/core/scan/classScan.ts';
import { createAnalyzer } from '../src/core/scan/pipeline.ts';
import { DEFAULT_RANKED_MINIMA, deltaChi2ToNext, rankedMinima } from '../src/core/scan/rankedMinima.ts';
import type { OutputGridSpec } from '../src/core/scan/redshift.ts';
import { secondRedshift } from '../src/core/scan/secondRedshift.ts';
import type { Preprocessed } from '../src/core/scan/types.ts';
import { CLASSES, type GriddedSpectrum, type ModelFamily, type SpectralClass } from '../src/core/types.ts';
import { loadEigenspectra, loadReconstructors } from './lib/nodeModels.ts';
import { nodeFileSource } from './nodeFileSource.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const family = arg('--model', 'encoder') as ModelFamily;
const repeats = Number(arg('--repeats', '15'));
const dir = arg('--dir', 'test/fixtures/sdss');
/**
 * --clock thread (default): stages that run on the JavaScript thread alone (reading, gridding,
 * preprocessing, scans, fits) are timed in that thread's own CPU time (/proc/thread-self/schedstat,
 * ns), which other jobs on a shared machine do not stretch the way they stretch the wall clock;
 * stages that wait for ONNX Runtime's own thread (inference, the whole analysis, file → result)
 * stay in wall-clock time. --clock wall: everything in wall-clock time. Each row says its clock.
 */
const clockKind = arg('--clock', 'thread') === 'wall' || !existsSync('/proc/thread-self/schedstat') ? 'wall' : 'thread';
const wall = () => performance.now();
const threadCpu = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const clock = clockKind === 'wall' ? wall : threadCpu;
const clockOf: Record<string, 'wall' | 'thread'> = {};

const files = readdirSync(dir).filter((f) => /\.fits?(\.gz)?$/i.test(f)).sort();
const gridded: GriddedSpectrum[] = [];
for (const f of files) {
  const source = await nodeFileSource(join(dir, f));
  const opened = await openSpectra(source);
  if (!opened.ok) throw new Error(opened.error.message);
  const s = await opened.value.read(0);
  await source.close();
  if (!s.ok) throw new Error(s.error.message);
  const g = toModelGrid(s.value);
  if (!g.ok) throw new Error(g.error.message);
  gridded.push(g.value);
}
const B = gridded.length;
const recs = await loadReconstructors(family, { intraOpNumThreads: 1 });
const analyzer = createAnalyzer(recs);
const scanner = createChi2Scanner(await loadPffft());
const grids: Record<SpectralClass, OutputGridSpec> = { STAR: recs.STAR.entry.outputGrid, GALAXY: recs.GALAXY.entry.outputGrid, QSO: recs.QSO.entry.outputGrid };

const samples: Record<string, number[]> = {};
const record = (name: string, msPerSpectrum: number, on: 'wall' | 'thread' = clockKind) => {
  clockOf[name] = on;
  (samples[name] ??= []).push(msPerSpectrum);
};
const time = async (fn: () => unknown, on: () => number = clock) => {
  const t = on();
  await fn();
  return on() - t;
};

// Inputs for the per-stage timings.
const FIT_SAMPLE = Math.min(10, B);
const eigen = await loadEigenspectra();
const pffft = await loadPffft();
const fitters = { STAR: createEigenFitter(pffft, eigen.STAR), GALAXY: createEigenFitter(pffft, eigen.GALAXY), QSO: createEigenFitter(pffft, eigen.QSO) };
const pre = gridded.map((g) => (preprocess(g) as { ok: true; value: Preprocessed }).value);
const F = new Float32Array(B * N_INPUT);
pre.forEach((p, b) => F.set(p.F, b * N_INPUT));
const recon = Object.fromEntries(await Promise.all(CLASSES.map(async (c) => [c, await recs[c].run(F, B)])));

for (let rep = -2; rep < repeats; rep++) {
  const keep = rep >= 0; // two warm-up rounds
  const t = {
    readAndGrid: await time(async () => {
      for (const f of files) {
        const source = await nodeFileSource(join(dir, f));
        const o = await openSpectra(source);
        if (o.ok) {
          const s = await o.value.read(0);
          if (s.ok) toModelGrid(s.value);
        }
        await source.close();
      }
    }),
    fileBytes: await time(() => {
      for (const f of files) readFileSync(join(dir, f));
    }),
    preprocess: await time(() => gridded.forEach((g) => preprocess(g))),
  };
  const inferBatch: Record<string, number> = {};
  const inferSingle: Record<string, number> = {};
  for (const c of CLASSES) {
    inferBatch[c] = await time(() => recs[c].run(F, B), wall);
    inferSingle[c] = await time(async () => {
      for (let b = 0; b < 20; b++) await recs[c].run(F.subarray(b * N_INPUT, (b + 1) * N_INPUT), 1);
    }, wall);
  }
  const scan: Record<string, number> = { STAR: 0, GALAXY: 0, QSO: 0 };
  for (let b = 0; b < B; b++) {
    scanner.setSpectrum(pre[b].F, pre[b].w);
    for (const c of CLASSES) {
      const t0 = clock();
      scanner.scan(recon[c][b].values);
      scan[c] += clock() - t0;
    }
  }
  // The eigenspectrum fit that decides for other instruments' spectra (docs/instruments.md), on the first 10.
  const fit: Record<string, number> = { STAR: 0, GALAXY: 0, QSO: 0 };
  for (let b = 0; b < FIT_SAMPLE; b++) {
    for (const c of CLASSES) {
      const t0 = clock();
      fitters[c].scan(pre[b].F, pre[b].w);
      fit[c] += clock() - t0;
    }
  }
  let results: Awaited<ReturnType<typeof analyzer.analyze>> = [];
  const whole = await time(async () => {
    results = await analyzer.analyze(gridded);
  }, wall);
  // Issue 11's additions on their own: σ_z and ranked minima with Δχ², and the second-redshift search.
  const extras = await time(() => {
    for (const r of results) {
      if (!r.ok) continue;
      const a = r.value;
      const ranked = rankedMinima(a.scans, grids, dofOf(a.nGood), a.zErrScale, DEFAULT_RANKED_MINIMA);
      deltaChi2ToNext(ranked, a.z);
      secondRedshift(a.preprocessed, a.reconstructions[a.cls].values, a.scans[a.cls].minima[0].shift, a.z, a.cls);
    }
  });
  const endToEnd = await time(async () => {
    for (const f of files) {
      const source = await nodeFileSource(join(dir, f));
      const o = await openSpectra(source);
      if (o.ok) for await (const _ of analyzeFile(o.value, [analyzer])) void _;
      await source.close();
    }
  }, wall);
  if (!keep) continue;
  record('read + grid (from FITS)', t.readAndGrid / B);
  record('floor: file bytes from disk (open, read, close)', t.fileBytes / B);
  record('floor: χ² scans of the 3 classes (FFT)', (scan.STAR + scan.GALAXY + scan.QSO) / B);
  record('preprocess', t.preprocess / B);
  for (const c of CLASSES) record(`inference ${c} (batch ${B})`, inferBatch[c] / B, 'wall');
  for (const c of CLASSES) record(`inference ${c} (batch 1)`, inferSingle[c] / 20, 'wall');
  for (const c of CLASSES) record(`scan ${c}`, scan[c] / B);
  for (const c of CLASSES) record(`eigenspectrum fit ${c} (other instruments)`, fit[c] / FIT_SAMPLE);
  record('σ_z + ranked minima + second z (in whole)', extras / B);
  record(`whole 3-class analysis (batch ${B})`, whole / B, 'wall');
  record('file → result, one file at a time', endToEnd / B, 'wall');
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))];
};
/** Stages given as a multiple of a floor measured in the same run (median over median). */
const FLOORS: Record<string, string> = {
  'read + grid (from FITS)': 'floor: file bytes from disk (open, read, close)',
  [`whole 3-class analysis (batch ${B})`]: 'floor: χ² scans of the 3 classes (FFT)',
};
const medianOf = (stage: string) => q(samples[stage], 0.5);
const rows = Object.entries(samples).map(([stage, xs]) => ({
  stage,
  clock: clockOf[stage],
  median: q(xs, 0.5),
  p10: q(xs, 0.1),
  p90: q(xs, 0.9),
  ...(FLOORS[stage] && { floor: FLOORS[stage], ratioToFloor: q(xs, 0.5) / medianOf(FLOORS[stage]) }),
}));
console.log(`model: ${family}   spectra: ${B}   repeats: ${repeats}   clock: ${clockKind} (inference and whole: wall)   cpu: ${cpus()[0]?.model ?? '?'}   node ${process.version}`);
console.log('stage'.padEnd(40) + 'ms/spectrum  (p10 – p90)');
for (const r of rows) {
  const ratio = r.ratioToFloor === undefined ? '' : `   ×${r.ratioToFloor.toFixed(1)} the floor`;
  console.log(`${r.stage.padEnd(48)}${r.median.toFixed(4).padStart(9)}    (${r.p10.toFixed(4)} – ${r.p90.toFixed(4)})${ratio}`);
}
const whole = rows.find((r) => r.stage.startsWith('whole'))!;
console.log(`throughput, batch of ${B}: ${(1000 / whole.median).toFixed(0)} spectra/s (analysis), ${(1000 / rows.at(-1)!.median).toFixed(0)} spectra/s (from files)`);
const load = (await import('node:os')).loadavg()[0];
mkdirSync('results', { recursive: true });
writeFileSync(
  `results/bench-${family}.json`,
  JSON.stringify({ family, spectra: B, repeats, clock: clockKind, cpu: cpus()[0]?.model, cores: cpus().length, loadAverage: Number(load.toFixed(2)), node: process.version, date: new Date().toISOString(), rows }, null, 1) + '\n',
);
console.log(`written results/bench-${family}.json (load average ${load.toFixed(1)} when it ended)`);
