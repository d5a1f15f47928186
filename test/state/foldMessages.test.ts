/** Worker messages of real analyses folded into the store: rows, file status, progress, cancelled jobs. */
import { describe, expect, it } from 'vitest';
import { createFamilyLedger } from '../../src/state/familyLedger.ts';
import { foldMessages } from '../../src/state/foldMessages.ts';
import { createAppStore } from '../../src/state/store.ts';
import type { WorkerResponse } from '../../src/worker/protocol.ts';
import { fixtureBlob, nodeEngine } from '../worker/nodeEngine.ts';

type Msg = Extract<WorkerResponse, { jobId: number }>;

async function messages(jobId: number, fileId: number, path: string, name: string): Promise<Msg[]> {
  const out: Msg[] = [];
  const engine = await nodeEngine();
  await engine.analyzeFile({ jobId, fileId, file: fixtureBlob(path), fileName: name }, (m) => out.push(m as Msg), () => false);
  return out;
}

function setUp() {
  const store = createAppStore();
  const ledger = createFamilyLedger();
  const cancelledJobs = new Set<number>();
  return { store, ledger, cancelledJobs, ctx: { store, ledger, cancelledJobs, now: () => 100 } };
}

describe('foldMessages', () => {
  it('a plate and a file no adapter reads: three rows and a file-level error row, every file done, progress counted', async () => {
    const { store, ledger, ctx } = setUp();
    store.getState().addFiles([
      { fileId: 1, name: 'plate.fits', status: 'queued' },
      { fileId: 2, name: 'odd.fits', status: 'queued' },
    ]);
    store.getState().queueFiles(2, 0);
    ledger.submitted(1, [1, 2], ['encoder']);
    const plate = await messages(1, 1, 'formats/sdss_spPlate.fits', 'plate.fits');
    const odd = await messages(1, 2, 'formats/unknown_layout.fits', 'odd.fits');
    expect(foldMessages(ctx, plate)).toBe(false); // the other file still runs
    expect(foldMessages(ctx, odd)).toBe(true);
    const s = store.getState();
    expect(s.rows.map((r) => [r.row.fileName, r.row.index, r.row.cls ?? 'error'])).toEqual([
      ['plate.fits', 0, 'STAR'],
      ['plate.fits', 1, 'GALAXY'],
      ['plate.fits', 2, 'QSO'],
      ['odd.fits', 0, 'error'],
    ]);
    expect(s.rows[3].fileLevel).toBe(true);
    expect(s.files[1].status).toBe('done');
    expect(s.files[2].status).toBe('error');
    expect(s.progress).toMatchObject({ filesDone: 2, filesOpened: 1, filesFailed: 1, spectraDone: 3, errors: 1, running: false });
  });

  it("a cancelled job's late rows are shown but not counted", async () => {
    const { store, ledger, cancelledJobs, ctx } = setUp();
    store.getState().addFiles([{ fileId: 1, name: 'plate.fits', status: 'queued' }]);
    store.getState().queueFiles(1, 0);
    ledger.submitted(7, [1], ['encoder']);
    cancelledJobs.add(7);
    foldMessages(ctx, await messages(7, 1, 'formats/sdss_spPlate.fits', 'plate.fits'));
    expect(store.getState().rows).toHaveLength(3);
    expect(store.getState().progress.spectraDone).toBe(0);
  });
});
