/** The map's sample and embedding: two clusters of real encoder codes stay apart in 2-D. */
import { describe, expect, it } from 'vitest';
import { standardisedCodes } from '../../../src/core/anomaly/batchOutliers.ts';
import { embed, mapSample, MIN_EMBED } from '../../../src/core/anomaly/embed.ts';
import { ROWS } from '../export/sampleRows.ts';

describe('mapSample', () => {
  it('keeps everything up to the cap', () => {
    expect(mapSample(7, () => false, 10)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('above the cap: every kept point, the rest at random, sorted, the same each time', () => {
    const s = mapSample(1000, (i) => i % 100 === 0, 50);
    expect(s).toHaveLength(50);
    for (let i = 0; i < 1000; i += 100) expect(s).toContain(i);
    expect([...s].sort((a, b) => a - b)).toEqual(s);
    expect(new Set(s).size).toBe(50);
    expect(mapSample(1000, (i) => i % 100 === 0, 50)).toEqual(s);
  });
});

describe('embed', () => {
  it('puts two groups of codes (two real codes, each jittered by 3 %) in two separate places', () => {
    const q = ROWS[0].coefficients!.QSO;
    const other = ROWS[0].coefficients!.GALAXY; // another real 11-number code
    const rows = Array.from({ length: 40 }, (_, i) => {
      const c = i < 20 ? q : other;
      return { cls: 'QSO' as const, coefficients: { STAR: q, GALAXY: q, QSO: c.map((x, j) => x * (1 + 0.03 * Math.sin(i * 2.7 + j))) } };
    });
    const { x, d } = standardisedCodes(rows, ['QSO']);
    let calls = 0;
    const xy = embed(x, 40, d, () => calls++);
    expect(calls).toBeGreaterThan(1);
    const centre = (g: number) => {
      const idx = rows.map((_r, i) => i).filter((i) => (i < 20 ? 0 : 1) === g);
      return [idx.reduce((s, i) => s + xy[2 * i], 0) / idx.length, idx.reduce((s, i) => s + xy[2 * i + 1], 0) / idx.length];
    };
    const spread = (g: number) => {
      const [cx, cy] = centre(g);
      const idx = rows.map((_r, i) => i).filter((i) => (i < 20 ? 0 : 1) === g);
      return Math.max(...idx.map((i) => Math.hypot(xy[2 * i] - cx, xy[2 * i + 1] - cy)));
    };
    const [a, b] = [centre(0), centre(1)];
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThan(Math.max(spread(0), spread(1)));
  });

  it(`refuses fewer than ${MIN_EMBED} points`, () => {
    expect(() => embed(new Float64Array(4 * 11), 4, 11)).toThrow(RangeError);
  });
});
