/** Shared set-up for the decisions store tests: a fresh fake IndexedDB per test and a ticking clock. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { spectrumKey } from '../../src/core/export/spectrumKey.ts';
import type { DecisionIdent } from '../../src/core/export/types.ts';
import { createDecisionsStore, type DecisionsStoreOptions } from '../../src/state/decisionsStore.ts';

/** Replace the global IndexedDB by an empty one (a new browser profile). */
export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

/** A clock that advances 1 s per reading, from 2025-01-01. */
export function tickingClock(): () => number {
  let t = Date.UTC(2025, 0, 1);
  return () => (t += 1000);
}

export const newStore = (options: DecisionsStoreOptions = {}) => createDecisionsStore({ now: tickingClock(), ...options });

/** Real spectra of test/fixtures/sdss. */
export const QSO: DecisionIdent = { fileName: 'spec-7401-56808-0703.fits', index: 0, spectrumId: 'spec-7401-56808-0703' };
export const STAR: DecisionIdent = { fileName: 'spec-3298-54924-0141.fits', index: 0, spectrumId: 'spec-3298-54924-0141' };
export const GALAXY: DecisionIdent = { fileName: 'spec-0375-52140-0356.fits', index: 0, spectrumId: 'spec-0375-52140-0356' };
export const keyOf = (i: DecisionIdent) => spectrumKey(i.fileName, i.index, i.spectrumId);
