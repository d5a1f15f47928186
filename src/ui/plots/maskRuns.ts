/** Runs of masked pixels (w = 0), for shading them on a plot. */

export interface Run {
  /** First masked pixel. */
  start: number;
  /** Last masked pixel (inclusive). */
  end: number;
}

/**
 * Maximal runs of pixels where `good(k)` is false, over k < n. Runs closer
 * than `mergeGap` good pixels are merged, and while there are more than
 * `maxRuns` the closest pair is merged, so a speckled mask stays cheap to draw.
 */
export function maskedRuns(n: number, good: (k: number) => boolean, mergeGap = 2, maxRuns = 150): Run[] {
  const runs: Run[] = [];
  let k = 0;
  while (k < n) {
    if (good(k)) {
      k++;
      continue;
    }
    const start = k;
    while (k < n && !good(k)) k++;
    const prev = runs[runs.length - 1];
    if (prev && start - prev.end - 1 <= mergeGap) prev.end = k - 1;
    else runs.push({ start, end: k - 1 });
  }
  while (runs.length > maxRuns) {
    let best = 1;
    for (let i = 2; i < runs.length; i++) {
      if (runs[i].start - runs[i - 1].end < runs[best].start - runs[best - 1].end) best = i;
    }
    runs[best - 1].end = runs[best].end;
    runs.splice(best, 1);
  }
  return runs;
}
