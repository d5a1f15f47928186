import { beforeEach, describe, expect, it } from 'vitest';
import { openDecisionsDb } from '../../src/state/decisionsDb.ts';
import { freshIndexedDb, GALAXY, keyOf, newStore, QSO, STAR } from './decisionsFixtures.ts';

beforeEach(freshIndexedDb);

const storedDecisions = async () => {
  const db = await openDecisionsDb();
  try {
    return await db.getAll();
  } finally {
    db.close();
  }
};

describe('decisions store: set, clear, undo', () => {
  it('shows a change at once and stores it before the promise resolves', async () => {
    const store = newStore();
    const saved = store.getState().setDecision(keyOf(QSO), { qop: 4 }, QSO);
    expect(store.getState().decisions[keyOf(QSO)]).toMatchObject({ qop: 4 });
    expect(store.getState().pendingWrites).toBe(1);
    expect(await saved).toBe(true);
    expect(store.getState().pendingWrites).toBe(0);
    expect(await storedDecisions()).toEqual([store.getState().decisions[keyOf(QSO)]]);
  });

  it('resolves only after the IndexedDB transaction has committed', async () => {
    const committed: string[] = [];
    const store = newStore({
      openDb: async () => {
        const db = await openDecisionsDb();
        return {
          ...db,
          write: (put, remove) => db.write(put, remove).then(() => void committed.push(...put.map((d) => d.key))),
        };
      },
    });
    const saved = store.getState().setDecision(keyOf(QSO), { qop: 4 }, QSO);
    expect(committed).toEqual([]);
    await saved;
    expect(committed).toEqual([keyOf(QSO)]);
  });

  it('merges patches, removes a decision that becomes empty, and clears', async () => {
    const s = newStore();
    const k = keyOf(STAR);
    await s.getState().setDecision(k, { qop: 6, z: -0.0007, cls: 'STAR' }, STAR);
    await s.getState().setDecision(k, { z: undefined, cls: undefined }, STAR);
    expect(s.getState().decisions[k]).toMatchObject({ qop: 6 });
    expect(s.getState().decisions[k].z).toBeUndefined();
    await s.getState().setDecision(k, { qop: undefined }, STAR);
    expect(s.getState().decisions[k]).toBeUndefined();
    await s.getState().setDecision(k, { comment: 'A0 star' }, STAR);
    await s.getState().clearDecision(k);
    expect(s.getState().decisions).toEqual({});
    expect(await storedDecisions()).toEqual([]);
  });

  it('undoes many steps across spectra, in reverse order, and stores each undo', async () => {
    const s = newStore();
    const st = () => s.getState();
    await st().setDecision(keyOf(QSO), { qop: 3 }, QSO);
    await st().setDecision(keyOf(STAR), { qop: 6 }, STAR);
    await st().setDecision(keyOf(QSO), { qop: 4, z: 2.18 }, QSO);
    await st().clearDecision(keyOf(STAR));
    expect(st().undoDepth).toBe(4);
    expect(await st().undo()).toBe(true);
    expect(st().decisions[keyOf(STAR)]).toMatchObject({ qop: 6 });
    expect(await st().undo()).toBe(true);
    expect(st().decisions[keyOf(QSO)]).toMatchObject({ qop: 3 });
    expect(st().decisions[keyOf(QSO)].z).toBeUndefined();
    await st().undo();
    await st().undo();
    expect(st().decisions).toEqual({});
    expect(await st().undo()).toBe(false);
    expect(st().undoDepth).toBe(0);
    expect(await storedDecisions()).toEqual([]);
  });

  it('takes back a comment typed key by key in one undo', async () => {
    const s = newStore();
    const k = keyOf(GALAXY);
    await s.getState().setDecision(k, { qop: 4 }, GALAXY);
    for (const text of ['H', 'Hα', 'Hα ok']) await s.getState().setDecision(k, { comment: text }, GALAXY);
    expect(s.getState().undoDepth).toBe(2);
    await s.getState().undo();
    expect(s.getState().decisions[k]).toMatchObject({ qop: 4 });
    expect(s.getState().decisions[k].comment).toBeUndefined();
  });

  it('ignores a change that changes nothing (no undo step, no write)', async () => {
    const s = newStore();
    await s.getState().setDecision(keyOf(QSO), { qop: 4 }, QSO);
    const before = s.getState().decisions[keyOf(QSO)];
    await s.getState().setDecision(keyOf(QSO), { qop: 4 }, QSO);
    expect(s.getState().decisions[keyOf(QSO)]).toBe(before);
    expect(s.getState().undoDepth).toBe(1);
  });

  it('refuses a key that is not the spectrum’s (programmer error)', () => {
    expect(() => newStore().getState().setDecision(keyOf(QSO), { qop: 4 }, STAR)).toThrow(RangeError);
  });
});

describe('decisions store: reload', () => {
  it('a new store on the same database hydrates to the same decisions', async () => {
    const a = newStore();
    await a.getState().setDecision(keyOf(QSO), { qop: 4, comment: 'C IV, Mg II' }, QSO);
    await a.getState().setDecision(keyOf(STAR), { qop: 6, z: -0.0007, cls: 'STAR' }, STAR);
    await a.getState().setDecision(keyOf(GALAXY), { qop: 2 }, GALAXY);
    await a.getState().clearDecision(keyOf(GALAXY));

    const b = newStore();
    expect(b.getState().ready).toBe(false);
    await b.getState().hydrate();
    expect(b.getState().ready).toBe(true);
    expect(b.getState().persistError).toBeUndefined();
    expect(b.getState().decisions).toEqual(a.getState().decisions);
  });

  it('keeps the last of quick changes that were not awaited one by one', async () => {
    const a = newStore();
    const st = a.getState();
    void st.setDecision(keyOf(QSO), { qop: 1 }, QSO);
    void a.getState().setDecision(keyOf(QSO), { qop: 2 }, QSO);
    void a.getState().setDecision(keyOf(STAR), { qop: 6 }, STAR);
    await a.getState().setDecision(keyOf(QSO), { qop: 3 }, QSO);
    const b = newStore();
    await b.getState().hydrate();
    expect(b.getState().decisions).toEqual(a.getState().decisions);
    expect(b.getState().decisions[keyOf(QSO)].qop).toBe(3);
  });

  it('shares one hydrate between callers', async () => {
    const s = newStore();
    expect(s.getState().hydrate()).toBe(s.getState().hydrate());
  });

  it('skips stored records that are not decisions', async () => {
    const a = newStore();
    await a.getState().setDecision(keyOf(QSO), { qop: 4 }, QSO);
    const db = await openDecisionsDb();
    await db.write([{ key: 'junk', fileName: 'x', index: -3, spectrumId: 'y', qop: 4, updatedAt: 1 }], []);
    db.close();
    const b = newStore();
    await b.getState().hydrate();
    expect(Object.keys(b.getState().decisions)).toEqual([keyOf(QSO)]);
  });

  it('keeps the last session’s table for the next visit', async () => {
    const { ROWS } = await import('../core/export/sampleRows.ts');
    const a = newStore();
    expect(await a.getState().loadSessionRows()).toEqual([]);
    expect(await a.getState().saveSessionRows(ROWS)).toBe(true);
    const b = newStore();
    expect(await b.getState().loadSessionRows()).toEqual(ROWS);
  });
});

describe('decisions store: import', () => {
  it('restores decisions, the newer updatedAt winning, as one undo step, stored', async () => {
    const s = newStore();
    await s.getState().setDecision(keyOf(QSO), { qop: 4 }, QSO); // updatedAt 2025-01-01T00:00:01Z
    const held = s.getState().decisions[keyOf(QSO)];
    const summary = await s.getState().importDecisions([
      { ...held, qop: 1, updatedAt: held.updatedAt - 1 }, // older: local kept
      { key: keyOf(STAR), ...STAR, qop: 6, updatedAt: 5 }, // new key
      { key: keyOf(GALAXY), ...GALAXY, qop: 3, updatedAt: 7 },
    ]);
    expect(summary).toEqual({ restored: 2, keptLocal: 1, alreadyThere: 0, duplicates: 0 });
    expect(s.getState().decisions[keyOf(QSO)].qop).toBe(4);
    expect(s.getState().decisions[keyOf(STAR)]).toMatchObject({ qop: 6, updatedAt: 5 });

    const reloaded = newStore();
    await reloaded.getState().hydrate();
    expect(reloaded.getState().decisions).toEqual(s.getState().decisions);

    await s.getState().undo();
    expect(Object.keys(s.getState().decisions)).toEqual([keyOf(QSO)]);
  });

  it('a newer import replaces the held decision', async () => {
    const s = newStore();
    await s.getState().setDecision(keyOf(QSO), { qop: 4 }, QSO);
    const held = s.getState().decisions[keyOf(QSO)];
    await s.getState().importDecisions([{ ...held, qop: 2, comment: 'reviewed again', updatedAt: held.updatedAt + 1 }]);
    expect(s.getState().decisions[keyOf(QSO)]).toMatchObject({ qop: 2, comment: 'reviewed again' });
  });
});
