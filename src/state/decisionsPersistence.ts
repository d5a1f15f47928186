/**
 * Where the decisions store's data go: IndexedDB, opened on first use (and
 * again after a failed open), with every failure remembered so Retry can
 * write it again — decisions by key, and the session's table for the next
 * visit. Failures are reported through `onError` with a message for people.
 */
import type { Decision } from '../core/export/types.ts';
import type { SpectrumResult } from '../core/result/spectrumResult.ts';
import type { DecisionsDb } from './decisionsDb.ts';
import { persistErrorMessage } from './decisionsErrors.ts';

export interface DecisionsPersistence {
  /** Store these decisions and remove `removed`; true once committed. */
  write(kept: readonly Decision[], removed: readonly string[]): Promise<boolean>;
  /** Stored decisions, unchecked (the store validates them). */
  readAll(): Promise<unknown[]>;
  /** Keep the session's table for the next visit; true once committed. */
  saveSession(rows: readonly SpectrumResult[]): Promise<boolean>;
  /** The table saved by the last session, or [] when there is none (or it cannot be read). */
  loadSession(): Promise<SpectrumResult[]>;
  /**
   * Write again whatever failed: the decisions of the failed keys, as `current`
   * holds them now, and the session table. True when nothing failed is left.
   */
  retry(current: Readonly<Record<string, Decision>>): Promise<boolean>;
}

export function createDecisionsPersistence(openDb: () => Promise<DecisionsDb>, now: () => number, onError: (message: string) => void): DecisionsPersistence {
  const failedKeys = new Set<string>();
  let failedSession: readonly SpectrumResult[] | undefined;
  let dbPromise: Promise<DecisionsDb> | undefined;
  let dbFailed = false;

  function db(): Promise<DecisionsDb> {
    if (!dbPromise || dbFailed) {
      dbFailed = false;
      dbPromise = openDb();
      dbPromise.catch(() => (dbFailed = true));
    }
    return dbPromise;
  }

  async function write(kept: readonly Decision[], removed: readonly string[]): Promise<boolean> {
    const keys = [...kept.map((d) => d.key), ...removed];
    let opened = false;
    try {
      const d = await db();
      opened = true;
      await d.write([...kept], [...removed]);
      for (const k of keys) failedKeys.delete(k);
      return true;
    } catch (e) {
      for (const k of keys) failedKeys.add(k);
      onError(persistErrorMessage(opened ? 'decision' : 'open', e));
      return false;
    }
  }

  async function saveSession(rows: readonly SpectrumResult[]): Promise<boolean> {
    let opened = false;
    try {
      const d = await db();
      opened = true;
      await d.saveSession({ rows: [...rows], savedAt: now() });
      failedSession = undefined;
      return true;
    } catch (e) {
      failedSession = rows;
      onError(persistErrorMessage(opened ? 'session' : 'open', e));
      return false;
    }
  }

  return {
    write,
    saveSession,
    async readAll() {
      return (await db()).getAll();
    },
    async loadSession() {
      try {
        const saved = await (await db()).loadSession();
        return saved && Array.isArray(saved.rows) ? saved.rows : [];
      } catch (e) {
        onError(persistErrorMessage('open', e));
        return [];
      }
    },
    async retry(current) {
      const keys = [...failedKeys];
      const okDecisions =
        keys.length === 0 ||
        (await write(
          keys.flatMap((k) => (current[k] ? [current[k]] : [])),
          keys.filter((k) => !current[k]),
        ));
      const okSession = failedSession === undefined || (await saveSession(failedSession));
      return okDecisions && okSession && failedKeys.size === 0 && failedSession === undefined;
    },
  };
}
