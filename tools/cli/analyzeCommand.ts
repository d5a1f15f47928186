/**
 * `gasnet analyze` (and `npm run analyze`): classify and measure redshifts of spectrum files.
 *
 *   gasnet analyze [--json] [--model encoder|unet|both] [--jobs N] [--shard I/N | --shards N]
 *        [--balance size|count] [--out DIR|FILE.parquet|FILE.fits] [--chunk-rows 4096] [--curves DIR]
 *        [--max-chi2 3] [--min-r 0.1] [--min-pixels 1000] [--close-classes 0.05]
 *        [--min-deltachi2 100] [--min-z2-snr 9.32] [--files-from LIST|-] FILE|DIR...
 *
 * Inputs: paths, directories (recursed for FITS files), and --files-from (one path per line, '-' for
 * standard input), streamed (tools/lib/inputList.ts). With a long argument list the command runs
 * itself again with the paths on standard input: onnxruntime-node 1.30 crashes (SIGSEGV) creating a
 * session when the process's argv holds more than ~500 entries, whatever the script does with argv.
 *
 * --jobs N (default: the number of cores) analyses blocks of files in this thread and N − 1 worker threads; output is
 * in input order and the answers are those of --jobs 1 (blockRunner.ts). --shard I/N takes the I-th
 * of N parts of the input (tools/lib/shard.ts; default from SLURM_ARRAY_TASK_ID or, with --shards N,
 * JOB_COMPLETION_INDEX). --out DIR writes the rows as committed Parquet chunks and resumes after the
 * last one when run again (tools/lib/chunkStore.ts); --out FILE.parquet|.fits writes one catalog
 * (through FILE.parts/, merged and removed at the end). Columns: docs/catalog.md.
 *
 * --outliers scores every spectrum against the whole run (the Local Outlier Factor of its encoder
 * coefficients within its class, core/anomaly): `outlier_lof` and the 'coefficient-outlier' flag; the
 * records are then printed at the end of the run, not as they come (not with --out: a shard alone
 * cannot give a score over the run).
 *
 * Without --out, --json prints one JSON object per line per spectrum (and model); a file that fails
 * prints {"file","error"} and the others carry on; otherwise a table. Exit code: 0 when any spectrum
 * was analysed (with --out: when every input has its rows), 1 otherwise, 2 for bad arguments.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CatalogRecord } from '../../src/core/export/catalogColumns.ts';
import { keyOf } from '../../src/core/export/spectrumKey.ts';
import { toCliRecord } from '../../src/core/result/cliRecord.ts';
import { withBatchOutliers } from '../../src/core/anomaly/batchOutliers.ts';
import type { SpectrumResult } from '../../src/core/result/spectrumResult.ts';
import type { FlagOptions } from '../../src/core/scan/types.ts';
import type { ModelFamily } from '../../src/core/types.ts';
import { catalogParquet, loadParquetWriter, writeAtomic } from '../lib/catalogFile.ts';
import { chunkName, removeTemps, resumePoint, writeInputManifest } from '../lib/chunkStore.ts';
import { inputList, inputWeights, type InputList } from '../lib/inputList.ts';
import { modelsVersion } from '../lib/nodeModels.ts';
import { formatTableRow, TABLE_HEADER } from '../lib/outcomeFormat.ts';
import { BLOCK_FILES, parseShard, shardFromEnv, shardRange, type Shard } from '../lib/shard.ts';
import type { Block, FileResult } from './analyzeBlock.ts';
import { inOrder, inProcessRunner, mixedRunner, type BlockRunner, type WorkerSetup } from './blockRunner.ts';
import { mergeDir } from './mergeCommand.ts';

const USAGE =
  'usage: gasnet analyze [--json] [--outliers] [--model encoder|unet|both] [--jobs N] [--shard I/N | --shards N] [--balance size|count] [--out DIR|FILE.parquet|FILE.fits] [--chunk-rows N] [--curves DIR] [--max-chi2 X] [--min-r X] [--min-pixels N] [--close-classes X] [--min-deltachi2 X] [--min-z2-snr X] [--files-from LIST|-] FILE|DIR...';

/** Anomaly thresholds settable on the command line (defaults in src/core/scan/flags.ts). */
const FLAG_OPTIONS: Record<string, keyof FlagOptions> = {
  '--max-chi2': 'maxChi2',
  '--min-r': 'minRobustness',
  '--min-pixels': 'minGoodPixels',
  '--close-classes': 'closeClassFraction',
  '--min-deltachi2': 'minDeltaChi2',
  '--min-z2-snr': 'minSecondZSnr',
};

interface Args {
  json: boolean;
  /** Score the run's spectra against one another (batch-level: printed at the end of the run). */
  outliers: boolean;
  curves?: string;
  flags: FlagOptions;
  families: ModelFamily[];
  files: string[];
  filesFrom?: string;
  jobs: number;
  shard?: Shard;
  shards?: number;
  balance: 'size' | 'count';
  out?: string;
  chunkRows: number;
  /** The options as given, without the paths (to run again with the paths on standard input). */
  options: string[];
}

/** Rows after which a chunk is committed (at the next block's end; --chunk-rows), and the longest wait for one. */
const CHUNK_ROWS = 4096;
const CHUNK_MS = 60_000;

const positiveInt = (a: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${a} takes a whole number ≥ 1 (got ${v ?? 'nothing'})`);
  return n;
};

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, outliers: false, flags: {}, families: ['encoder'], files: [], options: [], jobs: availableParallelism(), balance: 'size', chunkRows: CHUNK_ROWS };
  /** The value after option `a`, kept with it among the options. */
  const value = (a: string, i: number): string | undefined => {
    const v = argv[i];
    if (v !== undefined) args.options.push(a, v);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') {
      args.json = true;
      args.options.push(a);
    } else if (a === '--outliers') {
      args.outliers = true;
      args.options.push(a);
    } else if (a === '--files-from') {
      args.filesFrom = argv[++i];
      if (!args.filesFrom) throw new Error('--files-from takes a file of paths, or - for standard input');
    } else if (a === '--curves') {
      args.curves = value(a, ++i);
      if (!args.curves) throw new Error('--curves takes a directory');
    } else if (a === '--out') {
      args.out = value(a, ++i);
      if (!args.out) throw new Error('--out takes a directory, FILE.parquet or FILE.fits');
    } else if (a === '--jobs' || a === '-j') args.jobs = positiveInt(a, value(a, ++i));
    else if (a === '--chunk-rows') args.chunkRows = positiveInt(a, value(a, ++i));
    else if (a === '--shard') args.shard = parseShard(value(a, ++i) ?? '');
    else if (a === '--shards') args.shards = positiveInt(a, value(a, ++i));
    else if (a === '--balance') {
      const b = value(a, ++i);
      if (b !== 'size' && b !== 'count') throw new Error(`--balance takes size or count (got ${b ?? 'nothing'})`);
      args.balance = b;
    } else if (a === '--model') {
      const m = value(a, ++i);
      if (m === 'both') args.families = ['encoder', 'unet'];
      else if (m === 'encoder' || m === 'unet') args.families = [m];
      else throw new Error(`--model takes encoder, unet or both (got ${m ?? 'nothing'})`);
    } else if (a in FLAG_OPTIONS) {
      const v = Number(value(a, ++i));
      if (!Number.isFinite(v)) throw new Error(`${a} takes a number`);
      args.flags[FLAG_OPTIONS[a]] = v;
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else args.files.push(a);
  }
  if (args.files.length === 0 && args.filesFrom === undefined) throw new Error(`no files given\n${USAGE}`);
  // The score compares every spectrum of the run with the others: a shard or chunk alone cannot give it.
  if (args.outliers && args.out !== undefined) throw new Error('--outliers scores the whole run and prints it at the end; it does not go with --out');
  if (args.shard && args.shards !== undefined && args.shards !== args.shard.count) throw new Error(`--shard ${args.shard.index}/${args.shard.count} and --shards ${args.shards} disagree`);
  return args;
}

/** Arguments beyond which onnxruntime-node's session creation crashes (500 work, 575 do not). */
const MAX_ARGV = 256;

/** `relaunch`: the arguments that start this command again (before its options), for the long-argv relaunch. */
export async function runAnalyze(argv: string[], relaunch: string[]): Promise<number> {
  let args: Args;
  let shard: Shard;
  try {
    args = parseArgs(argv);
    shard = args.shard ?? shardFromEnv(process.env, args.shards);
  } catch (e) {
    console.error(String((e as Error).message));
    return 2;
  }
  if (process.argv.length > MAX_ARGV && args.filesFrom === undefined) return relaunchWithPathsOnStdin(args, relaunch);
  let list: InputList;
  try {
    list = inputList(args.files, args.filesFrom);
  } catch (e) {
    console.error(`cannot read the list of files: ${(e as Error).message}`);
    return 2;
  }
  const catalogFile = args.out !== undefined && /\.(parquet|fits?)$/i.test(args.out) ? args.out : undefined;
  if (catalogFile && shard.count > 1) {
    console.error(`--out ${catalogFile} with shard ${shard.index}/${shard.count}: a shard writes into a directory (--out DIR), which gasnet merge joins`);
    return 2;
  }
  const outDir = catalogFile ? `${catalogFile}.parts` : args.out;
  try {
    // the part of the input this task takes, and (with --out) where it carries on
    let start = 0;
    let end = Infinity;
    let total: number | undefined;
    if (shard.count > 1 || outDir !== undefined) {
      const weights = await inputWeights(list, shard.count > 1 ? args.balance : 'count');
      total = weights.length;
      ({ start, end } = shardRange(weights, shard));
    }
    let from = start;
    if (outDir !== undefined) {
      await loadParquetWriter(); // chunks are written as Parquet
      mkdirSync(outDir, { recursive: true });
      await writeInputManifest(outDir, { start, end, total: total!, families: args.families }, take(list.paths(start), end - start));
      removeTemps(outDir, start, end);
      from = resumePoint(outDir, start, end);
      if (from > start) console.error(`${outDir}: inputs ${start}…${from - 1} already committed; carrying on from ${from}`);
    }
    const setup: WorkerSetup = { families: args.families, flags: args.flags, curves: args.curves };
    if (args.curves) mkdirSync(args.curves, { recursive: true });
    const succeeded = await analyzeRange(args, setup, list, from, end, outDir);
    if (catalogFile) {
      const merged = await mergeDir(outDir!, { out: catalogFile });
      if (merged !== 0) return merged;
      rmSync(outDir!, { recursive: true, force: true });
    }
    return outDir !== undefined || succeeded > 0 ? 0 : 1;
  } catch (e) {
    console.error(String((e as Error).message ?? e));
    return 1;
  }
}

async function* take(paths: AsyncGenerator<string>, n: number): AsyncGenerator<string> {
  if (n <= 0) return;
  let i = 0;
  for await (const p of paths) {
    yield p;
    if (++i >= n) return;
  }
}

/** Blocks of BLOCK_FILES positions counted from the start of the whole list (shards and chunks cut only between blocks). */
async function* blocksOf(paths: AsyncIterable<string>, from: number): AsyncGenerator<Block> {
  let block: Block = { start: from, paths: [] };
  for await (const p of paths) {
    block.paths.push(p);
    if ((block.start + block.paths.length) % BLOCK_FILES === 0) {
      yield block;
      block = { start: block.start + block.paths.length, paths: [] };
    }
  }
  if (block.paths.length > 0) yield block;
}

async function analyzeRange(args: Args, setup: WorkerSetup, list: InputList, from: number, end: number, outDir: string | undefined): Promise<number> {
  if (from >= end) return 0;
  const blocks = blocksOf(end === Infinity ? list.paths(from) : take(list.paths(from), end - from), from);
  // no more threads than blocks: one file needs no worker to start
  const blockCount = list.size !== undefined ? Math.ceil((Math.min(end, list.size) - from) / BLOCK_FILES) : Infinity;
  const jobs = Math.max(1, Math.min(args.jobs, blockCount));
  let runner: BlockRunner | undefined;
  const print = outDir === undefined || args.json;
  if (print && !args.json) console.log(TABLE_HEADER);
  const version = outDir !== undefined ? modelsVersion() : '';
  let pending: CatalogRecord[] = [];
  let chunkStart = from;
  let lastCommit = Date.now();
  const commit = (chunkEnd: number) => {
    if (chunkEnd === chunkStart) return;
    writeAtomic(join(outDir!, chunkName(chunkStart, chunkEnd)), catalogParquet(pending, { gasnet_model_version: version }));
    pending = [];
    chunkStart = chunkEnd;
    lastCommit = Date.now();
  };
  let succeeded = 0;
  const held: FileResult[] = [];
  try {
    runner = jobs === 1 ? await inProcessRunner(setup) : await mixedRunner(jobs, setup);
    let blockEnd = from;
    for await (const files of inOrder(blocks, runner.run, jobs === 1 ? 1 : jobs * 4)) {
      const lines: string[] | undefined = print && !args.outliers ? [] : undefined;
      if (args.outliers) held.push(...files);
      for (const f of files) {
        succeeded += emit(f, args, lines);
        if (outDir !== undefined) pending.push(...catalogRecords(f, args.families, version));
        blockEnd = f.seq + 1;
      }
      if (lines && lines.length > 0) await write(lines.join('\n') + '\n');
      if (outDir !== undefined && (pending.length >= args.chunkRows || Date.now() - lastCommit >= CHUNK_MS)) commit(blockEnd);
    }
    if (outDir !== undefined) commit(blockEnd);
    if (args.outliers) await write(withOutliers(held, args.families).flatMap((f) => { const lines: string[] = []; emit(f, args, lines); return lines; }).map((l) => l + '\n').join(''));
  } finally {
    await runner?.close();
  }
  return succeeded;
}

/** A file's rows as printed (JSON lines or table rows) into `lines`; returns how many spectra were analysed. */
function emit(f: FileResult, args: Args, lines: string[] | undefined): number {
  let ok = 0;
  const file = f.path.split('/').pop()!;
  if (f.fileError !== undefined) {
    lines?.push(args.json ? JSON.stringify({ file, error: f.fileError }) : `${file}\terror: ${f.fileError}`);
    return 0;
  }
  for (const r of f.results) {
    if (r.error === undefined) ok++;
    if (!lines) continue;
    const row = toCliRecord(r, args.families.length > 1);
    lines.push(args.json ? JSON.stringify(row) : formatTableRow(row));
  }
  return ok;
}

/** The files' results with each spectrum's outlier score and flag among the run's spectra of its model family. */
function withOutliers(files: FileResult[], families: readonly ModelFamily[]): FileResult[] {
  const scored = new Map<SpectrumResult, SpectrumResult>();
  for (const family of families) {
    const rows = files.flatMap((f) => f.results.filter((r) => r.family === family));
    withBatchOutliers(rows).forEach((r, i) => scored.set(rows[i], r));
  }
  return files.map((f) => ({ ...f, results: f.results.map((r) => scored.get(r) ?? r) }));
}

/** Text to standard output, waiting when the pipe is full (so a slow reader bounds memory). */
function write(text: string): Promise<void> | undefined {
  if (process.stdout.write(text)) return undefined;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** A file's catalog rows: one per spectrum and family, or one per family saying why the file failed. */
function catalogRecords(f: FileResult, families: readonly ModelFamily[], modelVersion: string): CatalogRecord[] {
  const place = { path: f.path, seq: f.seq, nSpectra: f.nSpectra, modelVersion };
  const file = f.path.split('/').pop()!;
  if (f.fileError !== undefined) {
    return families.map((family) => {
      const row = { fileName: file, index: 0, spectrumId: '', meta: { format: '' }, family, flags: [], error: f.fileError };
      return { ...place, key: keyOf(row), ident: { fileName: file, index: 0, spectrumId: '' }, row };
    });
  }
  return f.results.map((row) => ({ ...place, key: keyOf(row), ident: { fileName: row.fileName, index: row.index, spectrumId: row.spectrumId }, row }));
}

/** The same command with the paths on standard input: its output and exit code are this one's. */
function relaunchWithPathsOnStdin(args: Args, relaunch: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...relaunch, ...args.options, '--files-from', '-'], { stdio: ['pipe', 'inherit', 'inherit'] });
    child.on('error', (e) => {
      console.error(`cannot run the analysis: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.stdin.end(args.files.join('\n') + '\n');
  });
}
