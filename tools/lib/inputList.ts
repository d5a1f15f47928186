/**
 * The command line's input list as a stream: paths given as arguments (directories expanded,
 * tools/lib/inputPaths.ts) then the lines of --files-from. A list file is read line by line each
 * time it is walked, so a survey's million paths are never all in memory; standard input can be
 * read only once, so its lines are kept.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { expandPaths } from './inputPaths.ts';

export interface InputList {
  /** The paths in input order, from position `from` (0-based) on. */
  paths(from?: number): AsyncGenerator<string>;
  /** How many paths, when known without reading a list file. */
  size?: number;
}

/** A list line that names a path ('#' starts a comment line), or undefined. */
function pathOfLine(line: string): string | undefined {
  const t = line.trim();
  return t === '' || t.startsWith('#') ? undefined : t;
}

export function inputList(args: readonly string[], filesFrom?: string): InputList {
  const given = expandPaths(args);
  let stdin: string[] | undefined;
  if (filesFrom === '-') {
    stdin = [];
    for (const line of readFileSync(0, 'utf8').split('\n')) {
      const p = pathOfLine(line);
      if (p !== undefined) stdin.push(p);
    }
  }
  return {
    size: filesFrom === undefined || stdin ? given.length + (stdin?.length ?? 0) : undefined,
    async *paths(from = 0) {
      let i = 0;
      for (const p of given) if (i++ >= from) yield p;
      if (stdin) {
        for (const p of stdin) if (i++ >= from) yield p;
      } else if (filesFrom !== undefined) {
        const lines = createInterface({ input: createReadStream(filesFrom, 'utf8'), crlfDelay: Infinity });
        for await (const line of lines) {
          const p = pathOfLine(line);
          if (p !== undefined && i++ >= from) yield p;
        }
      }
    },
  };
}

/** Weight of each input for balancing shards: its size in bytes (1 when it cannot be read), or 1 each. */
export async function inputWeights(list: InputList, by: 'size' | 'count'): Promise<Float64Array> {
  let w = new Float64Array(1024);
  let n = 0;
  for await (const p of list.paths()) {
    if (n === w.length) {
      const bigger = new Float64Array(w.length * 2);
      bigger.set(w);
      w = bigger;
    }
    w[n++] = by === 'count' ? 1 : Math.max(1, statSync(p, { throwIfNoEntry: false })?.size ?? 1);
  }
  return w.subarray(0, n);
}
