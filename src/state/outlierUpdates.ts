/**
 * Keeps the batch's outlier scores current: whenever the table's spectra change (files arriving,
 * rows removed), after a short pause, the map worker scores the batch again (core/anomaly) and the rows
 * get their score and 'coefficient-outlier' flag. One request at a time; a change during one runs
 * another when it returns. While an analysis runs the scoring takes a small share of the CPU (the
 * map worker competes with the analysis workers for the same cores), and runs again as soon as the
 * analysis ends, so the final scores come right after the last row.
 */
import type { CodedResult } from '../core/anomaly/batchOutliers.ts';
import type { MapClient } from '../worker/mapClient.ts';
import type { AppStore } from './store.ts';
import type { ResultRow } from './types.ts';

/** The code a row is scored by: the encoder's answer (the UNet has no coefficients). */
const coded = (r: ResultRow): CodedResult => {
  const a = r.answers.encoder ?? r.row;
  return { cls: a.cls, coefficients: a.coefficients, error: a.error };
};

/** Same spectra with the same codes (applying scores makes new row objects but keeps the codes). */
function sameInputs(a: readonly CodedResult[], b: readonly CodedResult[]): boolean {
  return a.length === b.length && a.every((x, i) => x.coefficients === b[i].coefficients && x.cls === b[i].cls);
}

/**
 * While files are being analysed, the pause after a scoring is this many times the scoring's own
 * duration (≤ 10 % of one core). Scoring 12 000 spectra takes seconds and its answer changes with
 * every new row anyway: at the old 50 % duty cycle the map worker took a quarter of a 2-core machine
 * from a 1 GiB plate's analysis.
 */
export const BUSY_PAUSE_FACTOR = 9;

export function startOutlierUpdates(store: AppStore, client: Pick<MapClient, 'outliers'>, delayMs = 400): () => void {
  let last: CodedResult[] = [];
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let lastRunMs = 0;

  async function run(): Promise<void> {
    timer = undefined;
    const rows = store.getState().rows;
    const inputs = rows.map(coded);
    if (sameInputs(inputs, last)) return;
    running = true;
    last = inputs;
    const t0 = Date.now();
    try {
      const { scores, flagged } = await client.outliers(inputs.filter((x) => x.coefficients));
      if (stopped) return;
      const byKey = new Map<string, { score: number | undefined; flagged: boolean }>();
      let j = 0;
      rows.forEach((r, i) => {
        if (!inputs[i].coefficients) return;
        byKey.set(r.key, { score: scores[j], flagged: flagged[j] });
        j++;
      });
      // Rows that arrived meanwhile keep what they have until the next run.
      const now = store.getState().rows;
      const known = new Map(rows.map((r) => [r.key, true]));
      for (const r of now) if (!known.has(r.key) && r.row.outlier !== undefined) byKey.set(r.key, { score: r.row.outlier, flagged: r.row.flags.includes('coefficient-outlier') });
      store.getState().setOutliers(byKey);
    } catch {
      last = []; // the worker failed: try again on the next change
    } finally {
      running = false;
      lastRunMs = Date.now() - t0;
    }
    schedule();
  }

  /**
   * At least as long as the last run took: a large batch (the exact score in 33 dimensions grows much faster
   * than n, minutes at 100 000 spectra: results/bench-map.json) keeps the worker busy at most half the time,
   * and at most a tenth while an analysis runs.
   */
  function schedule(): void {
    if (stopped || running || timer !== undefined) return;
    const pause = store.getState().progress.running ? BUSY_PAUSE_FACTOR * lastRunMs : lastRunMs;
    timer = setTimeout(() => void run(), Math.max(delayMs, pause));
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.progress.running !== prev.progress.running && !s.progress.running && timer !== undefined) {
      // The analysis ended: the long pause taken while it ran is no longer needed.
      clearTimeout(timer);
      timer = undefined;
      schedule();
    } else if (s.rows !== prev.rows) {
      schedule();
    }
  });
  schedule();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
