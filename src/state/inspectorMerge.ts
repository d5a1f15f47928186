/**
 * Merging other inspectors' answers (their JSON/CSV exports, Marz `.mz`, DESI VI files) with the
 * open spectra: who answered what, how each disagreement was resolved, and what each file gave.
 * Kept for the session only; a resolution that picks an inspector's answer is written as the
 * person's own decision (decisionsStore, IndexedDB), so it survives like any other.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { keyOf } from '../core/export/spectrumKey.ts';
import type { DecisionPatch } from '../core/export/types.ts';
import { patchOf } from '../core/interop/answers.ts';
import type { Inspector, Resolution } from '../core/interop/mergedTable.ts';
import { readInspectorFile, type FileText } from '../core/interop/readInspectorFile.ts';
import type { SpectrumResult } from '../core/result/spectrumResult.ts';
import type { DecisionsStore } from './decisionsStore.ts';

export interface MergeReport {
  file: string;
  kind: 'ok' | 'error';
  /** For people; untrusted parts are quoted and bounded by the readers. */
  text: string;
}

export interface InspectorMergeState {
  inspectors: Inspector[];
  /** By spectrumKey. */
  resolutions: Record<string, Resolution>;
  /** One per file read, in the order given. */
  reports: MergeReport[];
  open: boolean;
  /** Read each file as one inspector's answers (files with the same inspector join up); a bad file is reported and skipped. */
  addFiles(files: readonly FileText[], rows: readonly SpectrumResult[]): void;
  /** Resolve one spectrum: 'own' keeps the view's decision; an inspector's index writes their answer as the decision (false: not stored). */
  resolve(key: string, choice: Resolution, rows: readonly SpectrumResult[], decisions: DecisionsStore): Promise<boolean>;
  setOpen(open: boolean): void;
  /** Forget the inspectors and resolutions (decisions already written stay). */
  clear(): void;
}

export type InspectorMergeStore = StoreApi<InspectorMergeState>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function createInspectorMerge(): InspectorMergeStore {
  return createStore<InspectorMergeState>()((set, get) => ({
    inspectors: [],
    resolutions: {},
    reports: [],
    open: false,

    addFiles(files, rows) {
      const inspectors = get().inspectors.map((i) => ({ ...i, answers: { ...i.answers } }));
      const reports: MergeReport[] = [];
      for (const f of files) {
        const read = readInspectorFile(f, rows);
        if (!read.ok) {
          reports.push({ file: f.name, kind: 'error', text: `${f.name}: ${read.error.message}` });
          continue;
        }
        const v = read.value;
        let who = inspectors.find((i) => i.name === v.inspector);
        if (!who) {
          who = { name: v.inspector, answers: {} };
          inspectors.push(who);
        }
        for (const a of v.answers) (who.answers as Record<string, (typeof v.answers)[0]>)[keyOf(a.ident)] = a;
        const parts = [`${f.name}: ${plural(v.answers.length, 'answer')} by ${v.inspector}`];
        if (v.notOpen.length > 0) parts.push(`${v.notOpen.length} about spectra that are not open (${v.notOpen.slice(0, 3).join(', ')}): open them and add the file again`);
        if (v.issues.length > 0) parts.push(`${plural(v.issues.length, 'line')} skipped: ${v.issues.slice(0, 3).join('; ')}`);
        reports.push({ file: f.name, kind: 'ok', text: parts.join('; ') + '.' });
      }
      set((s) => ({ inspectors, reports: [...s.reports, ...reports], open: true }));
    },

    async resolve(key, choice, rows, decisions) {
      let stored = true;
      if (choice !== 'own') {
        const answer = get().inspectors[choice]?.answers[key];
        const row = rows.find((r) => keyOf(r) === key);
        if (!answer || !row) return false;
        const found = patchOf(answer, row);
        const own = decisions.getState().decisions[key];
        // Their class, z and QOP replace the view's; a comment the person wrote is kept.
        const patch: DecisionPatch = { qop: found.qop, cls: found.cls, z: found.z };
        if (!own?.comment && found.comment) patch.comment = found.comment;
        // Shown at once; a storage failure is the decisions store's persistError (with its export button).
        const pending = decisions.getState().setDecision(key, patch, { fileName: row.fileName, index: row.index, spectrumId: row.spectrumId });
        set((s) => ({ resolutions: { ...s.resolutions, [key]: choice } }));
        stored = await pending;
      } else set((s) => ({ resolutions: { ...s.resolutions, [key]: choice } }));
      return stored;
    },

    setOpen: (open) => set({ open }),
    clear: () => set({ inspectors: [], resolutions: {}, reports: [] }),
  }));
}

/** The page's one merge. */
export const inspectorMerge: InspectorMergeStore = createInspectorMerge();
