/** The committed models (public/models) opened with onnxruntime-node, for the CLI, eval and bench. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { createModelLoader } from '../../src/core/inference/modelLoader.ts';
import type { ReconstructorOptions } from '../../src/core/inference/reconstructor.ts';
import type { Reconstructor } from '../../src/core/inference/reconstructor.ts';
import { parseManifest } from '../../src/core/inference/parseManifest.ts';
import { createAnalyzer, type Analyzer, type AnalyzerOptions } from '../../src/core/scan/pipeline.ts';
import { CLASSES, fail, ok, type ModelFamily, type Result, type SpectralClass } from '../../src/core/types.ts';
import { findModel } from '../../src/core/inference/manifest.ts';
import { readEigenspectra } from '../../src/core/inference/eigenspectra.ts';

/**
 * public/models of the checkout this code runs from: searched upwards, since the same code runs
 * from tools/lib under tsx and from dist-cli/ as the built command line.
 */
function findModelsDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'public', 'models');
    if (existsSync(join(candidate, 'manifest.json'))) return candidate;
    if (dirname(dir) === dir) return join(from, '..', '..', 'public', 'models'); // reported when first read
  }
}
export const MODELS_DIR = findModelsDir(import.meta.dirname);

/** sha256 (hex) of the models' manifest, which names each weight file by its own sha256: the models' version. */
export function modelsVersion(dir = MODELS_DIR): string {
  return createHash('sha256').update(readFileSync(join(dir, 'manifest.json'))).digest('hex');
}

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

export async function loadAnalyzer(family: ModelFamily, options: AnalyzerOptions = {}, runtime: ReconstructorOptions = {}): Promise<Analyzer> {
  // The eigenspectra are read when a spectrum first needs the eigenspectrum fit (other instruments):
  // an SDSS run never does, and reading them was part of every start-up.
  let eigen: Promise<Result<Record<SpectralClass, Float32Array[]>>> | undefined;
  const loadEigen = () =>
    (eigen ??= loadEigenspectra().then(
      (e) => ok(e),
      (e: unknown) => fail({ code: 'model-load', message: `could not read the eigenspectra (${e instanceof Error ? e.message : String(e)})` }),
    ));
  const analyzer = createAnalyzer(await loadReconstructors(family, runtime), { loadEigenspectra: loadEigen, ...options });
  await analyzer.warmUp?.(); // so the first file's "ms" is not its set-up
  return analyzer;
}
