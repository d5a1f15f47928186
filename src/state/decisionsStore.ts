/**
 * The user's decisions (QOP, comment, manual z and class), kept apart from
 * the app store: a vanilla zustand store for rendering, written through to
 * IndexedDB at once on every change (decisionsPersistence.ts, which also
 * keeps the session's table). The change shows immediately; its
 * promise resolves once the transaction is committed, and `pendingWrites`
 * counts the ones in flight. No batching or debouncing, so a reload or crash
 * after an action loses nothing that was reported saved. Storage failures
 * are never swallowed: they set `persistError`, whose message says to
 * download the export and press Retry.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { applyPatch, decisionFromUnknown } from '../core/export/decision.ts';
import { mergeImported } from '../core/export/mergeImported.ts';
import { keyOf } from '../core/export/spectrumKey.ts';
import type { Decision, DecisionIdent, DecisionPatch } from '../core/export/types.ts';
import type { SpectrumResult } from '../core/result/spectrumResult.ts';
import { openDecisionsDb, type DecisionsDb } from './decisionsDb.ts';
import { persistErrorMessage } from './decisionsErrors.ts';
import { createDecisionsPersistence } from './decisionsPersistence.ts';
import { createUndoHistory, type Change } from './decisionsUndo.ts';

export interface ImportSummary {
  /** Imported decisions now in force (new, or newer than the held one). */
  restored: number;
  /** Imported decisions ignored because the held one differs and is as new or newer. */
  keptLocal: number;
  /** Imported decisions equal to the held one. */
  alreadyThere: number;
  /** Older repeats of a key inside the import. */
  duplicates: number;
}

export interface DecisionsState {
  /** By spectrumKey. */
  decisions: Record<string, Decision>;
  /** hydrate() has finished (successfully or with persistError set). */
  ready: boolean;
  /** Set when browser storage failed; the UI shows it with an export button. */
  persistError?: string;
  /** Writes started and not yet committed. */
  pendingWrites: number;
  /** How many changes undo() can take back. */
  undoDepth: number;
  /** Change one spectrum's decision; resolves true once it is stored, false if storing failed. */
  setDecision(key: string, patch: DecisionPatch, ident: DecisionIdent): Promise<boolean>;
  /** Remove everything decided about one spectrum. */
  clearDecision(key: string): Promise<boolean>;
  /** Take back the last change (an import counts as one); resolves false when there is none. */
  undo(): Promise<boolean>;
  /** Load the stored decisions (call once at start-up; later calls share the first). */
  hydrate(): Promise<void>;
  /** Restore decisions read from an export; the newer `updatedAt` wins a conflict. */
  importDecisions(rows: readonly Decision[]): Promise<ImportSummary>;
  /** Write again whatever failed to store; clears persistError when all is stored. */
  retryPersist(): Promise<boolean>;
  /** Keep the last session's table for the next visit. */
  saveSessionRows(rows: readonly SpectrumResult[]): Promise<boolean>;
  /** The table saved by the last session, or [] when there is none (or it cannot be read). */
  loadSessionRows(): Promise<SpectrumResult[]>;
}

export type DecisionsStore = StoreApi<DecisionsState>;

export interface DecisionsStoreOptions {
  /** @default openDecisionsDb() — the browser's IndexedDB, database 'gasnet-explorer'. */
  openDb?: () => Promise<DecisionsDb>;
  /** @default Date.now */
  now?: () => number;
  /** @default 500 — oldest changes beyond this can no longer be undone. */
  maxUndo?: number;
}

// A closure factory: each action below is a few lines; storage is decisionsPersistence.ts.
export function createDecisionsStore(options: DecisionsStoreOptions = {}): DecisionsStore {
  const { openDb = () => openDecisionsDb(), now = Date.now, maxUndo = 500 } = options;
  const history = createUndoHistory(maxUndo);
  let hydrating: Promise<void> | undefined;

  const store = createStore<DecisionsState>()((set, get) => {
    const storage = createDecisionsPersistence(openDb, now, (persistError) => set({ persistError }));

    /** Show changes at once, then store them; true when committed. */
    async function commit(changes: readonly Change[]): Promise<boolean> {
      set((s) => {
        const decisions = { ...s.decisions };
        for (const c of changes) {
          if (c.after) decisions[c.key] = c.after;
          else delete decisions[c.key];
        }
        return { decisions, pendingWrites: s.pendingWrites + 1, undoDepth: history.depth() };
      });
      try {
        return await storage.write(
          changes.flatMap((c) => (c.after ? [c.after] : [])),
          changes.flatMap((c) => (c.after ? [] : [c.key])),
        );
      } finally {
        set((s) => ({ pendingWrites: s.pendingWrites - 1 }));
      }
    }

    return {
      decisions: {},
      ready: false,
      pendingWrites: 0,
      undoDepth: 0,

      setDecision(key, patch, ident) {
        if (key !== keyOf(ident)) throw new RangeError(`decision key ${key} does not match its spectrum ${keyOf(ident)}`);
        const before = get().decisions[key];
        const after = applyPatch(before, patch, ident, now());
        if (sameFields(before, after)) return Promise.resolve(true);
        history.record([{ key, before }], isCommentOnly(patch) ? `comment:${key}` : undefined);
        return commit([{ key, after }]);
      },

      clearDecision(key) {
        const before = get().decisions[key];
        if (!before) return Promise.resolve(true);
        history.record([{ key, before }]);
        return commit([{ key, after: undefined }]);
      },

      async undo() {
        const entry = history.pop();
        if (!entry) return false;
        await commit(entry.map((c) => ({ key: c.key, after: c.before })));
        return true;
      },

      hydrate() {
        hydrating ??= (async () => {
          let raw: unknown[];
          try {
            raw = await storage.readAll();
          } catch (e) {
            set({ ready: true, persistError: persistErrorMessage('open', e) });
            return;
          }
          const loaded: Record<string, Decision> = {};
          for (const r of raw) {
            const d = decisionFromUnknown(r);
            if (typeof d !== 'string') loaded[d.key] = d;
          }
          // Changes made before loading finished were stored already and are newer.
          set((s) => ({ decisions: { ...loaded, ...s.decisions }, ready: true }));
        })();
        return hydrating;
      },

      async importDecisions(rows) {
        const held = get().decisions;
        const plan = mergeImported(held, rows);
        if (plan.accepted.length > 0) {
          history.record(plan.accepted.map((d) => ({ key: d.key, before: held[d.key] })));
          await commit(plan.accepted.map((d) => ({ key: d.key, after: d })));
        }
        return { restored: plan.accepted.length, keptLocal: plan.keptLocal, alreadyThere: plan.alreadyThere, duplicates: plan.duplicates };
      },

      async retryPersist() {
        const ok = await storage.retry(get().decisions);
        if (ok) set({ persistError: undefined });
        return ok;
      },

      saveSessionRows: (rows) => storage.saveSession(rows),
      loadSessionRows: () => storage.loadSession(),
    };
  });
  return store;
}

function isCommentOnly(patch: DecisionPatch): boolean {
  const keys = Object.keys(patch);
  return keys.length === 1 && keys[0] === 'comment';
}

function sameFields(a: Decision | undefined, b: Decision | undefined): boolean {
  if (!a || !b) return a === b;
  return a.qop === b.qop && a.comment === b.comment && a.z === b.z && a.cls === b.cls;
}
