/** The committed models (public/models) opened with onnxruntime-node, for the CLI, eval and bench. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { createModelLoader } from '../../src/core/inference/modelLoader.ts';
import type { ReconstructorOptions } from '../../src/core/inference/reconstructor.ts';
import type { Reconstructor } from '../../src/core/inference/reconstructor.ts';
import { parseManifest } from '../../src/core/inference/parseManifest.ts';
import { createAnalyzer, type Analyzer, type AnalyzerOptions } from '../../src/core/scan/pipeline.ts';
import { CLASSES, type ModelFamily, type SpectralClass } from '../../src/core/types.ts';
import { findModel } from '../../src/core/inference/manifest.ts';
import { readEigenspectra } from '../../src/core/inference/eigenspectra.ts';

export const MODELS_DIR = join(import.meta.dirname, '..', '..', 'public', 'models');

export async function loadReconstructors(
  family: ModelFamily,
  options: ReconstructorOptions = {},
  dir = MODELS_DIR,
): Promise<Record<SpectralClass, Reconstructor>> {
  const manifest = parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  if (!manifest.ok) throw new Error(manifest.error.message);
  const loader = createModelLoader(ort, manifest.value, async (file) => new Uint8Array(await readFile(join(dir, file))), options);
  const recs = await loader.family(family);
  if (!recs.ok) throw new Error(recs.error.message);
  return recs.value;
}

/** The encoders' eigenspectra per class, from the manifest's .f32 files. */
export async function loadEigenspectra(dir = MODELS_DIR): Promise<Record<SpectralClass, Float32Array[]>> {
  const manifest = parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  if (!manifest.ok) throw new Error(manifest.error.message);
  const out = {} as Record<SpectralClass, Float32Array[]>;
  for (const cls of CLASSES) {
    const entry = findModel(manifest.value, 'encoder', cls);
    const e = readEigenspectra(new Uint8Array(await readFile(join(dir, entry.eigen!.file))), entry);
    if (!e.ok) throw new Error(e.error.message);
    out[cls] = e.value;
  }
  return out;
}

export async function loadAnalyzer(family: ModelFamily, options: AnalyzerOptions = {}): Promise<Analyzer> {
  const analyzer = createAnalyzer(await loadReconstructors(family), { eigenspectra: await loadEigenspectra(), ...options });
  await analyzer.warmUp?.(); // so the first file's "ms" is not its set-up
  return analyzer;
}
