/**
 * Real inputs for the view's tests: an SDSS fixture spectrum read by the
 * format adapters, put on the model grid and analysed by the real pipeline
 * with the committed ONNX models (public/models) in onnxruntime-node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import { toModelGrid } from '../../../src/core/grid/toModelGrid.ts';
import type { ModelManifest } from '../../../src/core/inference/manifest.ts';
import { createModelLoader, type ModelLoader } from '../../../src/core/inference/modelLoader.ts';
import { parseManifest } from '../../../src/core/inference/parseManifest.ts';
import { createAnalyzer, type Analyzer } from '../../../src/core/scan/pipeline.ts';
import { CLASSES, type ModelFamily, type SpectralClass } from '../../../src/core/types.ts';
import type { SpectrumDetail } from '../../../src/worker/protocol.ts';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
const MODELS = join(ROOT, 'public', 'models');
const SDSS = join(ROOT, 'test', 'fixtures', 'sdss');

export interface RealCase {
  detail: SpectrumDetail;
  manifest: ModelManifest;
  /** Flat [nEigen · N_out] eigenspectra per class, as the shell passes them. */
  eigen: Record<SpectralClass, Float32Array>;
}

let manifest: ModelManifest | undefined;
let loader: ModelLoader | undefined;
const analyzers = new Map<ModelFamily, Analyzer>();

function models(): { manifest: ModelManifest; loader: ModelLoader } {
  if (!manifest || !loader) {
    const m = parseManifest(JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')));
    if (!m.ok) throw new Error(m.error.message);
    manifest = m.value;
    loader = createModelLoader(ort, manifest, async (file) => new Uint8Array(readFileSync(join(MODELS, file))));
  }
  return { manifest, loader };
}

async function analyzer(family: ModelFamily): Promise<Analyzer> {
  let a = analyzers.get(family);
  if (!a) {
    const recs = await models().loader.family(family);
    if (!recs.ok) throw new Error(recs.error.message);
    a = createAnalyzer(recs.value);
    analyzers.set(family, a);
  }
  return a;
}

/** Eigenspectra of every encoder, read straight from the shipped .f32 files. */
export function loadEigen(m: ModelManifest): Record<SpectralClass, Float32Array> {
  const out = {} as Record<SpectralClass, Float32Array>;
  for (const cls of CLASSES) {
    const e = m.models.find((x) => x.family === 'encoder' && x.cls === cls);
    if (!e?.eigen) throw new Error(`no eigenspectra for ${cls}`);
    const b = readFileSync(join(MODELS, e.eigen.file));
    out[cls] = new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }
  return out;
}

/** test/fixtures/sdss/<file> (or test/fixtures/<dir>/<file> when `file` has a folder) read by the adapters and put on the model grid. */
export async function griddedFixture(file: string) {
  const path = file.includes('/') ? join(ROOT, 'test', 'fixtures', file) : join(SDSS, file);
  const opened = await openSpectra(bytesSource(file, new Uint8Array(readFileSync(path))));
  if (!opened.ok) throw new Error(opened.error.message);
  const read = await opened.value.read(0);
  if (!read.ok) throw new Error(read.error.message);
  const gridded = toModelGrid(read.value);
  if (!gridded.ok) throw new Error(gridded.error.message);
  return { spectrum: read.value, gridded: gridded.value };
}

/** Analyse a fixture (as griddedFixture names it) with the given network family. */
export async function analyseFixture(file: string, family: ModelFamily = 'encoder'): Promise<RealCase> {
  const { spectrum, gridded } = await griddedFixture(file);
  const [result] = await (await analyzer(family)).analyze([gridded]);
  if (!result.ok) throw new Error(result.error.message);
  const m = models().manifest;
  return {
    detail: { fileName: file.split('/').at(-1)!, index: 0, spectrum, gridded, result: result.value },
    manifest: m,
    eigen: loadEigen(m),
  };
}
