/** The open spectrum's detail through a pool of in-process workers, from real fixture files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDetailLoader, detailMatches } from '../../src/state/detailLoader.ts';
import { rowFromFailure, rowFromSaved } from '../../src/state/rows.ts';
import { createAppStore, type AppStore } from '../../src/state/store.ts';
import { createWorkerPool } from '../../src/worker/pool.ts';
import { fakeWorker } from '../worker/fakeWorker.ts';
import { FIXTURES, fixtureBlob, nodeEngine } from '../worker/nodeEngine.ts';
import { rowFromResult } from '../../src/state/rows.ts';

const FILE = 'spec-0375-52140-0356.fits';

const settled = (store: AppStore) =>
  new Promise<void>((resolve) => {
    const off = store.subscribe((s) => {
      if (s.detail.status === 'ready' || s.detail.status === 'error') {
        off();
        resolve();
      }
    });
  });

describe('detail loader', () => {
  it('loads the selected row, says why a failed or restored row has no plots, and knows when a detail is current', async () => {
    const store = createAppStore();
    const engine = await nodeEngine();
    const rows: ReturnType<typeof rowFromResult>[] = [];
    await engine.analyzeFile({ jobId: 1, fileId: 1, file: fixtureBlob(`sdss/${FILE}`), fileName: FILE }, (m) => {
      if (m.type === 'results') rows.push(...m.rows.map((r) => rowFromResult(m.fileId, r)));
    }, () => false);
    const failed = rowFromFailure({ fileId: 2, fileName: 'odd.fits', index: undefined, error: { code: 'no-matching-format', message: 'no adapter' } }, 'encoder');
    const restored = rowFromSaved({ ...rows[0].row, fileName: 'old.fits' });
    store.getState().addAnswers([...rows, failed, restored]);
    const pool = createWorkerPool(1, { backend: 'wasm', threads: 1, baseUrl: 'http://localhost/', family: 'encoder', batchSize: 8 }, fakeWorker, () => undefined);
    const blob = new File([readFileSync(join(FIXTURES, 'sdss', FILE))], FILE);
    const request = createDetailLoader(store, () => pool, (id) => (id === 1 ? blob : undefined));

    store.getState().select(rows[0].key);
    const ready = settled(store);
    request();
    expect(store.getState().detail.status).toBe('loading');
    await ready;
    const d = store.getState().detail;
    if (d.status !== 'ready') throw new Error(`detail ${d.status}`);
    expect(d.detail.result.z).toBe(rows[0].row.z);
    expect(detailMatches(d.detail, ['encoder'])).toBe(true);
    expect(detailMatches(d.detail, ['unet'])).toBe(false);
    expect(detailMatches(d.detail, ['encoder', 'unet'])).toBe(false);

    store.getState().select(failed.key);
    request();
    expect(store.getState().detail).toEqual({ status: 'error', key: failed.key, message: 'no-matching-format: no adapter' });
    store.getState().select(restored.key);
    request();
    expect(store.getState().detail).toMatchObject({ status: 'error', message: expect.stringMatching(/drop the file again/) });
    store.getState().select(undefined);
    request();
    expect(store.getState().detail).toEqual({ status: 'none' });
    pool.terminate();
  });
});
