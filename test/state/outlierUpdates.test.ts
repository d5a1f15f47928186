/**
 * The batch's outlier scores kept current: real rows (12 SDSS fixtures and a failed file) scored by the
 * real batch score (core/anomaly, as the map worker runs it) after each change, the flag and score on the rows.
 */
import { describe, expect, it, vi } from 'vitest';
import { batchOutlierScores, outlierFlags, type CodedResult } from '../../src/core/anomaly/batchOutliers.ts';
import { startOutlierUpdates } from '../../src/state/outlierUpdates.ts';
import { createAppStore } from '../../src/state/store.ts';
import { realRows } from './realRows.ts';

/** The worker's job, run in the test, counting calls. */
function inlineClient() {
  const calls: number[] = [];
  return {
    calls,
    outliers: async (rows: CodedResult[]) => {
      calls.push(rows.length);
      const scores = batchOutlierScores(rows);
      return { scores, flagged: outlierFlags(rows, scores) };
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 60));

describe('startOutlierUpdates', () => {
  it('scores the batch after rows arrive, leaves failed rows unscored, and does not loop on its own update', async () => {
    const rows = await realRows();
    const store = createAppStore();
    const client = inlineClient();
    const stop = startOutlierUpdates(store, client, 10);
    store.getState().addRows(rows);
    await settle();
    await settle();
    const after = store.getState().rows;
    const coded = rows.filter((r) => r.row.coefficients);
    expect(client.calls).toEqual([coded.length]);
    // 12 spectra over three classes: no class reaches MIN_CLASS_SIZE, so no score yet, and no flag.
    expect(after.every((r) => r.row.outlier === undefined && !r.row.flags.includes('coefficient-outlier'))).toBe(true);
    // A class of 12: copies of the rows under other keys make the batch large enough.
    const more = rows.filter((r) => r.row.cls === rows.find((x) => x.row.coefficients)!.row.cls);
    const copies = Array.from({ length: 12 }, (_, i) =>
      more.map((r) => {
        const row = { ...r.row, coefficients: { ...r.row.coefficients!, QSO: r.row.coefficients!.QSO.map((x) => x * (1 + 0.01 * i)) } };
        return { ...r, key: `${r.key}#copy${i}`, row, answers: { encoder: row } };
      }),
    ).flat();
    store.getState().addRows(copies);
    await settle();
    await settle();
    const scored = store.getState().rows.filter((r) => r.row.outlier !== undefined);
    expect(scored.length).toBeGreaterThanOrEqual(10);
    expect(store.getState().rows.filter((r) => r.row.error !== undefined).every((r) => r.row.outlier === undefined)).toBe(true);
    expect(client.calls).toHaveLength(2);
    stop();
  });
});

describe('startOutlierUpdates while an analysis runs', () => {
  it('leaves the cores to the analysis (pauses 9× a scoring) and scores again as soon as the run ends', async () => {
    vi.useFakeTimers();
    try {
      const rows = await realRows();
      const store = createAppStore();
      const calls: number[] = [];
      // A scoring that takes 100 ms of the (fake) clock.
      const client = {
        outliers: (input: CodedResult[]) =>
          new Promise<{ scores: (number | undefined)[]; flagged: boolean[] }>((resolve) => {
            calls.push(Date.now());
            setTimeout(() => resolve({ scores: input.map(() => undefined), flagged: input.map(() => false) }), 100);
          }),
      };
      const t0 = Date.now();
      store.getState().queueFiles(3, t0);
      const stop = startOutlierUpdates(store, client, 10);
      store.getState().addRows(rows.slice(0, 4));
      await vi.advanceTimersByTimeAsync(200); // first scoring at +10, done at +110
      expect(calls).toEqual([t0 + 10]);
      store.getState().addRows(rows.slice(4, 8));
      await vi.advanceTimersByTimeAsync(800); // +1000: still within the 900 ms pause
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(200);
      expect(calls).toHaveLength(2);
      expect(calls[1] - t0).toBeGreaterThanOrEqual(110 + 900);
      // A change, then the run ends: the next scoring comes after the short pause, not the long one.
      store.getState().addRows(rows.slice(8, 10));
      await vi.advanceTimersByTimeAsync(150);
      const tEnd = Date.now();
      store.getState().filesFinished([false, false, false], tEnd);
      expect(store.getState().progress.running).toBe(false);
      await vi.advanceTimersByTimeAsync(150);
      expect(calls).toHaveLength(3);
      expect(calls[2] - tEnd).toBeLessThanOrEqual(100);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
