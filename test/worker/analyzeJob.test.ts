/** One analyze request on a real plate: messages per batch, every analysis kept, an unexpected throw failing the rest. */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { blobSource } from '../../src/core/fits/index.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import { ok } from '../../src/core/types.ts';
import { createAnalysisCache } from '../../src/worker/analysisCache.ts';
import { runAnalyzeJob } from '../../src/worker/analyzeJob.ts';
import { keptOpenFiles } from '../../src/worker/openFiles.ts';
import type { WorkerResponse } from '../../src/worker/protocol.ts';
import { fixtureBlob, nodeAnalyzerFor, sharedAnalyzer } from './nodeEngine.ts';

const job = { jobId: 1, fileId: 3, file: fixtureBlob('formats/sdss_spPlate.fits'), fileName: 'plate.fits' };
const deps = (analyzerFor = nodeAnalyzerFor) => ({
  open: keptOpenFiles((f, n) => openSpectra(blobSource(f, n))),
  analyzerFor,
  cache: createAnalysisCache(),
  batchSize: 2,
  now: () => performance.now(),
});

describe('runAnalyzeJob', () => {
  it('posts a results message per batch and keeps every analysis for the detail view', async () => {
    const d = deps();
    const out: WorkerResponse[] = [];
    await runAnalyzeJob(d, job, (m) => out.push(m), () => false);
    expect(out.map((m) => m.type)).toEqual(['opened', 'results', 'results', 'file-done']);
    const rows = out.flatMap((m) => (m.type === 'results' ? m.rows : []));
    expect(rows.map((r) => [r.index, r.cls])).toEqual([[0, 'STAR'], [1, 'GALAXY'], [2, 'QSO']]);
    for (const r of rows) expect(d.cache.get(3, r.index, 'encoder')?.result.z).toBe(r.z);
  });

  it('a bug below fails the spectra not yet analysed and still closes the file', async () => {
    const real = await sharedAnalyzer();
    let calls = 0;
    const d = deps(async () => ok({ family: 'encoder', analyze: (b) => (++calls === 2 ? Promise.reject(new Error('boom')) : real.analyze(b)) }));
    const out: WorkerResponse[] = [];
    await runAnalyzeJob(d, job, (m) => out.push(m), () => false);
    const failures = out.flatMap((m) => (m.type === 'results' ? m.failures : []));
    expect(failures.map((f) => [f.index, f.error.code])).toEqual([[2, 'internal']]);
    expect(failures[0].error.message).toMatch(/analysing plate\.fits: boom/);
    expect(out.at(-1)).toEqual({ type: 'file-done', jobId: 1, fileId: 3, cancelled: false });
  });
});
