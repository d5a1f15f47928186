/** Analyzers per family: opened on first request, one family at a time, kept; a failure is retried. */
import { describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/core/scan/pipeline.ts';
import { fail, ok, type ModelFamily, type Result } from '../../src/core/types.ts';
import { lazyAnalyzers } from '../../src/worker/familyAnalyzers.ts';

const analyzer = (family: ModelFamily): Analyzer => ({ family, analyze: async () => [] });

describe('lazyAnalyzers', () => {
  it('opens nothing until asked, each family once, never two at the same time', async () => {
    const log: string[] = [];
    let running = 0;
    const get = lazyAnalyzers(async (family) => {
      running++;
      log.push(`open ${family} (${running} running)`);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      return ok(analyzer(family));
    });
    expect(log).toEqual([]);
    const [a, b, c] = await Promise.all([get('encoder'), get('unet'), get('encoder')]);
    expect(log).toEqual(['open encoder (1 running)', 'open unet (1 running)']);
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (a.ok && c.ok) expect(c.value).toBe(a.value);
    await get('unet');
    expect(log).toHaveLength(2);
  });

  it('a failed or throwing open is forgotten and tried again on the next request', async () => {
    let calls = 0;
    const get = lazyAnalyzers(async (family): Promise<Result<Analyzer>> => {
      calls++;
      if (calls === 1) return fail({ code: 'model-load', message: 'HTTP 503 for unet-star.onnx' });
      if (calls === 2) throw new Error('bug');
      return ok(analyzer(family));
    });
    const first = await get('unet');
    expect(first).toEqual({ ok: false, error: { code: 'model-load', message: 'HTTP 503 for unet-star.onnx' } });
    await expect(get('unet')).rejects.toThrow('bug');
    const third = await get('unet');
    expect(third.ok).toBe(true);
    expect(calls).toBe(3);
  });
});
