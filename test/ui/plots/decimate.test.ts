import { describe, expect, it } from 'vitest';
import { decimateMinMax, decimateTraces } from '../../../src/ui/plots/decimate.ts';

describe('decimateMinMax', () => {
  it('keeps the extremes and the x order while cutting the points', () => {
    const n = 11858;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => Math.sin(i / 40) + (i === 7001 ? 9 : 0) - (i === 333 ? 7 : 0));
    const d = decimateMinMax(x, y, 2000);
    expect(d.x.length).toBeLessThanOrEqual(2000);
    expect(Math.max(...d.y)).toBe(Math.max(...y));
    expect(Math.min(...d.y)).toBe(Math.min(...y));
    for (let i = 1; i < d.x.length; i++) expect(d.x[i]).toBeGreaterThan(d.x[i - 1]);
    expect(decimateMinMax([1, 2], [3, 4], 10)).toEqual({ x: [1, 2], y: [3, 4] });
  });
  it('keeps gaps as gaps and skips NaN inside a bucket', () => {
    const y = Array.from({ length: 1000 }, (_, i) => (i >= 400 && i < 500 ? Number.NaN : i % 7 === 0 ? Number.NaN : Math.cos(i / 9)));
    const x = y.map((_, i) => i);
    const d = decimateMinMax(x, y, 100);
    const gaps = d.x.filter((_, i) => Number.isNaN(d.y[i]));
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((g) => g >= 400 && g < 500)).toBe(true);
    expect(Math.max(...d.y.filter((v) => !Number.isNaN(v)))).toBe(Math.max(...y.filter((v) => !Number.isNaN(v))));
  });
});

describe('decimateTraces', () => {
  it('cuts every x/y trace and keeps the other fields and non-numeric traces', () => {
    const x = Float64Array.from({ length: 4076 }, (_, i) => 3600 + i);
    const y = Float32Array.from({ length: 4076 }, (_, i) => Math.sin(i / 13));
    const traces = [
      { type: 'scatter' as const, name: 'F', x, y },
      { type: 'scatter' as const, name: 'labels', x: ['a', 'b'], y: ['c', 'd'] },
    ];
    const out = decimateTraces(traces, 1400) as { name: string; x: ArrayLike<unknown> }[];
    expect(out.map((t) => t.name)).toEqual(['F', 'labels']);
    expect(out[0].x.length).toBeLessThanOrEqual(1400);
    expect(out[1]).toBe(traces[1]);
  });
});
