/**
 * The analyzer of each model family, opened the first time it is asked for
 * (so the UNets, ~3 MB each, are fetched only when the user wants them),
 * one family at a time (WebGPU refuses to create two sessions at once), and
 * kept. A failed open is forgotten, so the next request tries again.
 */
import type { Analyzer } from '../core/scan/pipeline.ts';
import type { ModelFamily, Result } from '../core/types.ts';

export type AnalyzerFor = (family: ModelFamily) => Promise<Result<Analyzer>>;

export function lazyAnalyzers(open: AnalyzerFor): AnalyzerFor {
  const opened = new Map<ModelFamily, Promise<Result<Analyzer>>>();
  let chain: Promise<unknown> = Promise.resolve();
  return (family) => {
    let p = opened.get(family);
    if (!p) {
      const mine = chain.then(() => open(family));
      chain = mine.catch(() => undefined);
      p = mine.then((r) => {
        if (!r.ok) opened.delete(family);
        return r;
      });
      opened.set(family, p);
      // A throw from `open` is a bug below; forget it too so a retry is possible.
      p.catch(() => opened.delete(family));
    }
    return p;
  };
}
