/**
 * The analysis worker's entry: how to set up ONNX Runtime and the models for
 * the backend it is told. Model files come through Cache Storage
 * (platform/modelCache.ts): fetched once, verified against the manifest,
 * kept for the next visit. The family named in the config is opened before
 * 'ready'; the other only when a request first names it. The message loop
 * is workerHost.ts and the work is analysisEngine.ts.
 */
/// <reference lib="webworker" />
import { blobSource, bytesSource } from '../core/fits/byteSource.ts';
import type { ByteSource } from '../core/fits/types.ts';
import { openSpectra } from '../core/formats/index.ts';
import { readEigenspectra } from '../core/inference/eigenspectra.ts';
import { createModelLoader } from '../core/inference/modelLoader.ts';
import { parseManifest } from '../core/inference/parseManifest.ts';
import { createAnalyzer } from '../core/scan/pipeline.ts';
import { configurePffft, loadPffft } from '../core/scan/pffft.ts';
// The χ² scan's FFT (PFFFT, WASM): the bundle moves the package's JavaScript, so say where its .wasm is.
import pffftWasmUrl from '../../node_modules/@echogarden/pffft-wasm/dist/simd/pffft.wasm?url';
import type { ModelEntry } from '../core/inference/manifest.ts';
import type { Reconstructor } from '../core/inference/reconstructor.ts';
import { CLASSES, fail, ok, type ModelFamily, type Result, type SpectralClass } from '../core/types.ts';
import { browserModelFetchDeps, fetchModelBytes } from '../platform/modelCache.ts';
import { createEngine, type Engine } from './analysisEngine.ts';
import { lazyAnalyzers } from './familyAnalyzers.ts';
import { executionProviders, loadOrt } from './loadOrt.ts';
import type { WorkerConfig, WorkerRequest, WorkerResponse } from './protocol.ts';
import { createWorkerHost, type RuntimeModule } from './workerHost.ts';

declare const self: DedicatedWorkerGlobalScope;

configurePffft({ locateFile: () => pffftWasmUrl });

const post = (m: WorkerResponse, transfer: ArrayBuffer[] = []) => self.postMessage(m, transfer);

/**
 * Small files are read whole in one call (each Blob slice is an async round trip, and a FITS file
 * needs a dozen); large ones stay lazy so a 1 GB plate file is never held in memory.
 */
const READ_WHOLE_BELOW_BYTES = 32 * 1024 * 1024;
/**
 * A large file's small reads come from 8 windows of 512 kB (4 MB a file): an spPlate fibre is a row
 * in each of six image HDUs, and a window holds the rows of ~35 consecutive fibres.
 */
const READ_AHEAD = { windowBytes: 512 * 1024, windows: 8 };
async function sourceFor(file: Blob, name: string): Promise<ByteSource> {
  return file.size <= READ_WHOLE_BELOW_BYTES ? bytesSource(name, new Uint8Array(await file.arrayBuffer())) : blobSource(file, name, READ_AHEAD);
}

async function setUp(config: WorkerConfig, runtime: RuntimeModule): Promise<Result<Engine>> {
  const modelsUrl = new URL('models/', config.baseUrl).href;
  // While the page may still be compiling the runtime: the manifest, the first family's model bytes
  // and the χ² scan's FFT, none of which needs it.
  const pffft = loadPffft();
  let json: unknown;
  try {
    const res = await fetch(modelsUrl + 'manifest.json');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    json = await res.json();
  } catch (e) {
    return fail({ code: 'model-load', message: `could not fetch models/manifest.json (${String(e)}): check the connection and reload` });
  }
  const manifest = parseManifest(json);
  if (!manifest.ok) return manifest;
  const byFile = new Map<string, ModelEntry>(manifest.value.models.map((m) => [m.file, m]));
  const fetchDeps = browserModelFetchDeps();
  const fetchBytes = async (file: string) => (await fetchModelBytes(modelsUrl, byFile.get(file)!, fetchDeps)).bytes;
  const early = new Map<string, Promise<Uint8Array>>();
  for (const m of manifest.value.models) {
    if (m.family !== config.family) continue;
    const bytes = fetchBytes(m.file);
    bytes.catch(() => {}); // a failure is reported when the loader asks for these bytes
    early.set(m.file, bytes);
  }
  await pffft.catch(() => {}); // loaded while the runtime compiles; a failure shows in the analyzer's warm-up, which awaits it too
  const ort = await loadOrt(config.backend, config.threads, config.baseUrl, await runtime());
  const loader = createModelLoader(
    ort,
    manifest.value,
    (file) => {
      const bytes = early.get(file) ?? fetchBytes(file);
      early.delete(file); // fetched once early; a retry after a failure fetches again
      return bytes;
    },
    { executionProviders: executionProviders(config.backend), maxBatch: config.batchSize },
  );
  // The encoders' eigenspectra, for the eigenspectrum-fit estimator of spectra from other instruments
  // (core/scan/eigenFit.ts): fetched when the first such spectrum arrives, shared by both families'
  // analyzers; a failed fetch is forgotten so that the next batch tries again.
  let eigenspectra: Promise<Result<Record<SpectralClass, Float32Array[]>>> | undefined;
  const eigenFor = async () => {
    eigenspectra ??= fetchEigenspectra(modelsUrl, manifest.value.models);
    const r = await eigenspectra;
    if (!r.ok) eigenspectra = undefined;
    return r;
  };
  const analyzerFor = lazyAnalyzers(async (family: ModelFamily) => {
    // One session at a time: the WebGPU EP refuses to create two at once
    // ("another WebGPU EP inference session is being created").
    const nets: Partial<Record<SpectralClass, Reconstructor>> = {};
    for (const cls of CLASSES) {
      const r = await loader.reconstructor(family, cls);
      if (!r.ok) return r;
      nets[cls] = r.value;
    }
    const analyzer = createAnalyzer(nets as Record<SpectralClass, Reconstructor>, { flags: config.flags, loadEigenspectra: eigenFor });
    await analyzer.warmUp?.(); // keeps one-off set-up out of the ms/spectrum shown to the user
    return ok(analyzer);
  });
  const first = await analyzerFor(config.family);
  if (!first.ok) return first;
  return ok(
    createEngine({
      openFile: async (file, name) => openSpectra(await sourceFor(file, name)),
      analyzerFor,
      batchSize: config.batchSize,
      now: () => performance.now(),
      eigenspectra: eigenFor,
    }),
  );
}

/** Every encoder's eigenspectra (float32 files beside the manifest). */
async function fetchEigenspectra(modelsUrl: string, models: readonly ModelEntry[]): Promise<Result<Record<SpectralClass, Float32Array[]>>> {
  const out = {} as Record<SpectralClass, Float32Array[]>;
  for (const cls of CLASSES) {
    const entry = models.find((m) => m.family === 'encoder' && m.cls === cls);
    if (!entry?.eigen) return fail({ code: 'model-load', message: `the manifest names no eigenspectra for the ${cls} encoder: reload the page` });
    try {
      const res = await fetch(modelsUrl + entry.eigen.file);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const e = readEigenspectra(new Uint8Array(await res.arrayBuffer()), entry);
      if (!e.ok) return e;
      out[cls] = e.value;
    } catch (err) {
      return fail({ code: 'model-load', message: `could not fetch models/${entry.eigen.file} (${String(err)}): check the connection and reload` });
    }
  }
  return ok(out);
}

const handle = createWorkerHost(setUp, post, () => performance.now());
self.onmessage = (ev: MessageEvent<WorkerRequest>) => handle(ev.data);
