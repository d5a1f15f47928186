/**
 * The map's embedding of the batch in one class's coefficient space, made in a worker of its own
 * (worker/mapClient.ts) with progress. Runs again when the batch or the space changes; a change during
 * a run starts the next run when it ends. Above EMBED_MAX spectra a sample is embedded (embed.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { standardisedCodes } from '../../core/anomaly/batchOutliers.ts';
import { EMBED_MAX, MIN_EMBED, mapSample } from '../../core/anomaly/embed.ts';
import type { SpectralClass } from '../../core/types.ts';
import type { ResultRow } from '../../state/types.ts';
import { createMapClient, spawnMapWorker, type MapClient } from '../../worker/mapClient.ts';

export interface Embedding {
  status: 'idle' | 'running' | 'ready' | 'error';
  /** Epochs done / total of the run in progress. */
  progress?: { done: number; total: number };
  /** Keys of the embedded spectra, in the order of `xy`. */
  keys: string[];
  xy: Float32Array;
  space: SpectralClass;
  /** Spectra with coefficients in the batch (keys.length when not sampled). */
  total: number;
  message?: string;
}

/** A row's encoder answer when it has coefficients. */
const codeOf = (r: ResultRow) => {
  const a = r.answers.encoder ?? r.row;
  return a.coefficients && a.error === undefined ? a : undefined;
};

export function useEmbedding(rows: readonly ResultRow[], space: SpectralClass): Embedding {
  const [state, setState] = useState<Embedding>({ status: 'idle', keys: [], xy: new Float32Array(0), space, total: 0 });
  const client = useRef<MapClient | undefined>(undefined);
  const running = useRef(false);
  const wanted = useRef<{ rows: readonly ResultRow[]; space: SpectralClass } | undefined>(undefined);
  const done = useRef<{ sig: string; space: SpectralClass } | undefined>(undefined);

  useEffect(() => {
    client.current = createMapClient(spawnMapWorker);
    return () => {
      client.current?.dispose();
      client.current = undefined;
    };
  }, []);

  useEffect(() => {
    wanted.current = { rows, space };
    const start = () => {
      const w = wanted.current;
      const c = client.current;
      if (!w || !c || running.current) return;
      const coded = w.rows.filter((r) => codeOf(r));
      // The same spectra and space as the map shows: nothing to do (scores and QOPs only recolour).
      const sig = coded.map((r) => r.key).join('\n');
      if (done.current && done.current.sig === sig && done.current.space === w.space) return;
      if (coded.length < MIN_EMBED) {
        setState({ status: 'idle', keys: [], xy: new Float32Array(0), space: w.space, total: coded.length, message: `The map needs at least ${MIN_EMBED} analysed spectra with coefficients (encoder).` });
        return;
      }
      const keep = (i: number) => coded[i].row.flags.length > 0;
      const idx = mapSample(coded.length, keep, EMBED_MAX);
      const chosen = idx.map((i) => coded[i]);
      const { x, d } = standardisedCodes(chosen.map((r) => codeOf(r)!), [w.space]);
      running.current = true;
      setState((s) => ({ ...s, status: 'running', progress: { done: 0, total: 1 }, total: coded.length, message: undefined }));
      c.embed(w.space, x, chosen.length, d, (doneEpochs, total) => setState((s) => ({ ...s, progress: { done: doneEpochs, total } })))
        .then((xy) => {
          done.current = { sig, space: w.space };
          setState({ status: 'ready', keys: chosen.map((r) => r.key), xy, space: w.space, total: coded.length });
        })
        .catch((e: Error) => setState((s) => ({ ...s, status: 'error', message: `The map could not be computed: ${e.message}` })))
        .finally(() => {
          running.current = false;
          start(); // the batch or space may have changed meanwhile
        });
    };
    // Let a burst of arriving files settle before embedding again.
    const t = setTimeout(start, 500);
    return () => clearTimeout(t);
  }, [rows, space]);

  return state;
}
