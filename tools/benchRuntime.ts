/**
 * Which ONNX runtime the command line should use in Node: onnxruntime-node (native) or
 * onnxruntime-web's WASM build (which would avoid the native runtime's long-argv crash).
 *
 *   npm run bench:runtime [-- --repeats 2]
 *
 * Each runtime runs in a fresh process (import, the three encoder sessions on one thread, warm-up,
 * then the SDSS fixtures one file at a time, --repeats times); prints and writes
 * results/bench-runtime.json with start-up ms and ms per spectrum, and the load average (shared machine).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeFile } from '../src/core/analyzeFile.ts';
import { openSpectra } from '../src/core/formats/index.ts';
import { createModelLoader } from '../src/core/inference/modelLoader.ts';
import { parseManifest } from '../src/core/inference/parseManifest.ts';
import type { OrtModule } from '../src/core/inference/session.ts';
import { createAnalyzer } from '../src/core/scan/pipeline.ts';
import { arg } from './lib/args.ts';
import { loadEigenspectra, MODELS_DIR } from './lib/nodeModels.ts';
import { nodeFileSource } from './nodeFileSource.ts';

const ROOT = join(import.meta.dirname, '..');
const repeats = Number(arg('--repeats', '2'));

async function measure(runtime: 'node' | 'web'): Promise<{ startupMs: number; msPerSpectrum: number; spectra: number }> {
  const t0 = performance.now();
  let ort: OrtModule;
  if (runtime === 'web') {
    const web = await import('onnxruntime-web/wasm');
    web.env.wasm.numThreads = 1;
    web.env.logLevel = 'error';
    ort = web as unknown as OrtModule;
  } else ort = (await import('onnxruntime-node')) as unknown as OrtModule;
  const manifest = parseManifest(JSON.parse(await readFile(join(MODELS_DIR, 'manifest.json'), 'utf8')));
  if (!manifest.ok) throw new Error(manifest.error.message);
  const loader = createModelLoader(ort, manifest.value, async (f) => new Uint8Array(await readFile(join(MODELS_DIR, f))), runtime === 'node' ? { intraOpNumThreads: 1 } : {});
  const recs = await loader.family('encoder');
  if (!recs.ok) throw new Error(recs.error.message);
  const analyzer = createAnalyzer(recs.value, { eigenspectra: await loadEigenspectra() });
  await analyzer.warmUp?.();
  const startupMs = performance.now() - t0;
  const dir = join(ROOT, 'test/fixtures/sdss');
  const files = readdirSync(dir).filter((f) => f.endsWith('.fits')).sort().map((f) => join(dir, f));
  let n = 0;
  const t1 = performance.now();
  for (let r = 0; r < repeats; r++) {
    for (const p of files) {
      const s = await nodeFileSource(p);
      const o = await openSpectra(s);
      if (o.ok) for await (const _ of analyzeFile(o.value, [analyzer])) n++;
      await s.close();
    }
  }
  return { startupMs, msPerSpectrum: (performance.now() - t1) / n, spectra: n };
}

const which = arg('--runtime', '');
if (which === 'node' || which === 'web') {
  console.log(JSON.stringify(await measure(which)));
} else {
  const load = loadavg();
  const out: Record<string, unknown> = { command: `npm run bench:runtime -- --repeats ${repeats}`, date: new Date().toISOString(), loadAverageBefore: load.map((x) => Number(x.toFixed(2))) };
  for (const rt of ['node', 'web'] as const) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--runtime', rt, '--repeats', String(repeats)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const m = JSON.parse(child.stdout.trim().split('\n').pop()!) as { startupMs: number; msPerSpectrum: number; spectra: number };
    out[rt === 'node' ? 'onnxruntimeNode' : 'onnxruntimeWebWasm'] = { startupMs: Math.round(m.startupMs), msPerSpectrum: Number(m.msPerSpectrum.toFixed(2)), spectra: m.spectra };
    console.log(`${rt}: start-up ${Math.round(m.startupMs)} ms (import, 3 encoder sessions, warm-up), ${m.msPerSpectrum.toFixed(2)} ms per spectrum (one file at a time, one thread)`);
  }
  out.loadAverageAfter = loadavg().map((x) => Number(x.toFixed(2)));
  writeFileSync(join(ROOT, 'results', 'bench-runtime.json'), JSON.stringify(out, null, 2) + '\n');
}
