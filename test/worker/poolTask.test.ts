import { describe, expect, it } from 'vitest';
import { afterWorkerDied, failTask, firstReport, newTask } from '../../src/worker/poolTask.ts';
import type { SpectrumResult } from '../../src/core/result/spectrumResult.ts';

const file = { fileId: 3, file: new Blob([]), fileName: 'f.fits' };
const row = (index: number, family: 'encoder' | 'unet') => ({ fileName: 'f.fits', index, family }) as SpectrumResult;
const results = (rows: SpectrumResult[]) => ({ type: 'results' as const, jobId: 1, fileId: 3, rows, failures: [], ms: 1 });

describe('firstReport', () => {
  it("forwards 'opened' once and each spectrum of each family once", () => {
    const t = newTask(1, file, ['encoder', 'unet']);
    const opened = { type: 'opened' as const, jobId: 1, fileId: 3, format: 'sdss-spplate', count: 3 };
    expect(firstReport(t, opened)).toBe(opened);
    expect(firstReport(t, opened)).toBeUndefined();
    expect(firstReport(t, results([row(0, 'encoder')]))).toBeDefined();
    // The other family's row for the same spectrum is new; the repeat is not.
    const again = firstReport(t, results([row(0, 'encoder'), row(0, 'unet'), row(1, 'encoder')]));
    expect(again?.type === 'results' && again.rows.map((r) => `${r.family}${r.index}`)).toEqual(['unet0', 'encoder1']);
    expect(firstReport(t, results([row(1, 'encoder')]))).toBeUndefined();
  });
});

describe('failTask', () => {
  it('fails every spectrum and family not yet reported, then closes the file', () => {
    const t = newTask(1, file, ['encoder', 'unet']);
    firstReport(t, { type: 'opened', jobId: 1, fileId: 3, format: 'x', count: 2 });
    firstReport(t, results([row(0, 'encoder'), row(0, 'unet'), row(1, 'encoder')]));
    const out = failTask(t, { code: 'internal', message: 'worker stopped twice' });
    expect(out.map((m) => m.type)).toEqual(['results', 'file-done']);
    const failures = out[0].type === 'results' ? out[0].failures : [];
    expect(failures.map((f) => [f.index, f.family])).toEqual([[1, 'unet']]);
  });

  it('fails the whole file (no index) when it never opened', () => {
    const out = failTask(newTask(1, file, ['encoder']), { code: 'internal', message: 'worker stopped twice' });
    const failures = out[0].type === 'results' ? out[0].failures : [];
    expect(failures).toEqual([{ fileId: 3, fileName: 'f.fits', index: undefined, error: { code: 'internal', message: 'worker stopped twice' } }]);
  });
});

describe('afterWorkerDied', () => {
  it("retries a first run on a fresh worker, closes a retry with the failure, and a cancelled job's file as cancelled", () => {
    const first = newTask(1, file, ['encoder']);
    const second = { ...newTask(1, { ...file, fileId: 4 }, ['encoder']), attempt: 1 };
    const cancelled = newTask(2, { ...file, fileId: 5 }, ['encoder']);
    const lost = { code: 'internal' as const, message: 'worker stopped twice' };
    const { retries, messages } = afterWorkerDied([first, second, cancelled], new Set([2]), 7, lost);
    expect(retries).toEqual([{ ...first, attempt: 1, freshFrom: 7 }]);
    expect(messages).toEqual([
      { type: 'results', jobId: 1, fileId: 4, rows: [], failures: [{ fileId: 4, fileName: 'f.fits', index: undefined, error: lost }], ms: 0 },
      { type: 'file-done', jobId: 1, fileId: 4, cancelled: false },
      { type: 'file-done', jobId: 2, fileId: 5, cancelled: true },
    ]);
  });
});
