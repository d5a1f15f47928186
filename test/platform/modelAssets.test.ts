/**
 * The view's model assets over the committed public/models: one manifest
 * fetch, eigenspectra per family (regression: one shared promise used to
 * answer every family with the first family's assets), and a retry after a
 * failed fetch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModelAssets } from '../../src/platform/modelAssets.ts';

const MODELS = join(import.meta.dirname, '..', '..', 'public', 'models');
const BASE = 'http://127.0.0.1:4173/models/';

function server(failFirst = 0) {
  const asked: string[] = [];
  let failures = failFirst;
  const fetchFn = async (url: string) => {
    asked.push(url.slice(BASE.length));
    if (failures > 0) {
      failures--;
      return new Response('busy', { status: 503 });
    }
    return new Response(readFileSync(join(MODELS, url.slice(BASE.length))));
  };
  return { asked, fetchFn };
}

describe('createModelAssets', () => {
  it("gives each family its own eigenspectra and fetches the manifest once", async () => {
    const s = server();
    const assetsOf = createModelAssets(BASE, s.fetchFn);
    const enc = await assetsOf('encoder');
    const unet = await assetsOf('unet');
    expect(Object.keys(enc.eigen).sort()).toEqual(['GALAXY', 'QSO', 'STAR']);
    const galaxy = enc.manifest.models.find((m) => m.family === 'encoder' && m.cls === 'GALAXY')!;
    expect(enc.eigen.GALAXY).toHaveLength(galaxy.eigen!.n * galaxy.outputGrid.n);
    expect(unet.eigen).toEqual({});
    expect(s.asked.filter((u) => u === 'manifest.json')).toHaveLength(1);
    expect(await assetsOf('encoder')).toBe(enc);
  });

  it('tries again after a failed fetch', async () => {
    const s = server(1);
    const assetsOf = createModelAssets(BASE, s.fetchFn);
    await expect(assetsOf('encoder')).rejects.toThrow(/HTTP 503 for .*manifest\.json/);
    const again = await assetsOf('encoder');
    expect(again.eigen.STAR).toBeInstanceOf(Float32Array);
  });
});
