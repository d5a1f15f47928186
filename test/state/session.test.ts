import { describe, expect, it } from 'vitest';
import type { SpectrumResult } from '../../src/core/result/spectrumResult.ts';
import { createSession, type SessionDeps } from '../../src/state/session.ts';
import { createAppStore, type AppStore } from '../../src/state/store.ts';
import type { BackendProbe } from '../../src/platform/backend.ts';
import { createWorkerPool } from '../../src/worker/pool.ts';
import { fakeWorker } from '../worker/fakeWorker.ts';
import { FIXTURES, sdssTruth } from '../worker/nodeEngine.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rowClass } from '../../src/state/selectors.ts';

const PROBE: BackendProbe = { gpu: 'software', gpuLabel: 'google / swiftshader', crossOriginIsolated: false, cores: 2 };
const FILES = ['spec-0375-52140-0356.fits', 'spec-0504-52316-0040.fits', 'spec-0521-52326-0167.fits'];
const truth = sdssTruth();

const file = (path: string, name: string) => new File([readFileSync(join(FIXTURES, path))], name);

function setUp(extra: Partial<SessionDeps> = {}) {
  const store = createAppStore();
  let clock = 0;
  const session = createSession({
    store,
    probe: async () => PROBE,
    createPool: (plan, onMessage) =>
      createWorkerPool(plan.workers, { backend: plan.backend, threads: plan.threads, baseUrl: 'http://localhost/', family: 'encoder', batchSize: 8 }, fakeWorker, onMessage),
    scheduleFlush: (cb) => setTimeout(cb, 0),
    now: () => (clock += 5),
    ...extra,
  });
  return { store, session };
}

const until = (store: AppStore, what: (s: ReturnType<AppStore['getState']>) => boolean) =>
  new Promise<void>((resolve) => {
    if (what(store.getState())) return resolve();
    const off = store.subscribe((s) => {
      if (what(s)) {
        off();
        resolve();
      }
    });
  });

describe('analysis session', () => {
  it('plans WASM on a software adapter and reports the workers ready', async () => {
    const { store, session } = setUp();
    await session.start();
    const b = store.getState().backend;
    expect(b.status).toBe('ready');
    expect(b.plan).toMatchObject({ backend: 'wasm', workers: 2, threads: 1 });
    expect(b.active).toMatchObject({ backend: 'wasm', workers: 2 });
    session.dispose();
  });

  it('starts the workers once when the page starts them before restoring the table', async () => {
    let pools = 0;
    const { store, session } = setUp({
      createPool: (plan, onMessage) => {
        pools++;
        return createWorkerPool(plan.workers, { backend: plan.backend, threads: plan.threads, baseUrl: 'http://localhost/', family: 'encoder', batchSize: 8 }, fakeWorker, onMessage);
      },
      loadRows: async () => [],
    });
    const early = session.startWorkers();
    await session.start();
    await early;
    expect(pools).toBe(1);
    expect(store.getState().backend.status).toBe('ready');
    session.dispose();
  });

  it('analyses dropped files into rows and counts progress; errors become rows', async () => {
    const { store, session } = setUp();
    void session.start();
    session.addFiles([...FILES.map((f) => file(`sdss/${f}`, f)), file('formats/unknown_layout.fits', 'odd.fits')]);
    expect(store.getState().progress).toMatchObject({ running: true, filesTotal: 4 });
    await until(store, (s) => !s.progress.running);
    const { rows, progress, files } = store.getState();
    expect(rows).toHaveLength(4);
    for (const f of FILES) expect(rowClass(rows.find((r) => r.row.fileName === f)!)).toBe(truth.get(f)!.cls);
    const bad = rows.find((r) => r.row.fileName === 'odd.fits')!;
    expect(rowClass(bad)).toBe('error');
    expect(bad.fileLevel).toBe(true);
    expect(bad.row.error).toMatch(/^no-matching-format: /);
    expect(progress).toMatchObject({ filesDone: 4, filesOpened: 3, filesFailed: 1, spectraKnown: 3, spectraDone: 3, errors: 1, workerSpectra: 3 });
    expect(progress.workerMs).toBeGreaterThan(0);
    expect(Object.values(files).map((f) => f.status).sort()).toEqual(['done', 'done', 'done', 'error']);
    session.dispose();
  });

  it('opens a row: selection and the full detail of that spectrum', async () => {
    const { store, session } = setUp();
    await session.start();
    session.addFiles(FILES.map((f) => file(`sdss/${f}`, f)));
    await until(store, (s) => !s.progress.running);
    const row = store.getState().rows.find((r) => r.row.fileName === FILES[1])!;
    session.open(row.key);
    expect(store.getState().selectedKey).toBe(row.key);
    await until(store, (s) => s.detail.status === 'ready');
    const d = store.getState().detail;
    if (d.status !== 'ready') throw new Error(d.status);
    expect(d.key).toBe(row.key);
    expect(d.detail.result.z).toBe(row.row.z);
    expect(d.detail.fileName).toBe(FILES[1]);
    session.open(undefined);
    expect(store.getState().detail).toEqual({ status: 'none' });
    session.dispose();
  });

  it('restores the last session table, replaces it when the same file is dropped again, and saves the new table', async () => {
    const saved: SpectrumResult[][] = [];
    const first = setUp({ saveRows: async (r) => void saved.push(r) });
    await first.session.start();
    first.session.addFiles([file(`sdss/${FILES[0]}`, FILES[0])]);
    await until(first.store, (s) => !s.progress.running);
    await until(first.store, () => saved.length > 0);
    expect(saved.at(-1)!.map((r) => r.fileName)).toEqual([FILES[0]]);
    first.session.dispose();

    const second = setUp({ loadRows: async () => saved.at(-1)! });
    await second.session.start();
    const restored = second.store.getState().rows;
    expect(restored).toHaveLength(1);
    expect(restored[0].fileId).toBeUndefined();
    second.session.open(restored[0].key);
    expect(second.store.getState().detail).toMatchObject({ status: 'error', message: expect.stringMatching(/drop the file again/) });
    second.session.addFiles([file(`sdss/${FILES[0]}`, FILES[0])]);
    await until(second.store, (s) => !s.progress.running);
    const again = second.store.getState().rows;
    expect(again).toHaveLength(1);
    expect(again[0].fileId).toBeDefined();
    expect(again[0].row.z).toBe(restored[0].row.z);
    second.session.dispose();
  });

  it('a file dropped again keeps its rows where they were (the table does not reorder)', async () => {
    const { store, session } = setUp();
    await session.start();
    session.addFiles(FILES.map((f) => file(`sdss/${f}`, f)));
    await until(store, (s) => !s.progress.running);
    const order = store.getState().rows.map((r) => r.row.fileName);
    expect(order).toHaveLength(3);
    // The first row's file: appended at the end it would move from first to last.
    session.addFiles([file(`sdss/${order[0]}`, order[0])]);
    await until(store, (s) => !s.progress.running && s.rows.length === 3);
    expect(store.getState().rows.map((r) => r.row.fileName)).toEqual(order);
    session.dispose();
  });

  it('cancel stops the run: queued files end as cancelled and progress stops', async () => {
    const { store, session } = setUp();
    await session.start();
    const many = [...FILES, 'spec-0559-52316-0121.fits', 'spec-0564-52224-0581.fits', 'spec-0783-52325-0322.fits'];
    session.addFiles(many.map((f) => file(`sdss/${f}`, f)));
    session.cancel();
    expect(store.getState().progress.running).toBe(false);
    await until(store, (s) => Object.values(s.files).every((f) => f.status !== 'queued' && f.status !== 'running'));
    const statuses = Object.values(store.getState().files).map((f) => f.status);
    expect(statuses.filter((s) => s === 'cancelled').length).toBeGreaterThanOrEqual(many.length - 4);
    expect(store.getState().rows.length).toBeLessThan(many.length);
    session.dispose();
  });

  it('files still in flight when cancelled do not count in the next run', async () => {
    const { store, session } = setUp();
    await session.start();
    const many = [...FILES, 'spec-0559-52316-0121.fits', 'spec-0564-52224-0581.fits', 'spec-0783-52325-0322.fits'];
    session.addFiles(many.map((f) => file(`sdss/${f}`, f)));
    session.cancel();
    session.addFiles([file('formats/sdss_spPlate.fits', 'plate.fits')]);
    await until(store, (s) => Object.values(s.files).every((f) => f.status !== 'queued' && f.status !== 'running'));
    await until(store, (s) => !s.progress.running);
    expect(store.getState().progress).toMatchObject({ filesTotal: 1, filesDone: 1, spectraKnown: 3, spectraDone: 3, errors: 0 });
    expect(store.getState().rows.filter((r) => r.row.fileName === 'plate.fits')).toHaveLength(3);
    session.dispose();
  });
});

describe('analysis session: the model switch', () => {
  it('UNet analyses only what is missing, Both needs nothing new, and every switch keeps the rows and their keys', async () => {
    const saved: SpectrumResult[][] = [];
    const { store, session } = setUp({ saveRows: async (r) => void saved.push(r) });
    await session.start();
    session.addFiles(FILES.map((f) => file(`sdss/${f}`, f)));
    await until(store, (s) => !s.progress.running);
    const encoderRows = new Map(store.getState().rows.map((r) => [r.key, r.row]));
    expect([...encoderRows.values()].every((r) => r.family === 'encoder')).toBe(true);

    session.setModelChoice('unet');
    expect(store.getState().progress).toMatchObject({ running: true, filesTotal: FILES.length, spectraDone: 0 });
    // Until the UNet answers arrive, rows keep showing the encoder's.
    expect(store.getState().rows.every((r) => r.row.family === 'encoder')).toBe(true);
    await until(store, (s) => !s.progress.running);
    const s1 = store.getState();
    expect(s1.progress).toMatchObject({ spectraDone: FILES.length, errors: 0 });
    expect(s1.rows.map((r) => r.key).sort()).toEqual([...encoderRows.keys()].sort());
    for (const r of s1.rows) {
      expect(r.row.family).toBe('unet');
      expect(r.row.cls).toBe(truth.get(r.row.fileName)!.cls);
      expect(r.answers.encoder).toBe(encoderRows.get(r.key));
      expect(typeof r.disagree).toBe('boolean');
    }

    session.setModelChoice('both');
    expect(store.getState().progress.running).toBe(false);
    for (const r of store.getState().rows) {
      expect(r.row).toBe(encoderRows.get(r.key));
      expect(r.answers.unet?.family).toBe('unet');
    }
    await until(store, () => saved.length > 0);
    expect(saved.at(-1)!.map((r) => r.family).sort()).toEqual([...FILES.map(() => 'encoder'), ...FILES.map(() => 'unet')]);

    // Both: the open spectrum carries the UNet's analysis for the compare view.
    const key = store.getState().rows[0].key;
    session.open(key);
    await until(store, (s) => s.detail.status === 'ready');
    let d = store.getState().detail;
    if (d.status !== 'ready') throw new Error(d.status);
    expect(d.detail.result.family).toBe('encoder');
    expect(d.detail.compare?.family).toBe('unet');
    expect(d.detail.compare?.z).toBe(store.getState().rows[0].answers.unet!.z);

    // Back to the encoder: no new run, the detail is fetched again without the UNet.
    session.setModelChoice('encoder');
    expect(store.getState().progress.running).toBe(false);
    expect(store.getState().rows.every((r) => r.row === encoderRows.get(r.key))).toBe(true);
    await until(store, (s) => s.detail.status === 'ready' && s.detail.detail.compare === undefined);
    d = store.getState().detail;
    if (d.status !== 'ready') throw new Error(d.status);
    expect(d.detail.result.z).toBe(encoderRows.get(key)!.z);
    session.dispose();
  });

  it('files dropped while Both is on are analysed by both families at once, counted once', async () => {
    const { store, session } = setUp();
    await session.start();
    session.setModelChoice('both');
    session.addFiles([file('formats/sdss_spPlate.fits', 'plate.fits')]);
    await until(store, (s) => !s.progress.running);
    const { rows, progress } = store.getState();
    expect(rows).toHaveLength(3);
    expect(progress).toMatchObject({ spectraKnown: 3, spectraDone: 3, errors: 0 });
    expect(rows.map((r) => [r.row.cls, r.answers.unet?.cls])).toEqual([
      ['STAR', 'STAR'],
      ['GALAXY', 'GALAXY'],
      ['QSO', 'QSO'],
    ]);
    session.dispose();
  });
});

describe('frame override', () => {
  it('re-analyses a file with the user’s frame choice: rows replaced, z moved by air→vacuum', async () => {
    const choice: { override?: { medium?: 'air' | 'vacuum' } } = {};
    const { store, session } = setUp({ overrideFor: (name) => (name === 'marz.fits' ? choice.override : undefined) });
    await session.start();
    // A Marz AAOmega file whose header says VACUUM = T (test/fixtures/external).
    session.addFiles([file('external/marz/emlLogVacuumNoHelio.fits', 'marz.fits')]);
    await until(store, (s) => !s.progress.running && s.rows.length === 1);
    const before = store.getState().rows[0].row;
    expect(before.frame?.medium).toBe('vacuum');
    choice.override = { medium: 'air' };
    session.reanalyse('marz.fits');
    await until(store, (s) => !s.progress.running && s.rows.length === 1 && s.rows[0].row.frame?.mediumFrom === 'user');
    const after = store.getState().rows[0].row;
    expect(after.frame).toMatchObject({ medium: 'air', mediumFrom: 'user' });
    // Read as air, the wavelengths move by ≈ +2.8e-4 when converted to vacuum, and z with them.
    const dz = (after.zObs! - before.zObs!) / (1 + before.zObs!);
    expect(dz).toBeGreaterThan(2.5e-4);
    expect(dz).toBeLessThan(3.1e-4);
    session.reanalyse('not-in-this-session.fits'); // nothing to do, no throw
    session.dispose();
  });
});
