/**
 * The manifest and the encoders' eigenspectra for the page's spectrum view,
 * fetched once per model family (the UNets have no eigenspectra, so a family
 * gets its own answer) and once for the manifest. A failure is forgotten, so
 * the next request tries again.
 */
import { readEigenspectra } from '../core/inference/eigenspectra.ts';
import { findModel, type ModelManifest } from '../core/inference/manifest.ts';
import { parseManifest } from '../core/inference/parseManifest.ts';
import { CLASSES, type ModelFamily, type SpectralClass } from '../core/types.ts';

export interface ModelAssets {
  manifest: ModelManifest;
  /** Per class, float32 row-major [nEigen · N_out] (encoders only). */
  eigen: Partial<Record<SpectralClass, Float32Array>>;
}

async function fetchOk(fetchFn: (url: string) => Promise<Response>, url: string): Promise<Response> {
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  return res;
}

/** `modelsUrl` ends with '/'. */
export function createModelAssets(modelsUrl: string, fetchFn: (url: string) => Promise<Response>): (family: ModelFamily) => Promise<ModelAssets> {
  let manifest: Promise<ModelManifest> | undefined;
  const byFamily = new Map<ModelFamily, Promise<ModelAssets>>();

  const loadManifest = async (): Promise<ModelManifest> => {
    const parsed = parseManifest(await (await fetchOk(fetchFn, modelsUrl + 'manifest.json')).json());
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  };

  async function load(family: ModelFamily): Promise<ModelAssets> {
    manifest ??= loadManifest().catch((e: unknown) => {
      manifest = undefined;
      throw e;
    });
    const m = await manifest;
    const eigen: Partial<Record<SpectralClass, Float32Array>> = {};
    await Promise.all(
      CLASSES.map(async (cls) => {
        const entry = findModel(m, family, cls);
        if (!entry.eigen) return;
        const bytes = new Uint8Array(await (await fetchOk(fetchFn, modelsUrl + entry.eigen.file)).arrayBuffer());
        const rows = readEigenspectra(bytes, entry);
        if (!rows.ok) throw new Error(rows.error.message);
        const first = rows.value[0];
        eigen[cls] = new Float32Array(first.buffer, first.byteOffset, entry.eigen.n * entry.outputGrid.n);
      }),
    );
    return { manifest: m, eigen };
  }

  return (family) => {
    let p = byFamily.get(family);
    if (!p) {
      p = load(family);
      byFamily.set(family, p);
      p.catch(() => byFamily.delete(family));
    }
    return p;
  };
}
