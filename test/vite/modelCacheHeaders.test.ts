/** Cache-Control for models/: immutable only for a model URL whose ?v= names the served content. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelManifest } from '../../src/core/inference/manifest.ts';
import { fileHasher, IMMUTABLE, modelCacheControl, modelCacheHeaders, REVALIDATE } from '../../vite/modelCacheHeaders.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';

const MODELS = join(import.meta.dirname, '..', '..', 'public', 'models');
const manifest = JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')) as ModelManifest;
const unetStar = manifest.models.find((m) => m.family === 'unet' && m.cls === 'STAR')!;
const q = (s: string) => new URLSearchParams(s);

describe('modelCacheControl', () => {
  const shaOf = fileHasher(MODELS);

  it('hashes the committed files as the manifest says', () => {
    for (const m of manifest.models) expect(shaOf(m.file)).toBe(m.sha256);
    expect(shaOf('nope.onnx')).toBeUndefined();
    expect(shaOf('../package.json')).toBeUndefined();
  });

  it('is immutable for <file>.onnx?v=<16+ hex of its sha256>, revalidate otherwise', () => {
    const v = unetStar.sha256.slice(0, 16);
    expect(modelCacheControl(unetStar.file, q(`v=${v}`), shaOf)).toBe(IMMUTABLE);
    expect(modelCacheControl(unetStar.file, q(`v=${unetStar.sha256}`), shaOf)).toBe(IMMUTABLE);
    // No version, too short a version, another file's version, a non-hex version.
    expect(modelCacheControl(unetStar.file, q(''), shaOf)).toBe(REVALIDATE);
    expect(modelCacheControl(unetStar.file, q(`v=${v.slice(0, 8)}`), shaOf)).toBe(REVALIDATE);
    const other = manifest.models.find((m) => m.file !== unetStar.file)!;
    expect(modelCacheControl(unetStar.file, q(`v=${other.sha256.slice(0, 16)}`), shaOf)).toBe(REVALIDATE);
    expect(modelCacheControl(unetStar.file, q(`v=${v.toUpperCase()}`), shaOf)).toBe(REVALIDATE);
    // The manifest and the eigenspectra are always revalidated.
    expect(modelCacheControl('manifest.json', q(`v=${v}`), shaOf)).toBe(REVALIDATE);
    expect(modelCacheControl('encoder-star-eigen.f32', q(''), shaOf)).toBe(REVALIDATE);
    expect(modelCacheControl('missing.onnx', q(`v=${v}`), shaOf)).toBe(REVALIDATE);
  });

  it('the middleware sets the header under the prefix only, and always calls next', () => {
    const mw = modelCacheHeaders(MODELS, '/app/models/');
    const run = (url: string) => {
      const headers: Record<string, string> = {};
      let nexted = false;
      mw({ url } as IncomingMessage, { setHeader: (k: string, v: string) => (headers[k] = v) } as unknown as ServerResponse, () => (nexted = true));
      expect(nexted).toBe(true);
      return headers['Cache-Control'];
    };
    expect(run(`/app/models/${unetStar.file}?v=${unetStar.sha256.slice(0, 16)}`)).toBe(IMMUTABLE);
    expect(run('/app/models/manifest.json')).toBe(REVALIDATE);
    expect(run(`/models/${unetStar.file}?v=${unetStar.sha256.slice(0, 16)}`)).toBeUndefined();
    expect(run('/app/index.html')).toBeUndefined();
  });
});
