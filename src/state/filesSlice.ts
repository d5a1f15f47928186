/** The files dropped in this session and how far each one got. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';
import type { FileEntry } from './types.ts';

export interface FilesSlice {
  files: Record<number, FileEntry>;
  /** File ids in the order they were added. */
  fileOrder: number[];
  addFiles(entries: FileEntry[]): void;
  updateFile(fileId: number, patch: Partial<Omit<FileEntry, 'fileId'>>): void;
  /** Many updates in one store change (a frame's worth of worker traffic). */
  updateFiles(patches: ReadonlyMap<number, Partial<Omit<FileEntry, 'fileId'>>>): void;
  clearFiles(): void;
}

export const createFilesSlice: StateCreator<AppState, [], [], FilesSlice> = (set) => ({
  files: {},
  fileOrder: [],
  addFiles: (entries) =>
    set((s) => {
      const files = { ...s.files };
      for (const e of entries) files[e.fileId] = e;
      return { files, fileOrder: [...s.fileOrder, ...entries.map((e) => e.fileId)] };
    }),
  updateFile: (fileId, patch) =>
    set((s) => {
      const before = s.files[fileId];
      if (!before) return {};
      return { files: { ...s.files, [fileId]: { ...before, ...patch } } };
    }),
  updateFiles: (patches) =>
    set((s) => {
      const files = { ...s.files };
      let changed = false;
      for (const [fileId, patch] of patches) {
        const before = files[fileId];
        if (!before) continue;
        files[fileId] = { ...before, ...patch };
        changed = true;
      }
      return changed ? { files } : {};
    }),
  clearFiles: () => set({ files: {}, fileOrder: [] }),
});
