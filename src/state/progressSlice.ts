/** Counts for the progress bar: files and spectra done, errors, worker time. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';
import type { Progress } from './types.ts';

export interface ProgressSlice {
  progress: Progress;
  /** A new set of files was queued: adds to a run in progress, else starts a new run (and a new timing). */
  queueFiles(n: number, now: number): void;
  fileOpened(count: number): void;
  /** `n` files opened holding `count` spectra in all. */
  filesOpened(n: number, count: number): void;
  /** `n` spectra finished (of which `failed` failed), taking `ms` of worker time. */
  spectraFinished(n: number, failed: number, ms: number): void;
  /** A file finished; `failed` = the file itself could not be opened. */
  fileFinished(failed: boolean, now: number): void;
  /** Files finished, one entry each: whether the file itself could not be opened. */
  filesFinished(failed: readonly boolean[], now: number): void;
  /** Forget the measured worker time (the backend changed). */
  resetTiming(): void;
  /** Stop counting as running (cancel). */
  stopProgress(now: number): void;
  resetProgress(): void;
}

export const IDLE_PROGRESS: Progress = {
  filesTotal: 0,
  filesDone: 0,
  filesOpened: 0,
  filesFailed: 0,
  spectraKnown: 0,
  spectraDone: 0,
  errors: 0,
  startedAt: undefined,
  finishedAt: undefined,
  running: false,
  workerMs: 0,
  workerSpectra: 0,
};

export const createProgressSlice: StateCreator<AppState, [], [], ProgressSlice> = (set) => {
  const update = (f: (p: Progress) => Partial<Progress>) => set((s) => ({ progress: { ...s.progress, ...f(s.progress) } }));
  const finish = (failed: readonly boolean[], now: number) =>
    update((p) => {
      const nFailed = failed.filter(Boolean).length;
      const filesDone = p.filesDone + failed.length;
      const done = filesDone >= p.filesTotal;
      return {
        filesDone,
        errors: p.errors + nFailed,
        filesFailed: p.filesFailed + nFailed,
        running: p.running && !done,
        finishedAt: done ? now : p.finishedAt,
      };
    });
  return {
    progress: IDLE_PROGRESS,
    queueFiles: (n, now) =>
      update((p) =>
        p.running
          ? { filesTotal: p.filesTotal + n }
          : { ...IDLE_PROGRESS, filesTotal: n, startedAt: now, running: n > 0 },
      ),
    fileOpened: (count) => update((p) => ({ filesOpened: p.filesOpened + 1, spectraKnown: p.spectraKnown + count })),
    filesOpened: (n, count) => update((p) => ({ filesOpened: p.filesOpened + n, spectraKnown: p.spectraKnown + count })),
    spectraFinished: (n, failed, ms) =>
      update((p) => ({
        spectraDone: p.spectraDone + n,
        errors: p.errors + failed,
        workerMs: p.workerMs + ms,
        workerSpectra: p.workerSpectra + (n - failed),
      })),
    fileFinished: (failed, now) => finish([failed], now),
    filesFinished: (failed, now) => finish(failed, now),
    resetTiming: () => update(() => ({ workerMs: 0, workerSpectra: 0 })),
    stopProgress: (now) => update(() => ({ running: false, finishedAt: now })),
    resetProgress: () => set({ progress: IDLE_PROGRESS }),
  };
};
