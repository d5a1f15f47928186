/**
 * IndexedDB persistence of decisions and of the last session's table
 * (database 'gasnet-explorer'): store 'decisions' keyed by `key`, store
 * 'session' holding the table under 'last'. Every write is one
 * transaction with durability 'strict', committed explicitly as soon as its
 * requests are issued (so a reload right after cannot abort it), and on disk
 * before its promise resolves; failures (quota, a closed connection) reject.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import type { Decision } from '../core/export/types.ts';
import type { SpectrumResult } from '../core/result/spectrumResult.ts';

export const DB_NAME = 'gasnet-explorer';
export const DB_VERSION = 1;
const SESSION_KEY = 'last';

export interface SavedSession {
  rows: SpectrumResult[];
  /** ms since 1970. */
  savedAt: number;
}

interface Schema extends DBSchema {
  decisions: { key: string; value: Decision };
  session: { key: string; value: SavedSession };
}
type DecisionsStore = IDBPObjectStore<Schema, ['decisions'], 'decisions', 'readwrite'>;
type SessionStore = IDBPObjectStore<Schema, ['session'], 'session', 'readwrite'>;

/** What the decisions store needs from storage (a fake in tests may implement it too). */
export interface DecisionsDb {
  /** Every stored decision, unvalidated (it may come from an older app). */
  getAll(): Promise<unknown[]>;
  /** Put and delete in one transaction: all or nothing. */
  write(put: readonly Decision[], remove: readonly string[]): Promise<void>;
  saveSession(session: SavedSession): Promise<void>;
  loadSession(): Promise<SavedSession | undefined>;
  close(): void;
}

/** Open (creating or upgrading) the database through the global `indexedDB`. */
export async function openDecisionsDb(name: string = DB_NAME): Promise<DecisionsDb> {
  if (typeof indexedDB === 'undefined') throw new Error('this browser offers no IndexedDB');
  const db: IDBPDatabase<Schema> = await openDB<Schema>(name, DB_VERSION, {
    upgrade(d) {
      if (!d.objectStoreNames.contains('decisions')) d.createObjectStore('decisions', { keyPath: 'key' });
      if (!d.objectStoreNames.contains('session')) d.createObjectStore('session');
    },
    // Another tab wants a newer schema: let it, rather than block it forever.
    blocking() {
      db?.close();
    },
  });
  const open = db;
  return {
    getAll: () => open.getAll('decisions'),
    write(put, remove) {
      return inTransaction(open, 'decisions', [
        ...put.map((d) => (store: DecisionsStore) => store.put(d)),
        ...remove.map((k) => (store: DecisionsStore) => store.delete(k)),
      ]);
    },
    saveSession(session) {
      return inTransaction(open, 'session', [(store: SessionStore) => store.put(session, SESSION_KEY)]);
    },
    loadSession: () => open.get('session', SESSION_KEY),
    close: () => open.close(),
  };
}

/**
 * Run requests in one strict read-write transaction and wait until it is
 * committed. A request that throws at once (quota, clone errors) aborts the
 * transaction; every request promise is observed, so none rejects unhandled.
 */
async function inTransaction<N extends 'decisions' | 'session'>(
  db: IDBPDatabase<Schema>,
  name: N,
  requests: ReadonlyArray<(store: IDBPObjectStore<Schema, [N], N, 'readwrite'>) => Promise<unknown>>,
): Promise<void> {
  const tx = db.transaction(name, 'readwrite', { durability: 'strict' });
  const store = tx.objectStore(name);
  const pending: Promise<unknown>[] = [tx.done];
  try {
    for (const r of requests) pending.push(r(store));
  } catch (e) {
    for (const p of pending) p.catch(() => undefined);
    tx.abort();
    throw e;
  }
  // Commit now rather than when the requests' results come back: a transaction still waiting
  // for its auto-commit is aborted if the page unloads meanwhile (a reload right after a key
  // press lost the decision: e2e/reload.spec.mjs); one asked to commit is finished by the browser.
  (tx as { commit?: () => void }).commit?.();
  await Promise.all(pending);
}
