/**
 * A worker's analyzers run one batch at a time (the networks and the χ²
 * scanner are shared), and a throw while opening a family's models becomes
 * that family's error. Caching each family is the opener's job
 * (familyAnalyzers.ts), so this adds no cache of its own.
 */
import type { Analyzer } from '../core/scan/pipeline.ts';
import { fail, ok, type ModelFamily, type Result } from '../core/types.ts';
import type { AnalyzerFor } from './familyAnalyzers.ts';
import { internalError } from './protocol.ts';

export function serialAnalyzers(analyzerFor: AnalyzerFor): AnalyzerFor {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const run = queue.then(f, f);
    queue = run.catch(() => undefined);
    return run;
  };
  return async (family: ModelFamily): Promise<Result<Analyzer>> => {
    const r = await analyzerFor(family).catch((e: unknown) => fail(internalError(e, `opening the ${family} models`)));
    return r.ok ? ok({ family, analyze: (b, o) => serial(() => r.value.analyze(b, o)) }) : r;
  };
}
