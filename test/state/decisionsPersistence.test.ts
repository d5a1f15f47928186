/** Decisions and the session table in a fake IndexedDB: written, read back, failures kept for Retry. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyPatch } from '../../src/core/export/decision.ts';
import { openDecisionsDb } from '../../src/state/decisionsDb.ts';
import { createDecisionsPersistence } from '../../src/state/decisionsPersistence.ts';
import { ROWS } from '../core/export/sampleRows.ts';
import { freshIndexedDb, keyOf, QSO, STAR, tickingClock } from './decisionsFixtures.ts';

beforeEach(freshIndexedDb);
afterEach(() => vi.restoreAllMocks());

const decision = (ident: typeof QSO, qop: 1 | 2 | 3 | 4 | 6) => applyPatch(undefined, { qop }, ident, Date.UTC(2025, 0, 1))!;

describe('decisions persistence', () => {
  it('writes and removes decisions, and keeps the session table for the next visit', async () => {
    const errors: string[] = [];
    const p = createDecisionsPersistence(() => openDecisionsDb(), tickingClock(), (m) => errors.push(m));
    expect(await p.write([decision(QSO, 4), decision(STAR, 6)], [])).toBe(true);
    expect(await p.write([], [keyOf(STAR)])).toBe(true);
    expect(((await p.readAll()) as { key: string }[]).map((d) => d.key)).toEqual([keyOf(QSO)]);
    expect(await p.loadSession()).toEqual([]);
    expect(await p.saveSession(ROWS)).toBe(true);
    const next = createDecisionsPersistence(() => openDecisionsDb(), tickingClock(), (m) => errors.push(m));
    expect(await next.loadSession()).toEqual(ROWS);
    expect(errors).toEqual([]);
  });

  it('a failed write is reported and retried with the decision as it is now (or its removal)', async () => {
    const errors: string[] = [];
    const p = createDecisionsPersistence(() => openDecisionsDb(), tickingClock(), (m) => errors.push(m));
    const quota = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await p.write([decision(QSO, 4), decision(STAR, 6)], [])).toBe(false);
    expect(await p.saveSession(ROWS)).toBe(false);
    expect(errors).toHaveLength(2);
    quota.mockRestore();
    // By now QSO was changed to 3 and STAR cleared.
    expect(await p.retry({ [keyOf(QSO)]: decision(QSO, 3) })).toBe(true);
    expect(await p.readAll()).toMatchObject([{ key: keyOf(QSO), qop: 3 }]);
    expect(await p.loadSession()).toEqual(ROWS);
  });

  it('a database that cannot be opened is reported, and opened again on the next try', async () => {
    const errors: string[] = [];
    let attempts = 0;
    const p = createDecisionsPersistence(
      () => (++attempts === 1 ? Promise.reject(new DOMException('blocked', 'UnknownError')) : openDecisionsDb()),
      tickingClock(),
      (m) => errors.push(m),
    );
    expect(await p.write([decision(QSO, 4)], [])).toBe(false);
    expect(errors).toHaveLength(1);
    expect(await p.retry({ [keyOf(QSO)]: decision(QSO, 4) })).toBe(true);
    expect(attempts).toBe(2);
  });
});
