/**
 * The Kubernetes Indexed Job (deploy/k8s) as far as it can be checked without a cluster: the
 * manifest's shard count agrees with its completions, and completion indexes 0…N-1, read from
 * JOB_COMPLETION_INDEX as the pods see it, take disjoint parts of the list that cover it once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardFromEnv, shardRange } from '../../tools/lib/shard.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = (name: string) => readFileSync(join(ROOT, 'deploy', 'k8s', name), 'utf8');
const analyzeJob = manifest('gasnet-indexed-job.yaml');
const mergeJob = manifest('gasnet-merge-job.yaml');

const field = (doc: string, name: string) => new RegExp(`^\\s*${name}:\\s*(\\S+)`, 'm').exec(doc)?.[1];
const args = (doc: string): string[] => JSON.parse(/^\s*args:\s*(\[.*\])\s*$/m.exec(doc)?.[1] ?? '[]') as string[];
const option = (list: string[], name: string) => list[list.indexOf(name) + 1];

describe('deploy/k8s Indexed Job', () => {
  const completions = Number(field(analyzeJob, 'completions'));
  const analyze = args(analyzeJob);

  it('is an Indexed Job whose --shards equals its completions', () => {
    expect(field(analyzeJob, 'completionMode')).toBe('Indexed');
    expect(completions).toBeGreaterThan(1);
    expect(analyze[0]).toBe('analyze');
    expect(Number(option(analyze, '--shards'))).toBe(completions);
    expect(Number(field(analyzeJob, 'parallelism'))).toBeLessThanOrEqual(completions);
  });

  it('the merge Job reads what the analysis Job writes, against the same list', () => {
    const merge = args(mergeJob);
    expect(merge[0]).toBe('merge');
    expect(merge[1]).toBe(option(analyze, '--out'));
    expect(option(merge, '--files-from')).toBe(option(analyze, '--files-from'));
  });

  it('completion indexes 0…N-1 cover a survey list once, in order, balanced by weight', () => {
    // Weights like a survey's: mostly single-spectrum files, some plates a thousand times heavier.
    const weights = Array.from({ length: 5000 }, (_, i) => (i % 397 === 0 ? 1000 : 1 + (i % 7)));
    const shards = Number(option(analyze, '--shards'));
    const ranges = Array.from({ length: completions }, (_, i) => shardRange(weights, shardFromEnv({ JOB_COMPLETION_INDEX: String(i) }, shards)));
    expect(ranges[0].start).toBe(0);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].start).toBe(ranges[i - 1].end);
    expect(ranges.at(-1)?.end).toBe(weights.length);
    const total = weights.reduce((a, b) => a + b, 0);
    const share = ranges.map((r) => weights.slice(r.start, r.end).reduce((a, b) => a + b, 0) / total);
    for (const s of share) expect(Math.abs(s - 1 / completions)).toBeLessThan(0.05);
  });

  it('a pod without its index, or with one outside the Job, stops with a message', () => {
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: String(completions) }, completions)).toThrow(/outside/);
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '3' })).toThrow(/--shards/);
  });
});
