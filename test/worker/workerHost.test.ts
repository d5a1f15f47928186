/** The worker's message loop in-process, on a real file: set-up, analysis, detail, cancel, ping, and work before set-up. */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { blobSource } from '../../src/core/fits/index.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import { ok } from '../../src/core/types.ts';
import { createEngine } from '../../src/worker/analysisEngine.ts';
import type { WorkerResponse } from '../../src/worker/protocol.ts';
import { createWorkerHost } from '../../src/worker/workerHost.ts';
import { fixtureBlob, nodeAnalyzerFor } from './nodeEngine.ts';

const CONFIG = { backend: 'wasm' as const, threads: 1, baseUrl: 'http://localhost/', family: 'encoder' as const, batchSize: 8 };

function host() {
  const out: WorkerResponse[] = [];
  const setUp = async () => ok(createEngine({ openFile: (f, n) => openSpectra(blobSource(f, n)), analyzerFor: nodeAnalyzerFor, batchSize: 8, now: () => performance.now() }));
  // A 'many' message is unpacked, as the pool does.
  const post = (m: WorkerResponse) => (m.type === 'many' ? out.push(...m.messages) : out.push(m));
  return { out, handle: createWorkerHost(setUp, post, () => performance.now()) };
}

const until = async (out: WorkerResponse[], what: (m: WorkerResponse) => boolean) => {
  while (!out.some(what)) await new Promise((r) => setTimeout(r, 5));
};

describe('worker host', () => {
  it('starts setting up before the runtime arrives, and hands set-up the module the page sends after', async () => {
    const out: WorkerResponse[] = [];
    const steps: string[] = [];
    // A stand-in for a compiled module: anything structured-clonable goes through the same path.
    const module = { compiled: true } as unknown as WebAssembly.Module;
    const handle = createWorkerHost(
      async (config, runtime) => {
        steps.push(`set-up started (follows: ${String(config.ortWasmFollows)})`);
        const m = await runtime();
        steps.push(`runtime ${m === module ? 'received' : String(m)}`);
        return ok(createEngine({ openFile: (f, n) => openSpectra(blobSource(f, n)), analyzerFor: nodeAnalyzerFor, batchSize: 8, now: () => performance.now() }));
      },
      (m) => out.push(m),
      () => performance.now(),
    );
    handle({ type: 'init', config: { ...CONFIG, ortWasmFollows: true } });
    await new Promise((r) => setTimeout(r, 20));
    expect(steps).toEqual(['set-up started (follows: true)']);
    expect(out.some((m) => m.type === 'ready')).toBe(false);
    handle({ type: 'runtime', ortWasm: module });
    await until(out, (m) => m.type === 'ready');
    expect(steps).toEqual(['set-up started (follows: true)', 'runtime received']);

    // Without ortWasmFollows the module comes in the config (or not at all), with no wait.
    const direct: string[] = [];
    const h2 = createWorkerHost(async (_c, runtime) => {
      direct.push(String(await runtime()));
      return ok(createEngine({ openFile: (f, n) => openSpectra(blobSource(f, n)), analyzerFor: nodeAnalyzerFor, batchSize: 8, now: () => performance.now() }));
    }, () => {}, () => performance.now());
    h2({ type: 'init', config: CONFIG });
    await new Promise((r) => setTimeout(r, 20));
    expect(direct).toEqual(['undefined']);
  });

  it('answers ping at once, sets up, analyses a plate, then gives a detail of one fibre', async () => {
    const { out, handle } = host();
    handle({ type: 'ping', id: 4 });
    expect(out).toEqual([{ type: 'pong', id: 4 }]);
    handle({ type: 'init', config: CONFIG });
    const plate = fixtureBlob('formats/sdss_spPlate.fits');
    handle({ type: 'analyze', jobId: 1, fileId: 3, file: plate, fileName: 'plate.fits', families: ['encoder'] });
    await until(out, (m) => m.type === 'file-done');
    expect(out.map((m) => m.type)).toEqual(['pong', 'ready', 'opened', 'results', 'file-done']);
    handle({ type: 'detail', requestId: 9, fileId: 3, file: plate, fileName: 'plate.fits', index: 2, families: ['encoder'] });
    await until(out, (m) => m.type === 'detail');
    const d = out.find((m) => m.type === 'detail');
    const rows = out.flatMap((m) => (m.type === 'results' ? m.rows : []));
    expect(d?.type === 'detail' && d.detail.result.z).toBe(rows[2].z);
  });

  it('analyses files queued together in shared network batches and posts each batch as one message', async () => {
    const posted: WorkerResponse[] = [];
    const runs: number[] = [];
    const setUp = async () =>
      ok(
        createEngine({
          openFile: (f, n) => openSpectra(blobSource(f, n)),
          analyzerFor: async (family) => {
            const a = await nodeAnalyzerFor(family);
            return a.ok ? ok({ family, analyze: (b) => (runs.push(b.length), a.value.analyze(b)) }) : a;
          },
          batchSize: 8,
          now: () => performance.now(),
        }),
      );
    const handle = createWorkerHost(setUp, (m) => posted.push(m), () => performance.now());
    handle({ type: 'init', config: CONFIG });
    const names = ['spec-0375-52140-0356.fits', 'spec-0504-52316-0040.fits', 'spec-0521-52326-0167.fits', 'spec-0559-52316-0121.fits'];
    names.forEach((n, i) => handle({ type: 'analyze', jobId: 1, fileId: 20 + i, file: fixtureBlob(`sdss/${n}`), fileName: n, families: ['encoder'] }));
    handle({ type: 'analyze', jobId: 1, fileId: 30, file: fixtureBlob('formats/sdss_spPlate.fits'), fileName: 'plate.fits', families: ['encoder'] });
    const flat = () => posted.flatMap((m) => (m.type === 'many' ? m.messages : [m]));
    await until(posted, () => flat().filter((m) => m.type === 'file-done').length === 5);
    // Seven spectra from five files: one network batch (the first file may start one alone before the others arrive).
    expect(runs.reduce((a, b) => a + b, 0)).toBe(7);
    expect(runs.length).toBeLessThanOrEqual(2);
    const batchPost = posted.find((m) => m.type === 'many' && m.messages.filter((x) => x.type === 'file-done').length >= 4);
    expect(batchPost).toBeDefined();
    const rows = flat().flatMap((m) => (m.type === 'results' ? m.rows : []));
    expect(rows.filter((r) => r.fileName === 'plate.fits').map((r) => r.cls)).toEqual(['STAR', 'GALAXY', 'QSO']);
    expect(new Set(rows.map((r) => r.fileName)).size).toBe(5);
  });

  it('analyses only the range it is given, and only the first splitAt spectra of a whole file', async () => {
    const { out, handle } = host();
    handle({ type: 'init', config: CONFIG });
    const plate = fixtureBlob('formats/sdss_spPlate.fits');
    handle({ type: 'analyze', jobId: 1, fileId: 3, file: plate, fileName: 'plate.fits', families: ['encoder'], splitAt: 1 });
    handle({ type: 'analyze', jobId: 1, fileId: 3, file: plate, fileName: 'plate.fits', families: ['encoder'], range: { start: 1, end: 3 } });
    await until(out, () => out.filter((m) => m.type === 'file-done').length === 2);
    expect(out.filter((m) => m.type === 'opened')).toHaveLength(1);
    const rows = out.flatMap((m) => (m.type === 'results' ? m.rows.map((r) => [m.start, r.index, r.cls]) : []));
    expect(rows).toEqual([
      [undefined, 0, 'STAR'],
      [1, 1, 'GALAXY'],
      [1, 2, 'QSO'],
    ]);
    expect(out.filter((m) => m.type === 'file-done')).toEqual([
      { type: 'file-done', jobId: 1, fileId: 3, cancelled: false },
      { type: 'file-done', jobId: 1, fileId: 3, cancelled: false, start: 1 },
    ]);
  });

  it('a cancelled job reports its file cancelled; work before set-up fails with a reason', async () => {
    const early = host();
    early.handle({ type: 'detail', requestId: 1, fileId: 1, file: new Blob([]), fileName: 'x.fits', index: 0, families: ['encoder'] });
    await until(early.out, (m) => m.type === 'detail-error');
    expect(early.out[0]).toMatchObject({ type: 'detail-error', error: { code: 'internal', message: expect.stringMatching(/before it was set up/) } });

    const { out, handle } = host();
    handle({ type: 'init', config: CONFIG });
    handle({ type: 'cancel', jobId: 2 });
    handle({ type: 'analyze', jobId: 2, fileId: 5, file: fixtureBlob('formats/sdss_spPlate.fits'), fileName: 'plate.fits', families: ['encoder'] });
    await until(out, (m) => m.type === 'file-done');
    expect(out.find((m) => m.type === 'file-done')).toEqual({ type: 'file-done', jobId: 2, fileId: 5, cancelled: true });
  });
});
