/**
 * `analyze --jobs N` as this thread plus N − 1 workers (tools/cli/blockRunner.ts, mixRunners):
 * which runner takes a block and when, with runners that only record what they were given.
 * That the answers equal --jobs 1, in input order, is test/tools/gasnet.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Block, FileResult } from '../../tools/cli/analyzeBlock.ts';
import { mixRunners, type BlockRunner } from '../../tools/cli/blockRunner.ts';

interface Recorder extends BlockRunner {
  name: string;
  /** Blocks given and not yet finished, by first position. */
  running: Map<number, () => void>;
  given: number[];
  closed: boolean;
}

/** A runner whose blocks finish only when the test says so. */
function recorder(name: string): Recorder {
  const r: Recorder = {
    name,
    running: new Map(),
    given: [],
    closed: false,
    run: (block: Block) =>
      new Promise<FileResult[]>((resolve) => {
        r.given.push(block.start);
        r.running.set(block.start, () => {
          r.running.delete(block.start);
          resolve([{ seq: block.start, path: `${name}:${block.start}`, nSpectra: 0, results: [] }]);
        });
      }),
    close: async () => {
      r.closed = true;
    },
  };
  return r;
}

const block = (start: number): Block => ({ start, paths: [`f${start}`] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('mixRunners', () => {
  it('runs blocks here before the workers have started, then here and on every worker slot, the rest as they free up', async () => {
    const here = recorder('here');
    const pool = recorder('pool');
    const workers = deferred<BlockRunner>();
    const mixed = await mixRunners(Promise.resolve(here), workers.promise, 2);
    const answers = [0, 1, 2, 3, 4].map((i) => mixed.run(block(i)));
    await settle();
    expect(here.given).toEqual([0]); // the workers are still starting
    workers.resolve(pool);
    await settle();
    expect(pool.given).toEqual([1, 2]); // two slots
    here.running.get(0)!();
    await settle();
    expect(here.given).toEqual([0, 3]);
    pool.running.get(2)!();
    await settle();
    expect(pool.given).toEqual([1, 2, 4]);
    for (const r of [here, pool]) for (const done of [...r.running.values()]) done();
    const paths = (await Promise.all(answers)).map((a) => a[0].path);
    expect(paths).toEqual(['here:0', 'pool:1', 'pool:2', 'here:3', 'pool:4']);
    await mixed.close();
    expect(here.closed && pool.closed).toBe(true);
  });

  it('when the workers cannot start, blocks not yet running fail with their error; the one running here finishes', async () => {
    const here = recorder('here');
    const workers = deferred<BlockRunner>();
    const mixed = await mixRunners(Promise.resolve(here), workers.promise, 1);
    const first = mixed.run(block(0));
    const second = mixed.run(block(16));
    second.catch(() => {});
    await settle();
    workers.reject(new Error('a worker could not load the networks: no model'));
    await expect(second).rejects.toThrow(/could not load the networks/);
    await expect(mixed.run(block(32))).rejects.toThrow(/could not load the networks/);
    here.running.get(0)!();
    await expect(first).resolves.toEqual([expect.objectContaining({ path: 'here:0' })]);
  });

  it('when this thread cannot load its networks, the start fails and the workers are closed', async () => {
    const pool = recorder('pool');
    await expect(mixRunners(Promise.reject(new Error('no model here')), Promise.resolve(pool), 1)).rejects.toThrow('no model here');
    await settle();
    expect(pool.closed).toBe(true);
  });
});
