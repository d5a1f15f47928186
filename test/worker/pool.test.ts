import { describe, expect, it } from 'vitest';
import { createWorkerPool, type PoolMessage, type PoolOptions } from '../../src/worker/pool.ts';
import type { WorkerConfig } from '../../src/worker/protocol.ts';
import { fakeWorker, type FakeWorker } from './fakeWorker.ts';
import { fixtureBlob, sdssTruth } from './nodeEngine.ts';

const CONFIG: WorkerConfig = { backend: 'wasm', threads: 1, baseUrl: 'http://localhost/', family: 'encoder', batchSize: 8 };
const FILES = ['spec-0375-52140-0356.fits', 'spec-0504-52316-0040.fits', 'spec-0521-52326-0167.fits', 'spec-0559-52316-0121.fits'];
const truth = sdssTruth();

function setUp(size: number, options: PoolOptions = {}) {
  const workers: FakeWorker[] = [];
  const messages: PoolMessage[] = [];
  let done: () => void = () => {};
  let expected = 0;
  const pool = createWorkerPool(size, CONFIG, () => {
    const w = fakeWorker();
    workers.push(w);
    return w;
  }, (m) => {
    messages.push(m);
    if (messages.filter((x) => x.type === 'file-done').length === expected) done();
  }, options);
  const finished = (n: number) => {
    expected = n;
    return new Promise<void>((r) => (done = r));
  };
  return { pool, workers, messages, finished };
}

const files = (names: string[], first = 1) => names.map((n, i) => ({ fileId: first + i, file: fixtureBlob(`sdss/${n}`), fileName: n }));

describe('worker pool', () => {
  it('sets up one worker first, gives it files as soon as it is ready, then sets up the others', async () => {
    const log: string[] = [];
    const workers: FakeWorker[] = [];
    const done: PoolMessage[] = [];
    let finished = () => {};
    const pool = createWorkerPool(2, CONFIG, () => {
      const i = workers.length;
      const w = fakeWorker();
      workers.push(w);
      // Log what the pool sends and what the worker answers, in the order the pool sees them.
      return {
        postMessage: (m) => {
          log.push(`w${i} gets ${m.type}`);
          w.postMessage(m);
        },
        terminate: () => w.terminate(),
        get onmessage() {
          return w.onmessage;
        },
        set onmessage(h) {
          w.onmessage = h && ((ev) => {
            if (ev.data.type === 'ready') log.push(`w${i} ready`);
            h(ev);
          });
        },
        get onerror() {
          return w.onerror;
        },
        set onerror(h) {
          w.onerror = h;
        },
      };
    }, (m) => {
      if (m.type === 'file-done') {
        done.push(m);
        finished();
      }
    });
    const all = new Promise<void>((r) => (finished = r));
    pool.submit(1, files(FILES.slice(0, 1)));
    expect(log).toEqual(['w0 gets init']);
    await all;
    // w1 is told to set up only once w0 is ready, and the file did not wait for w1.
    expect(log.indexOf('w1 gets init')).toBeGreaterThan(log.indexOf('w0 ready'));
    expect(log.indexOf('w0 gets analyze')).toBeGreaterThan(log.indexOf('w0 ready'));
    expect(log.indexOf('w0 gets analyze')).toBeLessThan(log.indexOf('w1 ready'));
    expect(workers[1].received.filter((m) => m.type === 'analyze')).toHaveLength(0);
    expect((await pool.ready).ok).toBe(true);
    expect(log).toContain('w1 ready');
    pool.terminate();
  });

  it('starts every worker, then spreads files over them and reports every result', async () => {
    const { pool, workers, messages, finished } = setUp(2);
    const ready = await pool.ready;
    expect(ready).toEqual({ ok: true, value: expect.objectContaining({ backend: 'wasm', workers: 2, threads: 1 }) });
    const all = finished(FILES.length);
    pool.submit(1, files(FILES));
    await all;
    const rows = messages.flatMap((m) => (m.type === 'results' ? m.rows : []));
    expect(rows.map((r) => r.fileName).sort()).toEqual([...FILES].sort());
    for (const r of rows) expect(r.cls).toBe(truth.get(r.fileName)!.cls);
    const analyzedBy = workers.map((w) => w.received.filter((m) => m.type === 'analyze').length);
    expect(analyzedBy.every((n) => n > 0)).toBe(true);
    expect(analyzedBy.reduce((a, b) => a + b)).toBe(FILES.length);
    pool.terminate();
  });

  it('posts dropped files to the workers a few at a time, the page getting a turn in between', async () => {
    const { pool, workers, finished } = setUp(2, { inFlight: 64 });
    await pool.ready;
    const many = Array.from({ length: 60 }, (_, i) => FILES[i % FILES.length]);
    const all = finished(many.length);
    const posted = () => workers.flatMap((w) => w.received).filter((m) => m.type === 'analyze').length;
    // Two calls in one task (as one worker message finishing many files calls pump many times): 8 posts
    // in all, then 8 a turn.
    pool.submit(1, files(many.slice(0, 30)));
    pool.submit(1, files(many.slice(30), 31));
    expect(posted()).toBe(8);
    await new Promise((r) => setTimeout(r, 0));
    expect(posted()).toBe(16);
    await all;
    expect(workers.flatMap((w) => w.received).filter((m) => m.type === 'analyze')).toHaveLength(many.length);
    pool.terminate();
  });

  it('cancel drops queued files (reported as cancelled) and tells the workers', async () => {
    const { pool, workers, messages, finished } = setUp(1);
    await pool.ready;
    const all = finished(FILES.length);
    pool.submit(5, files(FILES));
    pool.cancel(5);
    await all;
    const done = messages.filter((m) => m.type === 'file-done');
    expect(done).toHaveLength(FILES.length);
    expect(done.filter((m) => m.type === 'file-done' && m.cancelled).length).toBeGreaterThanOrEqual(FILES.length - 2);
    expect(workers[0].received.some((m) => m.type === 'cancel' && m.jobId === 5)).toBe(true);
    pool.terminate();
  });

  it('answers a detail request with the full analysis, typed arrays intact after transfer', async () => {
    const { pool } = setUp(2);
    const d = await pool.detail(1, fixtureBlob(`sdss/${FILES[2]}`), FILES[2], 0);
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.result.cls).toBe(truth.get(FILES[2])!.cls);
    expect(d.value.result.preprocessed.F).toBeInstanceOf(Float32Array);
    expect(d.value.result.preprocessed.F).toHaveLength(4076);
    expect(d.value.result.reconstructions.QSO.values.length).toBe(11858);
    pool.terminate();
  });

  it('cuts a multi-spectrum file into ranges read by every worker, reports it opened and done once, and sends each detail to the range owner', async () => {
    const { pool, workers, messages, finished } = setUp(2, { rangeSize: 1 });
    await pool.ready;
    const all = finished(1);
    const plate = { fileId: 40, file: fixtureBlob('formats/sdss_spPlate.fits'), fileName: 'plate.fits' };
    pool.submit(1, [plate]);
    await all;
    expect(messages.filter((m) => m.type === 'opened')).toHaveLength(1);
    expect(messages.filter((m) => m.type === 'file-done')).toEqual([{ type: 'file-done', jobId: 1, fileId: 40, cancelled: false }]);
    const rows = messages.flatMap((m) => (m.type === 'results' ? m.rows : []));
    expect(rows.map((r) => r.index).sort()).toEqual([0, 1, 2]);
    const sent = workers.map((w) => w.received.flatMap((m) => (m.type === 'analyze' ? [m.range ? `${m.range.start}-${m.range.end}` : `first<${m.splitAt}`] : [])));
    expect(sent.flat().sort()).toEqual(['1-2', '2-3', 'first<1']);
    expect(sent.every((s) => s.length > 0)).toBe(true); // both workers read the same Blob
    for (const r of rows) {
      const d = await pool.detail(40, plate.file, 'plate.fits', r.index);
      if (!d.ok) throw new Error(d.error.message);
      expect(d.value.result.z).toBe(r.zObs);
      expect(d.value.result.chi2).toEqual(r.chi2);
      // Asked of the worker that analysed that fibre.
      const owner = workers.findIndex((w) => w.received.some((m) => m.type === 'analyze' && (m.range ? m.range.start === r.index : r.index === 0)));
      expect(workers[owner].received.some((m) => m.type === 'detail' && m.index === r.index)).toBe(true);
    }
    pool.terminate();
  });

  it('replaces a worker that dies mid-batch and retries its files once: every file gets its row, none twice', async () => {
    const { pool, workers, messages, finished } = setUp(2);
    await pool.ready;
    const all = finished(FILES.length);
    pool.submit(1, files(FILES));
    workers[0].crash('out of memory');
    await all;
    const failures = messages.flatMap((m) => (m.type === 'results' ? m.failures : []));
    const rows = messages.flatMap((m) => (m.type === 'results' ? m.rows : []));
    expect(failures).toEqual([]);
    expect(rows.map((r) => r.fileName).sort()).toEqual([...FILES].sort());
    expect(workers).toHaveLength(3); // the dead one was replaced
    expect(workers[0].terminated).toBe(true);
    expect(workers[2].received.filter((m) => m.type === 'analyze').length).toBeGreaterThan(0);
    pool.terminate();
  });
});
