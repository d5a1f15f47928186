/**
 * Which model families each dropped file has been (or is being) analysed
 * with, so that switching the model runs only what is missing, and which
 * families each job asked for. A file cancelled before it finished, or a
 * family whose models failed to load, is forgotten so a later switch runs
 * it again.
 */
import type { ModelFamily } from '../core/types.ts';

export interface FamilyLedger {
  /** A job asks for `families` on these files. */
  submitted(jobId: number, fileIds: readonly number[], families: readonly ModelFamily[]): void;
  /** The families a job asked for, the counted (shown) one first. */
  familiesOf(jobId: number): readonly ModelFamily[] | undefined;
  /** A file of a job finished; if it was cancelled, its families are forgotten. */
  fileDone(jobId: number, fileId: number, cancelled: boolean): void;
  /** A job was stopped: its files not yet done forget its families. */
  cancelJob(jobId: number): void;
  /** A family could not be run on a file (its models did not load): forget it. */
  failed(fileId: number, family: ModelFamily): void;
  /** The families of `want` that the file has not been given yet. */
  missing(fileId: number, want: readonly ModelFamily[]): ModelFamily[];
  /** Files given up (dropped again, or gone from the table). */
  forget(fileIds: Iterable<number>): void;
}

export function createFamilyLedger(): FamilyLedger {
  const jobs = new Map<number, readonly ModelFamily[]>();
  /** Files of each job not reported done yet. */
  const open = new Map<number, Set<number>>();
  const files = new Map<number, Set<ModelFamily>>();
  const drop = (jobId: number, fileId: number) => {
    const set = files.get(fileId);
    for (const f of jobs.get(jobId) ?? []) set?.delete(f);
  };
  return {
    submitted(jobId, fileIds, families) {
      jobs.set(jobId, [...families]);
      open.set(jobId, new Set([...(open.get(jobId) ?? []), ...fileIds]));
      for (const id of fileIds) {
        let set = files.get(id);
        if (!set) files.set(id, (set = new Set()));
        for (const f of families) set.add(f);
      }
    },
    familiesOf: (jobId) => jobs.get(jobId),
    fileDone(jobId, fileId, cancelled) {
      if (!open.get(jobId)?.delete(fileId)) return;
      if (cancelled) drop(jobId, fileId);
    },
    cancelJob(jobId) {
      for (const fileId of open.get(jobId) ?? []) drop(jobId, fileId);
      open.delete(jobId);
    },
    failed(fileId, family) {
      files.get(fileId)?.delete(family);
    },
    missing(fileId, want) {
      const set = files.get(fileId);
      return want.filter((f) => !set?.has(f));
    },
    forget(fileIds) {
      for (const id of fileIds) files.delete(id);
    },
  };
}
