/**
 * The batch's outlier scores kept current: real rows (12 SDSS fixtures and a failed file) scored by the
 * real batch score (core/anomaly, as the map worker runs it) after each change, the flag and score on the rows.
 */
import { describe, expect, it } from 'vitest';
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
