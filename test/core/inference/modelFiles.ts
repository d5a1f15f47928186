/**
 * Test helpers: the committed models (public/models) and the PyTorch
 * reference fixture (test/fixtures/models/torch-reference.{json,bin}).
 */
import { readFileSync } from 'node:fs';
import type { ModelManifest } from '../../../src/core/inference/manifest.ts';
import type { ModelFamily, SpectralClass } from '../../../src/core/types.ts';

const ROOT = new URL('../../../', import.meta.url);
const MODELS = new URL('public/models/', ROOT);
const FIXTURE = new URL('test/fixtures/models/', ROOT);

export function readManifestJson(): unknown {
  return JSON.parse(readFileSync(new URL('manifest.json', MODELS), 'utf8'));
}

export function readManifest(): ModelManifest {
  return readManifestJson() as ModelManifest;
}

export function readModelFile(file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(file, MODELS)));
}

interface Span {
  offset: number;
  length: number;
}
interface FixtureIndex {
  ids: string[];
  batch: number;
  inputLength: number;
  input: Span;
  models: { family: ModelFamily; cls: SpectralClass; nOut: number; reconstruction: Span; coefficients?: Span; amplitude?: Span }[];
}

export interface TorchReference {
  ids: string[];
  batch: number;
  /** [batch·4076] the network inputs F. */
  F: Float32Array;
  /** PyTorch outputs for F, per model. */
  outputs(family: ModelFamily, cls: SpectralClass): { reconstruction: Float32Array; coefficients?: Float32Array; amplitude?: Float32Array };
}

export function readTorchReference(): TorchReference {
  const index = JSON.parse(readFileSync(new URL('torch-reference.json', FIXTURE), 'utf8')) as FixtureIndex;
  const bin = readFileSync(new URL('torch-reference.bin', FIXTURE));
  const all = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  const span = (s: Span): Float32Array => all.subarray(s.offset, s.offset + s.length);
  return {
    ids: index.ids,
    batch: index.batch,
    F: span(index.input),
    outputs(family, cls) {
      const m = index.models.find((x) => x.family === family && x.cls === cls);
      if (!m) throw new RangeError(`fixture has no ${family} ${cls}`);
      return {
        reconstruction: span(m.reconstruction),
        coefficients: m.coefficients && span(m.coefficients),
        amplitude: m.amplitude && span(m.amplitude),
      };
    },
  };
}

/** max |a − b| / max |b|, over one spectrum's values. */
export function maxRelative(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`lengths ${a.length} and ${b.length}`);
  let diff = 0;
  let peak = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    peak = Math.max(peak, Math.abs(b[i]));
  }
  return diff / peak;
}
