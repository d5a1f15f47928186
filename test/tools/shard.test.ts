/** Which part of the input list a job-array task takes: every input exactly once, balanced, from the scheduler's variables. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_FILES, parseShard, shardFromEnv, shardRange } from '../../tools/lib/shard.ts';

describe('parseShard', () => {
  it('reads I/N with I counted from 0 and refuses the rest with a reason', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3/4 ')).toEqual({ index: 3, count: 4 });
    expect(() => parseShard('4/4')).toThrow(/outside 0…3.*counts from 0/);
    expect(() => parseShard('1/0')).toThrow(/≥ 1/);
    expect(() => parseShard('a/b')).toThrow(/I\/N/);
  });
});

describe('shardFromEnv', () => {
  it('takes a Slurm array task: id from the array minimum, count from SLURM_ARRAY_TASK_COUNT or MIN…MAX', () => {
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '8' })).toEqual({ index: 2, count: 8 });
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '8' })).toEqual({ index: 4, count: 8 });
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '7', SLURM_ARRAY_TASK_STEP: '2' })).toEqual({ index: 2, count: 4 });
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '2' })).toThrow(/SLURM_ARRAY_TASK_COUNT/);
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '2' })).toThrow(/not a whole number/);
  });

  it('takes a Kubernetes Indexed Job with --shards N, and the whole list when no scheduler says otherwise', () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '3' }, 10)).toEqual({ index: 3, count: 10 });
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '3' })).toThrow(/--shards N/);
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '10' }, 10)).toThrow(/outside/);
    expect(shardFromEnv({})).toEqual({ index: 0, count: 1 });
    expect(() => shardFromEnv({}, 4)).toThrow(/needs an index/);
  });
});

describe('shardRange', () => {
  const ranges = (w: number[], n: number) => Array.from({ length: n }, (_, index) => shardRange(w, { index, count: n }));

  it('N shards cover every input once, in order, cut only between whole blocks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1e6 }), { maxLength: 400 }), fc.integer({ min: 1, max: 12 }), (w, n) => {
        const r = ranges(w, n);
        expect(r[0].start).toBe(0);
        expect(r[n - 1].end).toBe(w.length);
        for (let i = 0; i < n; i++) {
          expect(r[i].end).toBeGreaterThanOrEqual(r[i].start);
          if (i > 0) expect(r[i].start).toBe(r[i - 1].end);
          if (r[i].start < w.length) expect(r[i].start % BLOCK_FILES).toBe(0);
        }
      }),
    );
  });

  it('balances by weight within one block: a few heavy files (plates) get shards of their own', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 8 }), (w, n) => {
        const total = w.reduce((a, b) => a + b, 0);
        const blockW: number[] = [];
        for (let i = 0; i < w.length; i++) blockW[Math.floor(i / BLOCK_FILES)] = (blockW[Math.floor(i / BLOCK_FILES)] ?? 0) + w[i];
        const heaviest = Math.max(...blockW);
        for (const r of ranges(w, n)) {
          const mine = w.slice(r.start, r.end).reduce((a, b) => a + b, 0);
          expect(Math.abs(mine - total / n)).toBeLessThanOrEqual(heaviest + 1e-6);
        }
      }),
    );
    // 64 small files then 4 blocks holding one big file each: the big ones are spread, not lumped
    const w = [...Array(64).fill(1), ...[0, 1, 2, 3].flatMap(() => [1000, ...Array(15).fill(1)])];
    const r = ranges(w, 4);
    const weight = r.map((x) => w.slice(x.start, x.end).reduce((a, b) => a + b, 0));
    expect(Math.max(...weight)).toBeLessThan(1100);
  });

  it('gives the same ranges for the same input, and refuses weights that are not positive', () => {
    const w = Array.from({ length: 100 }, (_, i) => 1 + ((i * 7919) % 13));
    expect(ranges(w, 5)).toEqual(ranges(w, 5));
    expect(() => shardRange([1, 0, 2], { index: 0, count: 2 })).toThrow(/> 0/);
  });
});
