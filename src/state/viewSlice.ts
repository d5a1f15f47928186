/** How the table is sorted and filtered, which spectrum is open, and overlays. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';
import type { DetailState, RowFilter, SortDir, SortKey } from './types.ts';

export interface ViewSlice {
  sort: { key: SortKey; dir: SortDir } | undefined;
  filter: RowFilter;
  /** Key of the open spectrum. */
  selectedKey: string | undefined;
  detail: DetailState;
  helpOpen: boolean;
  guided: boolean;
  galleryOpen: boolean;
  /** The spectrum whose answer guided mode hides (its exercise is not solved yet); the table hides it too. */
  answerHidden: string | undefined;
  /** A short message about the open spectrum's last key (e.g. why S/G/Q moved z). */
  notice: { key: string; text: string; seq: number } | undefined;
  /** Sort by `key`; the same key again flips the direction. */
  sortBy(key: SortKey): void;
  setFilter(patch: Partial<RowFilter>): void;
  resetFilter(): void;
  select(key: string | undefined): void;
  setDetail(d: DetailState): void;
  setHelpOpen(open: boolean): void;
  setGuided(on: boolean): void;
  setGalleryOpen(open: boolean): void;
  setAnswerHidden(key: string | undefined): void;
  setNotice(key: string, text: string): void;
}

export const NO_FILTER: RowFilter = {
  classes: [],
  zMin: undefined,
  zMax: undefined,
  chi2Min: undefined,
  robustnessMax: undefined,
  flaggedOnly: false,
  flag: undefined,
  disagreeOnly: false,
  qop: 'any',
};

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  sort: undefined,
  filter: NO_FILTER,
  selectedKey: undefined,
  detail: { status: 'none' },
  helpOpen: false,
  guided: false,
  galleryOpen: false,
  answerHidden: undefined,
  notice: undefined,
  sortBy: (key) =>
    set((s) => ({ sort: s.sort?.key === key ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' } })),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  resetFilter: () => set({ filter: NO_FILTER }),
  select: (key) => set((s) => ({ selectedKey: key, notice: s.notice?.key === key ? s.notice : undefined })),
  setDetail: (detail) => set({ detail }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setGuided: (guided) => set({ guided }),
  setGalleryOpen: (galleryOpen) => set({ galleryOpen }),
  setAnswerHidden: (answerHidden) => set({ answerHidden }),
  setNotice: (key, text) => set((s) => ({ notice: { key, text, seq: (s.notice?.seq ?? 0) + 1 } })),
});
