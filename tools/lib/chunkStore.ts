/**
 * The output directory of `analyze --out DIR`: what one task committed, so that a task killed and
 * run again carries on after its last committed chunk, and `merge` can check the whole.
 *
 *   chunk-<start>-<end>.parquet   the rows of input positions [start, end) (whole blocks), written
 *                                  atomically (catalogFile.ts writeAtomic)
 *   inputs-<start>-<end>.txt       the task's part of the input list: a header line
 *                                  '# gasnet inputs <start> <end> of <total> models <f,…>', then one path a line
 *   .tmp-*                         a write that did not finish (ignored; removed by the task that owns its range)
 *
 * Positions are 0-based over the whole input list (before sharding) and zero-padded to 10 digits,
 * so names sort in input order.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ModelFamily } from '../../src/core/types.ts';

const pad = (n: number) => String(n).padStart(10, '0');
const CHUNK = /^chunk-(\d{10})-(\d{10})\.parquet$/;
const INPUTS = /^inputs-(\d{10})-(\d{10})\.txt$/;
const TEMP = /^\.tmp-(?:chunk|inputs)-(\d{10})-(\d{10})\./;

export interface Span {
  start: number;
  end: number;
  name: string;
}

export const chunkName = (start: number, end: number) => `chunk-${pad(start)}-${pad(end)}.parquet`;

function spans(dir: string, re: RegExp): Span[] {
  if (!existsSync(dir)) return [];
  const out: Span[] = [];
  for (const name of readdirSync(dir)) {
    const m = re.exec(name);
    if (m) out.push({ start: Number(m[1]), end: Number(m[2]), name });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

export const committedChunks = (dir: string) => spans(dir, CHUNK);
export const inputManifests = (dir: string) => spans(dir, INPUTS);

/** Where a task over [start, end) carries on: the end of the committed chunks that follow on from `start`. */
export function resumePoint(dir: string, start: number, end: number): number {
  let at = start;
  for (const c of committedChunks(dir)) if (c.start === at && c.end <= end) at = c.end;
  return at;
}

/** Removes unfinished writes of the range [start, end) (never another task's). */
export function removeTemps(dir: string, start: number, end: number): void {
  for (const name of readdirSync(dir)) {
    const m = TEMP.exec(name);
    if (m && Number(m[1]) >= start && Number(m[2]) <= end) rmSync(join(dir, name), { force: true });
  }
}

export interface ManifestHeader {
  start: number;
  end: number;
  total: number;
  families: ModelFamily[];
}

const headerLine = (h: ManifestHeader) => `# gasnet inputs ${h.start} ${h.end} of ${h.total} models ${h.families.join(',')}`;

export function parseManifestHeader(line: string): ManifestHeader | undefined {
  const m = /^# gasnet inputs (\d+) (\d+) of (\d+) models ([a-z,]+)$/.exec(line);
  return m ? { start: Number(m[1]), end: Number(m[2]), total: Number(m[3]), families: m[4].split(',') as ModelFamily[] } : undefined;
}

async function sha256OfFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Writes the task's inputs file (atomically) from its paths; when one is there from an earlier
 * run, checks it is the same list and throws if not (the directory would mix two runs).
 */
export async function writeInputManifest(dir: string, header: ManifestHeader, paths: AsyncIterable<string>): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const name = `inputs-${pad(header.start)}-${pad(header.end)}.txt`;
  const tmp = join(dir, `.tmp-${name}.${process.pid}`);
  const fd = openSync(tmp, 'w');
  let buffer = headerLine(header) + '\n';
  for await (const p of paths) {
    buffer += p + '\n';
    if (buffer.length > 1 << 16) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  const final = join(dir, name);
  if (existsSync(final)) {
    const same = (await sha256OfFile(final)) === (await sha256OfFile(tmp));
    rmSync(tmp);
    if (!same) throw new Error(`${final} lists other inputs than this run: the output directory holds another run (use a new one)`);
    return;
  }
  renameSync(tmp, final);
}

/** The header and paths of an inputs file. */
export async function* readInputManifest(path: string): AsyncGenerator<{ header: ManifestHeader } | { path: string }> {
  let first = true;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (first) {
      first = false;
      const header = parseManifestHeader(line);
      if (!header) throw new Error(`${path}: not an inputs file of gasnet analyze`);
      yield { header };
    } else if (line !== '') yield { path: line };
  }
}
