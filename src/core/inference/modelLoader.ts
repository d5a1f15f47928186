/**
 * Lazily opened reconstructors for the models of a manifest: a model's file
 * is fetched and its session created the first time it is asked for, then
 * kept. How bytes are fetched (HTTP + cache in the app, the file system in
 * Node) is the caller's business.
 */
import { CLASSES, fail, ok, type ModelFamily, type Result, type SpectralClass } from '../types.ts';
import { findModel, type ModelEntry, type ModelManifest } from './manifest.ts';
import { createReconstructor, type Reconstructor, type ReconstructorOptions } from './reconstructor.ts';
import type { OrtModule } from './session.ts';

/** Bytes of a file named in the manifest (relative to it). May reject; that becomes a 'model-load' error. */
export type FetchBytes = (file: string) => Promise<Uint8Array>;

export interface ModelLoader {
  readonly manifest: ModelManifest;
  /** The reconstructor of one model, opened on first request. A failed load is retried on the next request. */
  reconstructor(family: ModelFamily, cls: SpectralClass): Promise<Result<Reconstructor>>;
  /** All three classes of a family (the first failure, if any). */
  family(family: ModelFamily): Promise<Result<Record<SpectralClass, Reconstructor>>>;
  /** Release every opened session and forget them. */
  release(): Promise<void>;
}

async function load(
  ort: OrtModule,
  entry: ModelEntry,
  fetchBytes: FetchBytes,
  options: ReconstructorOptions,
): Promise<Result<Reconstructor>> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes(entry.file);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fail({ code: 'model-load', message: `Could not fetch ${entry.file} (${reason}). Check the connection and try again.` });
  }
  if (bytes.length !== entry.bytes) {
    return fail({
      code: 'model-load',
      message: `${entry.file} has ${bytes.length} bytes, the manifest says ${entry.bytes}: the download was cut short or is stale; fetch it again.`,
    });
  }
  return createReconstructor(ort, entry, bytes, options);
}

/** @throws RangeError (from findModel) when the manifest lacks a requested model. */
export function createModelLoader(
  ort: OrtModule,
  manifest: ModelManifest,
  fetchBytes: FetchBytes,
  options: ReconstructorOptions = {},
): ModelLoader {
  const opened = new Map<string, Promise<Result<Reconstructor>>>();

  const reconstructor = (family: ModelFamily, cls: SpectralClass): Promise<Result<Reconstructor>> => {
    const key = `${family}/${cls}`;
    let pending = opened.get(key);
    if (!pending) {
      const entry = findModel(manifest, family, cls);
      pending = load(ort, entry, fetchBytes, options).then((r) => {
        if (!r.ok) opened.delete(key);
        return r;
      });
      opened.set(key, pending);
    }
    return pending;
  };

  return {
    manifest,
    reconstructor,
    async family(family) {
      const results = await Promise.all(CLASSES.map((cls) => reconstructor(family, cls)));
      const byClass: Partial<Record<SpectralClass, Reconstructor>> = {};
      for (let i = 0; i < CLASSES.length; i++) {
        const r = results[i];
        if (!r.ok) return r;
        byClass[CLASSES[i]] = r.value;
      }
      return ok(byClass as Record<SpectralClass, Reconstructor>);
    },
    async release() {
      const all = [...opened.values()];
      opened.clear();
      for (const r of await Promise.all(all)) if (r.ok) await r.value.release();
    },
  };
}
