/**
 * The pool when workers die (issue 6): a worker killed mid-file is replaced
 * and the file retried once, alone, without repeating what was reported; a
 * file that kills its worker twice is marked failed spectrum by spectrum; a
 * worker that stops answering (closed or hung) is found by the ping watchdog.
 * Workers run the real engine in-process (fakeWorker.ts); `controlled` wraps
 * one so the test can kill it or silence it at a chosen message.
 */
import { describe, expect, it } from 'vitest';
import type { WorkerConfig, WorkerRequest, WorkerResponse } from '../../src/worker/protocol.ts';
import { createWorkerPool, type PoolMessage, type PoolOptions, type WorkerLike } from '../../src/worker/pool.ts';
import { fakeWorker } from './fakeWorker.ts';
import { fixtureBlob } from './nodeEngine.ts';

const CONFIG: WorkerConfig = { backend: 'wasm', threads: 1, baseUrl: 'http://localhost/', family: 'encoder', batchSize: 1 };
const PLATE = { fileId: 1, file: fixtureBlob('formats/sdss_spPlate.fits'), fileName: 'plate.fits' }; // 3 fibres
const SINGLES = ['spec-0375-52140-0356.fits', 'spec-0504-52316-0040.fits', 'spec-0521-52326-0167.fits'].map((n, i) => ({
  fileId: 10 + i,
  file: fixtureBlob(`sdss/${n}`),
  fileName: n,
}));

/** What a test does to a worker when it sees a message: 'kill' (script error) or 'silence' (closed: no more messages). */
type Rule = (m: WorkerResponse | WorkerRequest, dir: 'in' | 'out', worker: number) => 'kill' | 'silence' | undefined;

function setUp(size: number, rule: Rule, options: PoolOptions = {}) {
  const messages: PoolMessage[] = [];
  const spawned: { analyzed: string[]; dead: boolean; kill: () => void }[] = [];
  let onDone: (() => void) | undefined;
  let expected = Infinity;
  const spawn = (): WorkerLike => {
    const n = spawned.length;
    const record = { analyzed: [] as string[], dead: false, kill: () => kill() };
    spawned.push(record);
    const inner = fakeWorker();
    const outer: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(m) {
        if (record.dead) return;
        if (m.type === 'analyze') record.analyzed.push(m.fileName);
        const act = rule(m, 'in', n);
        if (act === 'kill') return kill();
        if (act === 'silence') record.dead = true;
        else inner.postMessage(m);
      },
      terminate() {
        record.dead = true;
        inner.terminate();
      },
    };
    const kill = () => {
      record.dead = true;
      inner.terminate();
      setTimeout(() => outer.onerror?.({ message: 'killed by the test' }), 0);
    };
    // The rule sees each message a 'many' carries, in order, and stops the rest at a kill or silence.
    inner.onmessage = (ev) => {
      for (const data of ev.data.type === 'many' ? ev.data.messages : [ev.data]) {
        if (record.dead) return;
        const act = rule(data, 'out', n);
        if (act === 'kill') return kill();
        if (act === 'silence') {
          record.dead = true;
          return;
        }
        outer.onmessage?.({ data });
      }
    };
    return outer;
  };
  // The plate is not split here (rangeSize): these tests are about one file's worker dying.
  const pool = createWorkerPool(size, CONFIG, spawn, (m) => {
    messages.push(m);
    if (messages.filter((x) => x.type === 'file-done').length === expected) onDone?.();
  }, { rangeSize: 64, inFlight: 2, ...options });
  const finished = (n: number) => {
    expected = n;
    return new Promise<void>((r) => (onDone = r));
  };
  const rows = () => messages.flatMap((m) => (m.type === 'results' ? m.rows.map((r) => ({ ...r, fileId: m.fileId })) : []));
  const failures = () => messages.flatMap((m) => (m.type === 'results' ? m.failures : []));
  return { pool, messages, spawned, finished, rows, failures };
}

const isResultsFor = (m: WorkerResponse | WorkerRequest, fileId: number) => m.type === 'results' && m.fileId === fileId;

describe('worker pool recovery', () => {
  it('a worker killed after reporting one fibre is replaced; the file is retried and each fibre reported once', async () => {
    let plateResults = 0;
    const t = setUp(1, (m, dir) => {
      // Fibre 0's results reach the pool; the worker dies as it sends fibre 1's.
      if (dir === 'out' && isResultsFor(m, PLATE.fileId) && ++plateResults === 2) return 'kill';
      return undefined;
    });
    await t.pool.ready;
    const done = t.finished(1 + SINGLES.length);
    t.pool.submit(1, [PLATE, ...SINGLES]);
    await done;
    expect(t.spawned).toHaveLength(2);
    expect(t.failures()).toEqual([]);
    expect(t.rows().filter((r) => r.fileId === PLATE.fileId).map((r) => r.index).sort()).toEqual([0, 1, 2]);
    expect(t.rows().filter((r) => r.fileId !== PLATE.fileId)).toHaveLength(SINGLES.length);
    expect(t.messages.filter((m) => m.type === 'opened' && m.fileId === PLATE.fileId)).toHaveLength(1);
    // The retry ran alone on the fresh worker: plate first, then the rest.
    expect(t.spawned[1].analyzed[0]).toBe('plate.fits');
    t.pool.terminate();
  });

  it('a file that kills its worker twice is marked failed for each spectrum not yet reported; the batch completes', async () => {
    let plateResults = 0;
    const t = setUp(2, (m, dir) => {
      if (dir === 'out' && isResultsFor(m, PLATE.fileId)) {
        plateResults++;
        // The first run reports fibre 0 then dies; the retry (which re-reports fibre 0) dies on its next batch.
        if (plateResults === 2 || plateResults === 4) return 'kill';
      }
      return undefined;
    });
    await t.pool.ready;
    const done = t.finished(1 + SINGLES.length);
    t.pool.submit(1, [PLATE, ...SINGLES]);
    await done;
    const plateRows = t.rows().filter((r) => r.fileId === PLATE.fileId);
    const plateFailures = t.failures().filter((f) => f.fileId === PLATE.fileId);
    expect(plateRows.map((r) => r.index)).toEqual([0]);
    expect(plateFailures.map((f) => f.index).sort()).toEqual([1, 2]);
    for (const f of plateFailures) {
      expect(f.error.code).toBe('internal');
      expect(f.error.message).toMatch(/stopped twice .* retried once/);
    }
    expect(t.rows().filter((r) => r.fileId !== PLATE.fileId)).toHaveLength(SINGLES.length);
    expect(t.messages.filter((m) => m.type === 'file-done')).toHaveLength(1 + SINGLES.length);
    expect(t.spawned).toHaveLength(4);
    t.pool.terminate();
  });

  it('when several workers die at once, the retry goes to a fresh worker, not to one about to die', async () => {
    let plateResults = 0;
    const t = setUp(2, (m, dir, worker) => {
      if (dir === 'out' && isResultsFor(m, PLATE.fileId) && ++plateResults === 2) {
        setTimeout(() => t.spawned[1 - worker].kill(), 0); // the other (idle) worker dies just after
        return 'kill';
      }
      return undefined;
    });
    await t.pool.ready;
    const done = t.finished(1);
    t.pool.submit(1, [PLATE]);
    await done;
    expect(t.failures()).toEqual([]);
    expect(t.rows().map((r) => r.index).sort()).toEqual([0, 1, 2]);
    expect(t.spawned).toHaveLength(4);
    expect(t.spawned.filter((w) => w.analyzed.includes('plate.fits')).length).toBe(2); // the first run and one retry
    t.pool.terminate();
  });

  it('a worker that stops answering (closed or hung) is found by the ping watchdog and replaced', async () => {
    let silenced = false;
    const t = setUp(
      1,
      (m, dir) => {
        if (!silenced && dir === 'in' && m.type === 'analyze' && m.fileId === SINGLES[1].fileId) {
          silenced = true;
          return 'silence';
        }
        return undefined;
      },
      { pingMs: 20, stallMs: 200 },
    );
    await t.pool.ready;
    const done = t.finished(SINGLES.length);
    t.pool.submit(1, SINGLES);
    await done;
    expect(t.failures()).toEqual([]);
    expect(t.rows().map((r) => r.fileName).sort()).toEqual(SINGLES.map((s) => s.fileName).sort());
    expect(t.spawned).toHaveLength(2);
    t.pool.terminate();
  });

  it('an idle worker that stops answering is replaced before it is given work', async () => {
    let silenced = false;
    const t = setUp(
      2,
      (m, dir, worker) => {
        if (worker === 1 && dir === 'in' && m.type === 'ping' && !silenced) {
          silenced = true;
          return 'silence';
        }
        return undefined;
      },
      { pingMs: 20, stallMs: 200 },
    );
    await t.pool.ready;
    await new Promise<void>((resolve) => {
      const check = setInterval(() => t.spawned.length === 3 && (clearInterval(check), resolve()), 10);
    });
    const done = t.finished(SINGLES.length);
    t.pool.submit(1, SINGLES);
    await done;
    expect(t.spawned[1].analyzed).toEqual([]); // the silent one got no file
    expect(t.rows()).toHaveLength(SINGLES.length);
    t.pool.terminate();
  });

  it('a worker busy on a long file is not taken for dead while it answers pings', async () => {
    const t = setUp(1, () => undefined, { pingMs: 5, stallMs: 1000 });
    await t.pool.ready;
    const done = t.finished(SINGLES.length + 1);
    t.pool.submit(1, [PLATE, ...SINGLES]);
    await done;
    expect(t.spawned).toHaveLength(1);
    expect(t.failures()).toEqual([]);
    t.pool.terminate();
  });

  it('gives up after repeated deaths with no progress and fails the queue with the reason', async () => {
    const t = setUp(1, (m, dir) => (dir === 'in' && m.type === 'analyze' ? 'kill' : undefined), { maxRestarts: 2 });
    await t.pool.ready;
    const done = t.finished(SINGLES.length);
    t.pool.submit(1, SINGLES);
    await done;
    expect(t.rows()).toEqual([]);
    expect(t.failures()).toHaveLength(SINGLES.length);
    expect(t.failures().some((f) => /keep stopping/.test(f.error.message))).toBe(true);
    expect(t.spawned).toHaveLength(3);
    t.pool.terminate();
  });
});
