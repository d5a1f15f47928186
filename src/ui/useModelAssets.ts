/** The spectrum view's model assets (platform/modelAssets.ts), loaded the first time a spectrum is opened. */
import { useEffect, useState } from 'react';
import type { ModelFamily } from '../core/types.ts';
import { createModelAssets, type ModelAssets } from '../platform/modelAssets.ts';

export type AssetsState = { status: 'loading' } | { status: 'ready'; assets: ModelAssets } | { status: 'error'; message: string };

let assetsOf: ((family: ModelFamily) => Promise<ModelAssets>) | undefined;

/** Loads once per page and family when `enabled` first becomes true. */
export function useModelAssets(enabled: boolean, family: ModelFamily = 'encoder'): AssetsState {
  const [state, setState] = useState<AssetsState>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    assetsOf ??= createModelAssets(new URL('models/', new URL(import.meta.env.BASE_URL, location.href)).href, (url) => fetch(url));
    assetsOf(family).then(
      (assets) => live && setState({ status: 'ready', assets }),
      (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [enabled, family]);
  return state;
}
