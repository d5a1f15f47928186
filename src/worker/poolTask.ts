/**
 * One file handed to the worker pool, and what the user has already been
 * told about it. A file whose worker dies is sent again once (to a fresh
 * worker); the second run re-reports the spectra the first one finished, so
 * the pool forwards only what is new: 'opened' once, each spectrum (of each
 * model family) once.
 * A file that loses its worker twice is closed with a failure for every
 * spectrum not yet reported (or for the file, when it never opened).
 *
 * A multi-spectrum file becomes several tasks: the first (no range) opens it
 * and analyses its first spectra; the pool then queues the rest as ranges
 * (`range`) that share the first task's `reported` set.
 */
import type { FrameOverride } from '../core/types.ts';
import type { InputError, ModelFamily } from '../core/types.ts';
import type { SpectrumFailure, SpectrumRange, WorkerResponse } from './protocol.ts';

export interface PoolFile {
  fileId: number;
  file: Blob;
  fileName: string;
  /** The user's frame / instrument choice for this file. */
  override?: FrameOverride;
}

/** Analysis traffic the pool forwards: 'opened', 'results', 'file-done'. */
export type PoolMessage = Extract<WorkerResponse, { type: 'opened' | 'results' | 'file-done' }>;

export interface PoolTask {
  jobId: number;
  file: PoolFile;
  /** The model families the file is analysed with (each gives its own rows). */
  families: readonly ModelFamily[];
  /** 0 on the first run, 1 on the retry after a worker died. */
  attempt: number;
  /** A retry runs only on a worker started at or after this serial number (a fresh one). */
  freshFrom?: number;
  /** Set once the file opened (on any attempt); a range task has it from the start. */
  opened?: { format: string; count: number };
  /** Spectra already reported (a row or a failure), as reportKey(family, index); shared by the file's tasks. */
  reported: Set<string>;
  /** The spectra this task covers: a range of a split file, or (the first task) those below `splitAt` once opened. */
  range?: SpectrumRange;
  /** The first task of a file: analyse only the spectra below this; the rest become range tasks. */
  splitAt?: number;
}

export function newTask(jobId: number, file: PoolFile, families: readonly ModelFamily[], splitAt?: number): PoolTask {
  return { jobId, file, families, attempt: 0, reported: new Set(), ...(splitAt !== undefined && { splitAt }) };
}

/** The tasks for the spectra a first task leaves to others: consecutive ranges of `size` from its splitAt. */
export function rangeTasks(first: PoolTask, size: number): PoolTask[] {
  const count = first.opened?.count ?? 0;
  const out: PoolTask[] = [];
  for (let start = first.splitAt ?? count; start < count; start += size) {
    const range = { start, end: Math.min(count, start + size) };
    out.push({ jobId: first.jobId, file: first.file, families: first.families, attempt: 0, opened: first.opened, reported: first.reported, range });
  }
  return out;
}

/** Which of a slot's in-flight tasks a worker message is about. */
export const taskKey = (fileId: number, start: number | undefined): string => `${fileId}:${start ?? ''}`;
export const keyOf = (t: PoolTask): string => taskKey(t.file.fileId, t.range && t.splitAt === undefined ? t.range.start : undefined);

/** Spectra a task stands for when sharing work out (an unopened file counts as one). */
export const weightOf = (t: PoolTask): number => (t.range ? t.range.end - t.range.start : 1);

/** One spectrum's report for one family (a failure without a family stands for all of them). */
const reportKey = (family: ModelFamily | undefined, index: number): string => `${family ?? '*'}:${index}`;
const seen = (task: PoolTask, family: ModelFamily | undefined, index: number): boolean =>
  task.reported.has(reportKey(family, index)) || task.reported.has(reportKey(undefined, index));

/** The part of `m` the user has not seen yet, or undefined when there is none. Records what passes. */
export function firstReport(task: PoolTask, m: PoolMessage): PoolMessage | undefined {
  switch (m.type) {
    case 'opened':
      if (task.opened) return undefined;
      task.opened = { format: m.format, count: m.count };
      if (task.splitAt !== undefined) task.range = { start: 0, end: Math.min(m.count, task.splitAt) };
      return m;
    case 'results': {
      const rows = m.rows.filter((r) => !seen(task, r.family, r.index));
      const failures = m.failures.filter((f) => f.index === undefined || !seen(task, f.family, f.index));
      for (const r of rows) task.reported.add(reportKey(r.family, r.index));
      for (const f of failures) if (f.index !== undefined) task.reported.add(reportKey(f.family, f.index));
      if (rows.length + failures.length === 0) return undefined;
      return rows.length === m.rows.length && failures.length === m.failures.length ? m : { ...m, rows, failures };
    }
    case 'file-done':
      return m;
  }
}

/** Close a task for good: a failure for each spectrum not yet reported (or the whole file), then 'file-done'. */
export function failTask(task: PoolTask, error: InputError): PoolMessage[] {
  const { jobId, file } = task;
  const { fileId, fileName } = file;
  const failures: SpectrumFailure[] = [];
  if (task.opened) {
    const { start, end } = task.range ?? { start: 0, end: task.opened.count };
    for (let i = start; i < end; i++) {
      for (const family of task.families) if (!seen(task, family, i)) failures.push({ fileId, fileName, index: i, family, error });
    }
  } else {
    failures.push({ fileId, fileName, index: undefined, error });
  }
  const out: PoolMessage[] = [];
  if (failures.length > 0) out.push({ type: 'results', jobId, fileId, rows: [], failures, ms: 0 });
  out.push({ type: 'file-done', jobId, fileId, cancelled: false, ...startOf(task) });
  return out;
}

/**
 * The files of a worker that died: a cancelled job's file is closed as cancelled, a first run is
 * retried once on a fresh worker (one started from `freshFrom` on: another worker alive now may be
 * failing for the same reason), a retry is closed with a failure (`lostTwice`).
 */
export function afterWorkerDied(
  tasks: Iterable<PoolTask>,
  cancelledJobs: ReadonlySet<number>,
  freshFrom: number,
  lostTwice: InputError,
): { retries: PoolTask[]; messages: PoolMessage[] } {
  const retries: PoolTask[] = [];
  const messages: PoolMessage[] = [];
  for (const task of tasks) {
    if (cancelledJobs.has(task.jobId)) messages.push({ type: 'file-done', jobId: task.jobId, fileId: task.file.fileId, cancelled: true, ...startOf(task) });
    else if (task.attempt === 0) retries.push({ ...task, attempt: 1, freshFrom });
    else messages.push(...failTask(task, lostTwice));
  }
  return { retries, messages };
}

/** The `start` a worker's messages about a range task carry. */
function startOf(t: PoolTask): { start?: number } {
  return t.range && t.splitAt === undefined ? { start: t.range.start } : {};
}

/** What choosing a worker for a file needs to know of each. */
export interface SlotLoad {
  alive: boolean;
  ready: boolean;
  /** Order of creation (replacements get higher numbers). */
  serial: number;
  inFlight: ReadonlyMap<unknown, PoolTask>;
  detailsPending: number;
}

/**
 * The worker to send `task` to, or undefined when none may take it now: the least loaded live one
 * holding fewer than `perWorker` spectra (weightOf); a retried file runs alone on a fresh worker (so a file that
 * kills workers takes no other file with it), and no file joins one that holds a retry.
 */
export function pickSlot<S extends SlotLoad>(slots: readonly S[], task: PoolTask, perWorker: number): S | undefined {
  const holdsRetry = (s: S) => [...s.inFlight.values()].some((t) => t.attempt > 0);
  const weight = (s: S) => {
    let n = 0;
    for (const t of s.inFlight.values()) n += weightOf(t);
    return n;
  };
  const load = (s: S) => weight(s) + s.detailsPending;
  const free = slots.filter(
    (s) =>
      s.alive &&
      s.ready &&
      !holdsRetry(s) &&
      (task.attempt > 0 ? s.inFlight.size === 0 && s.serial >= (task.freshFrom ?? 0) : weight(s) < perWorker),
  );
  return free.sort((a, b) => load(a) - load(b))[0];
}
