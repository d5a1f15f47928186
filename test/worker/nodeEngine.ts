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
import { createEngine, type Engine } from '../../src/worker/analysisEngine.ts';
import { loadAnalyzer } from '../../tools/lib/nodeModels.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

let analyzer: Promise<Analyzer> | undefined;

/** One encoder analyzer per test file (sessions take ~1 s to open). */
export function sharedAnalyzer(): Promise<Analyzer> {
  analyzer ??= loadAnalyzer('encoder');
  return analyzer;
}

export async function nodeEngine(batchSize = 8): Promise<Engine> {
  return createEngine({
    openFile: (file, name) => openSpectra(blobSource(file, name)),
    analyzer: await sharedAnalyzer(),
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
