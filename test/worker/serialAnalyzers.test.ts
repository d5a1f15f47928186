/** Analyses run one batch at a time; a throw while opening a family becomes that family's error. */
import { describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/core/scan/pipeline.ts';
import { ok } from '../../src/core/types.ts';
import { serialAnalyzers } from '../../src/worker/serialAnalyzers.ts';
import { griddedFixture } from '../ui/view/realAnalysis.ts';
import { sharedAnalyzer } from './nodeEngine.ts';

describe('serialAnalyzers', () => {
  it('never runs two batches at once, and answers each with its own results', async () => {
    const real = await sharedAnalyzer();
    let running = 0;
    let most = 0;
    const watched: Analyzer = {
      family: 'encoder',
      async analyze(b) {
        most = Math.max(most, ++running);
        try {
          return await real.analyze(b);
        } finally {
          running--;
        }
      },
    };
    const analyzerFor = serialAnalyzers(async () => ok(watched));
    const a = await analyzerFor('encoder');
    if (!a.ok) throw new Error(a.error.message);
    const star = (await griddedFixture('spec-1883-53271-0276.fits')).gridded;
    const galaxy = (await griddedFixture('spec-0375-52140-0356.fits')).gridded;
    const [r1, r2] = await Promise.all([a.value.analyze([star]), a.value.analyze([galaxy])]);
    expect(most).toBe(1);
    expect(r1[0].ok && r1[0].value.cls).toBe('STAR');
    expect(r2[0].ok && r2[0].value.cls).toBe('GALAXY');
  });

  it("a throw while opening the models is that family's 'internal' error", async () => {
    const r = await serialAnalyzers(() => Promise.reject(new Error('wasm aborted')))('unet');
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/opening the unet models: wasm aborted/) } });
  });
});
