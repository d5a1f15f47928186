import { describe, expect, it } from 'vitest';
import { afterWorkerDied, failTask, firstReport, newTask, pickSlot } from '../../src/worker/poolTask.ts';
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

describe('pickSlot', () => {
  const slot = (serial: number, files: number, over: Partial<{ alive: boolean; ready: boolean; detailsPending: number; retry: boolean }> = {}) => ({
    serial,
    alive: over.alive ?? true,
    ready: over.ready ?? true,
    detailsPending: over.detailsPending ?? 0,
    inFlight: new Map(Array.from({ length: files }, (_, i) => [100 + i, { ...newTask(1, { ...file, fileId: 100 + i }, ['encoder']), attempt: over.retry ? 1 : 0 }])),
  });

  it('takes the least loaded live, ready worker below the limit', () => {
    const t = newTask(1, file, ['encoder']);
    const [busy, light, dead, starting] = [slot(0, 1, { detailsPending: 1 }), slot(1, 1), slot(2, 0, { alive: false }), slot(3, 0, { ready: false })];
    expect(pickSlot([busy, light, dead, starting], t, 2)).toBe(light);
    expect(pickSlot([slot(0, 2), slot(1, 2)], t, 2)).toBeUndefined();
  });

  it('runs a retry alone on a worker started after the death, and adds nothing to a worker holding a retry', () => {
    const retry = { ...newTask(1, file, ['encoder']), attempt: 1, freshFrom: 2 };
    const old = slot(1, 0);
    const fresh = slot(2, 0);
    expect(pickSlot([old, fresh], retry, 2)).toBe(fresh);
    expect(pickSlot([old, slot(2, 1)], retry, 2)).toBeUndefined();
    expect(pickSlot([slot(0, 1, { retry: true })], newTask(1, file, ['encoder']), 2)).toBeUndefined();
  });
});
