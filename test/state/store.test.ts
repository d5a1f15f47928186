import { beforeAll, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store.ts';
import type { ResultRow } from '../../src/state/types.ts';
import { realRows } from './realRows.ts';

let rows: ResultRow[];
beforeAll(async () => {
  rows = await realRows();
});

describe('app store', () => {
  it('appends rows in order and replaces a row with the same key in place', () => {
    const store = createAppStore();
    store.getState().addRows(rows.slice(0, 5));
    store.getState().addRows(rows.slice(5));
    expect(store.getState().rows.map((r) => r.key)).toEqual(rows.map((r) => r.key));
    const changed = { ...rows[2], chi2Best: 99 };
    store.getState().addRows([changed]);
    expect(store.getState().rows).toHaveLength(rows.length);
    expect(store.getState().rows[2]).toBe(changed);
    store.getState().removeRows((r) => r.row.fileName === rows[0].row.fileName);
    expect(store.getState().rows).toHaveLength(rows.length - 1);
  });

  it('rows stand in drop order (file, then index) whatever order the workers answer in', () => {
    const store = createAppStore();
    const dropped = rows.map((r, i) => ({ ...r, fileId: i + 1 }));
    // Answers arrive shuffled across two batches, as two workers deliver them.
    const shuffled = [...dropped].reverse();
    store.getState().addRows(shuffled.slice(0, 4));
    store.getState().addRows(shuffled.slice(4));
    expect(store.getState().rows.map((r) => r.key)).toEqual(dropped.map((r) => r.key));
  });

  it("a removed file's new rows take the place of its old ones; other new rows are appended", () => {
    const store = createAppStore();
    store.getState().addRows(rows);
    const name = rows[1].row.fileName;
    const before = store.getState().rows.map((r) => r.key);
    store.getState().removeRows((r) => r.row.fileName === name);
    const again = rows.filter((r) => r.row.fileName === name).map((r) => ({ ...r, chi2Best: 1 }));
    store.getState().addRows(again);
    expect(store.getState().rows.map((r) => r.key)).toEqual(before);
    expect(store.getState().rows[1].chi2Best).toBe(1);
    // A file that was last has no row after it: its rows are appended, as before.
    const last = rows[rows.length - 1];
    store.getState().removeRows((r) => r.row.fileName === last.row.fileName);
    store.getState().addRows([last]);
    expect(store.getState().rows.map((r) => r.key)).toEqual(before);
  });

  it('sorting the same column twice flips the direction', () => {
    const store = createAppStore();
    store.getState().sortBy('z');
    expect(store.getState().sort).toEqual({ key: 'z', dir: 'asc' });
    store.getState().sortBy('z');
    expect(store.getState().sort).toEqual({ key: 'z', dir: 'desc' });
    store.getState().sortBy('chi2');
    expect(store.getState().sort).toEqual({ key: 'chi2', dir: 'asc' });
  });

  it('progress: a second drop during a run adds to it; finishing all files stops it; cancel stops it for good', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().queueFiles(2, 100);
    s().queueFiles(1, 150);
    expect(s().progress).toMatchObject({ filesTotal: 3, running: true, startedAt: 100 });
    s().fileOpened(4);
    s().spectraFinished(4, 1, 20);
    s().fileFinished(false, 200);
    s().fileFinished(true, 210);
    expect(s().progress).toMatchObject({ filesDone: 2, errors: 2, filesFailed: 1, workerSpectra: 3, running: true });
    s().fileFinished(false, 220);
    expect(s().progress).toMatchObject({ running: false, finishedAt: 220 });
    s().queueFiles(2, 300);
    expect(s().progress).toMatchObject({ filesTotal: 2, filesDone: 0, errors: 0, startedAt: 300, running: true, workerSpectra: 0 });
    s().stopProgress(310);
    s().fileFinished(false, 320);
    expect(s().progress.running).toBe(false);
  });
});
