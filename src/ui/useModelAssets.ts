/**
 * The manifest and the encoders' eigenspectra on the UI thread, for the
 * spectrum view. Fetched once, the first time a spectrum is opened.
 */
import { useEffect, useState } from 'react';
import { readEigenspectra } from '../core/inference/eigenspectra.ts';
import type { ModelManifest } from '../core/inference/manifest.ts';
import { parseManifest } from '../core/inference/parseManifest.ts';
import { CLASSES, type ModelFamily, type SpectralClass } from '../core/types.ts';

export interface ModelAssets {
  manifest: ModelManifest;
  /** Per class, float32 row-major [nEigen · N_out] (encoders only). */
  eigen: Partial<Record<SpectralClass, Float32Array>>;
}

export type AssetsState = { status: 'loading' } | { status: 'ready'; assets: ModelAssets } | { status: 'error'; message: string };

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  return res;
}

export async function loadModelAssets(baseUrl: string, family: ModelFamily): Promise<ModelAssets> {
  const dir = new URL('models/', baseUrl).href;
  const parsed = parseManifest(await (await fetchOk(dir + 'manifest.json')).json());
  if (!parsed.ok) throw new Error(parsed.error.message);
  const manifest = parsed.value;
  const eigen: Partial<Record<SpectralClass, Float32Array>> = {};
  await Promise.all(
    CLASSES.map(async (cls) => {
      const entry = manifest.models.find((m) => m.family === family && m.cls === cls);
      if (!entry?.eigen) return;
      const bytes = new Uint8Array(await (await fetchOk(dir + entry.eigen.file)).arrayBuffer());
      const rows = readEigenspectra(bytes, entry);
      if (!rows.ok) throw new Error(rows.error.message);
      const first = rows.value[0];
      eigen[cls] = new Float32Array(first.buffer, first.byteOffset, entry.eigen.n * entry.outputGrid.n);
    }),
  );
  return { manifest, eigen };
}

let shared: Promise<ModelAssets> | undefined;

/** Loads once per page when `enabled` first becomes true. */
export function useModelAssets(enabled: boolean, family: ModelFamily = 'encoder'): AssetsState {
  const [state, setState] = useState<AssetsState>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    shared ??= loadModelAssets(new URL(import.meta.env.BASE_URL, location.href).href, family);
    shared.then(
      (assets) => live && setState({ status: 'ready', assets }),
      (e: unknown) => {
        shared = undefined;
        if (live) setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [enabled, family]);
  return state;
}
