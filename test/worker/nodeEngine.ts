/**
 * The worker's engine in Node, for tests: the real format adapters, the real
 * pipeline and the committed ONNX models in onnxruntime-node; files are
 * Blobs of the committed fixtures, as a browser would hand them over.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { blobSource } from '../../src/core/fits/index.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import type { Analyzer } from '../../src/core/scan/pipeline.ts';
import { ok, type ModelFamily, type Result } from '../../src/core/types.ts';
import { createEngine, type Engine } from '../../src/worker/analysisEngine.ts';
import { loadAnalyzer } from '../../tools/lib/nodeModels.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

const analyzers = new Map<ModelFamily, Promise<Analyzer>>();
/** Families whose analyzer was asked for, in order (to check that UNets open only on demand). */
export const opened: ModelFamily[] = [];

/** One analyzer per family per test file (encoder sessions take ~1 s to open, UNets more). */
export function sharedAnalyzer(family: ModelFamily = 'encoder'): Promise<Analyzer> {
  let a = analyzers.get(family);
  if (!a) {
    opened.push(family);
    a = loadAnalyzer(family);
    analyzers.set(family, a);
  }
  return a;
}

/** The engine's `analyzerFor` over the shared Node analyzers. */
export async function nodeAnalyzerFor(family: ModelFamily): Promise<Result<Analyzer>> {
  return ok(await sharedAnalyzer(family));
}

export async function nodeEngine(batchSize = 8): Promise<Engine> {
  return createEngine({
    openFile: (file, name) => openSpectra(blobSource(file, name)),
    analyzerFor: nodeAnalyzerFor,
    batchSize,
    now: () => performance.now(),
  });
}

/** A committed fixture as a Blob (path relative to test/fixtures). */
export function fixtureBlob(path: string): Blob {
  return new Blob([readFileSync(join(FIXTURES, path))]);
}

/** truth.csv of the SDSS fixtures: file → { cls, z }. */
export function sdssTruth(): Map<string, { cls: string; z: number }> {
  const lines = readFileSync(join(FIXTURES, 'sdss', 'truth.csv'), 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const [fi, ci, zi] = ['file', 'class', 'z'].map((c) => head.indexOf(c));
  return new Map(
    lines.slice(1).map((l) => {
      const c = l.split(',');
      return [c[fi], { cls: c[ci], z: Number(c[zi]) }];
    }),
  );
}
