import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/core/inference/parseManifest.ts';
import { readManifestJson } from './modelFiles.ts';

type Json = Record<string, unknown> & { models: Record<string, unknown>[] };
const committed = (): Json => readManifestJson() as Json;

describe('parseManifest', () => {
  it('accepts the committed manifest unchanged', () => {
    const r = parseManifest(committed());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toEqual(committed());
  });

  it.each<[string, (m: Json) => unknown, string]>([
    ['not an object', () => 'manifest', 'not a JSON object'],
    ['an array', () => [], 'not a JSON object'],
    ['a newer version', (m) => ({ ...m, version: 2 }), 'version 2'],
    ['no models', (m) => ({ ...m, models: [] }), 'models: missing or empty'],
    ['a bad family', (m) => ((m.models[0].family = 'resnet'), m), 'models[0].family'],
    ['a bad sha256', (m) => ((m.models[1].sha256 = 'abc'), m), 'models[1].sha256'],
    ['a string size', (m) => ((m.models[2].bytes = '196215'), m), 'models[2].bytes'],
    ['a missing output grid', (m) => (delete m.models[3].outputGrid, m), 'models[3].outputGrid'],
    ['a NaN grid step', (m) => (((m.models[3].outputGrid as Record<string, unknown>).step = NaN), m), 'models[3].outputGrid'],
    ['reversed z limits', (m) => ((m.models[4].zMin = 9), m), 'models[4].zMin/zMax'],
    ['a duplicate model', (m) => ({ ...m, models: [...m.models, m.models[0]] }), 'models[6]: second encoder/STAR'],
    ['a bad eigen entry', (m) => ((m.models[0].eigen = { n: 10 }), m), 'models[0].eigen'],
  ])("rejects %s with 'model-load' naming the field", (_, edit, what) => {
    const r = parseManifest(edit(committed()));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('model-load');
      expect(r.error.message).toContain(what);
    }
  });
});
