/**
 * Command line over the core: classify and measure redshifts of spectrum files.
 *
 *   npm run --silent analyze -- [--json] [--model encoder|unet|both] [--curves DIR]
 *        [--max-chi2 3] [--min-r 0.1] [--min-pixels 1000] [--close-classes 0.05]
 *        [--min-deltachi2 100] [--min-z2-snr 9.32] [--files-from LIST|-] FILE|DIR...
 *
 * Inputs: paths, directories (recursed for FITS files), and --files-from (one path per line, '-' for
 * standard input). With a long argument list the command runs itself again with the paths on
 * standard input: onnxruntime-node 1.30 crashes (SIGSEGV) creating a session when the process's
 * argv holds more than ~500 entries, whatever the script does with process.argv.
 *
 * --json prints one JSON object per line per spectrum (and model); a file
 * that fails prints {"file","error"} and the others carry on. --curves DIR
 * writes DIR/<file>.chi2.fits with every analysed spectrum's three χ² curves
 * (tools/lib/curvesFits.ts). --outliers scores every spectrum against the whole run (the Local
 * Outlier Factor of its coefficients within its class, core/anomaly): `outlier_lof` and the
 * 'coefficient-outlier' flag; the records are then printed at the end of the run, not as they come.
 * Exit code 0 when any spectrum was analysed, 1 otherwise.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeFile, resultOf } from '../src/core/analyzeFile.ts';
import { openSpectra } from '../src/core/formats/index.ts';
import type { Analyzer } from '../src/core/scan/pipeline.ts';
import type { FlagOptions } from '../src/core/scan/types.ts';
import type { ModelFamily } from '../src/core/types.ts';
import { loadAnalyzer } from './lib/nodeModels.ts';
import { curvesHdus, curvesPrimary } from './lib/curvesFits.ts';
import { expandPaths, readFilesFrom } from './lib/inputPaths.ts';
import { nodeFileSource } from './nodeFileSource.ts';
import { toCliRecord } from '../src/core/result/cliRecord.ts';
import type { SpectrumResult } from '../src/core/result/spectrumResult.ts';
import { withBatchOutliers } from '../src/core/anomaly/batchOutliers.ts';
import { formatTableRow, TABLE_HEADER } from './lib/outcomeFormat.ts';

const USAGE =
  'usage: npm run --silent analyze -- [--json] [--outliers] [--model encoder|unet|both] [--curves DIR] [--max-chi2 X] [--min-r X] [--min-pixels N] [--close-classes X] [--min-deltachi2 X] [--min-z2-snr X] [--files-from LIST|-] FILE|DIR...';

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
  /** Score the run's spectra against one another (batch-level: printed at the end). */
  outliers: boolean;
  /** Directory for the χ² curve files, when asked. */
  curves?: string;
  flags: FlagOptions;
  families: ModelFamily[];
  files: string[];
  /** --files-from: a list file, or '-' for standard input. */
  filesFrom?: string;
  /** The options as given, without the paths (to run again with the paths on standard input). */
  options: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, outliers: false, flags: {}, families: ['encoder'], files: [], options: [] };
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
  return args;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(String((e as Error).message));
    return 2;
  }
  if (process.argv.length > MAX_ARGV && args.filesFrom === undefined) return relaunchWithPathsOnStdin(args);
  let paths: string[];
  try {
    paths = expandPaths([...args.files, ...(args.filesFrom !== undefined ? readFilesFrom(args.filesFrom) : [])]);
  } catch (e) {
    console.error(`cannot read the list of files: ${(e as Error).message}`);
    return 2;
  }
  const analyzers: Analyzer[] = [];
  for (const f of args.families) analyzers.push(await loadAnalyzer(f, { flags: args.flags }));
  if (!args.json) console.log(TABLE_HEADER);
  if (args.curves) mkdirSync(args.curves, { recursive: true });

  let succeeded = 0;
  const print = (o: object) => console.log(JSON.stringify(o));
  const held: SpectrumResult[] = [];
  const emit = (r: SpectrumResult) => {
    const row = toCliRecord(r, analyzers.length > 1);
    if (args.json) print(row);
    else console.log(formatTableRow(row));
  };
  for (const path of paths) {
    const file = basename(path);
    const source = await nodeFileSource(path).catch((e: Error) => e);
    if (source instanceof Error) {
      if (args.json) print({ file, error: `${file}: cannot read the file (${source.message})` });
      else console.log(`${file}\terror: ${source.message}`);
      continue;
    }
    const opened = await openSpectra(source);
    if (!opened.ok) {
      if (args.json) print({ file, error: opened.error.message });
      else console.log(`${file}\terror: ${opened.error.message}`);
      await source.close();
      continue;
    }
    const curvesPath = args.curves ? join(args.curves, `${file.replace(/\.[^.]+(\.gz)?$/i, '')}.chi2.fits`) : undefined;
    if (curvesPath) writeFileSync(curvesPath, curvesPrimary(file));
    for await (const outcome of analyzeFile(opened.value, analyzers, { clock: () => performance.now() })) {
      if (outcome.result.ok) succeeded++;
      if (curvesPath && outcome.result.ok) {
        appendFileSync(curvesPath, curvesHdus({ index: outcome.index, id: outcome.spectrum?.id, family: outcome.family, result: outcome.result.value }));
      }
      const result = resultOf(file, outcome);
      if (args.outliers) held.push(result);
      else emit(result);
    }
    await source.close();
  }
  // Scored per model family: each family's answers form their own batch.
  for (const family of args.families) for (const r of withBatchOutliers(held.filter((h) => h.family === family))) emit(r);
  // process.exit does not wait for a piped stdout: let what was printed at the end drain first.
  if (held.length > 0) await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  return succeeded > 0 ? 0 : 1;
}

/** Arguments beyond which onnxruntime-node's session creation crashes (500 work, 575 do not). */
const MAX_ARGV = 256;

/** The same command with the paths on standard input: its output and exit code are this one's. */
function relaunchWithPathsOnStdin(args: Args): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...args.options, '--files-from', '-'], { stdio: ['pipe', 'inherit', 'inherit'] });
    child.on('error', (e) => {
      console.error(`cannot run the analysis: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.stdin.end(args.files.join('\n') + '\n');
  });
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
