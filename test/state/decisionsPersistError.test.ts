/** Storage failures must surface in persistError, never be swallowed. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDecisionsDb } from '../../src/state/decisionsDb.ts';
import { freshIndexedDb, keyOf, newStore, QSO, STAR } from './decisionsFixtures.ts';

beforeEach(freshIndexedDb);
afterEach(() => vi.restoreAllMocks());

/** Make every IndexedDB put fail the way a full disk does. */
const fillDisk = () =>
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });

describe('persistError', () => {
  it('reports a full disk, keeps the change on screen, and retry stores it once space is back', async () => {
    const s = newStore();
    await s.getState().hydrate();
    await s.getState().setDecision(keyOf(STAR), { qop: 6 }, STAR);
    const quota = fillDisk();
    expect(await s.getState().setDecision(keyOf(QSO), { qop: 4 }, QSO)).toBe(false);
    const st = s.getState();
    expect(st.persistError).toMatch(/storage for this site is full/);
    expect(st.persistError).toMatch(/NOT saved/);
    expect(st.persistError).toMatch(/JSON export/);
    expect(st.decisions[keyOf(QSO)]).toMatchObject({ qop: 4 });
    expect(st.pendingWrites).toBe(0);

    // A later successful write does not hide the earlier loss.
    quota.mockRestore();
    await s.getState().setDecision(keyOf(STAR), { comment: 'A0' }, STAR);
    expect(s.getState().persistError).toBeDefined();

    expect(await s.getState().retryPersist()).toBe(true);
    expect(s.getState().persistError).toBeUndefined();
    const reloaded = newStore();
    await reloaded.getState().hydrate();
    expect(reloaded.getState().decisions).toEqual(s.getState().decisions);
  });

  it('reports a full disk when saving the session table', async () => {
    const s = newStore();
    fillDisk();
    expect(await s.getState().saveSessionRows([])).toBe(false);
    expect(s.getState().persistError).toMatch(/session's table is shown here but NOT saved/);
    vi.restoreAllMocks();
    expect(await s.getState().retryPersist()).toBe(true);
    expect(s.getState().persistError).toBeUndefined();
  });

  it('reports other storage errors with their name', async () => {
    const s = newStore();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The transaction was aborted.', 'AbortError');
    });
    expect(await s.getState().setDecision(keyOf(QSO), { qop: 3 }, QSO)).toBe(false);
    expect(s.getState().persistError).toMatch(/AbortError: The transaction was aborted/);
  });

  it('an undo that cannot be stored is reported too', async () => {
    const s = newStore();
    await s.getState().setDecision(keyOf(QSO), { qop: 3 }, QSO);
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await s.getState().undo();
    expect(s.getState().decisions).toEqual({});
    expect(s.getState().persistError).toMatch(/full/);
    const db = await openDecisionsDb();
    expect(await db.getAll()).toHaveLength(1); // the undo is not on disk: the banner says so
    db.close();
  });

  it('without IndexedDB: works in memory and says decisions will not survive', async () => {
    const s = newStore({ openDb: () => Promise.reject(new Error('this browser offers no IndexedDB')) });
    await s.getState().hydrate();
    expect(s.getState().ready).toBe(true);
    expect(s.getState().persistError).toMatch(/could not be opened \(Error: this browser offers no IndexedDB\)/);
    expect(await s.getState().setDecision(keyOf(QSO), { qop: 4 }, QSO)).toBe(false);
    expect(s.getState().decisions[keyOf(QSO)]).toMatchObject({ qop: 4 });
    expect(await s.getState().loadSessionRows()).toEqual([]);
  });

  it('retry re-opens a database that failed to open', async () => {
    let attempts = 0;
    const s = newStore({
      openDb: () => (++attempts === 1 ? Promise.reject(new DOMException('blocked', 'UnknownError')) : openDecisionsDb()),
    });
    expect(await s.getState().setDecision(keyOf(QSO), { qop: 4 }, QSO)).toBe(false);
    expect(await s.getState().retryPersist()).toBe(true);
    expect(attempts).toBe(2);
    const db = await openDecisionsDb();
    expect(await db.getAll()).toEqual([s.getState().decisions[keyOf(QSO)]]);
    db.close();
  });
});
