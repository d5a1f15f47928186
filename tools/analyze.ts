/**
 * Command line over the core: classify and measure redshifts of spectrum files.
 *
 *   npm run --silent analyze -- [--json] [--model encoder|unet|both] [--curves DIR]
 *        [--max-chi2 3] [--min-r 0.1] [--min-pixels 1000] [--close-classes 0.05]
 *        [--min-deltachi2 100] [--min-z2-snr 9.32] FILE...
 *
 * --json prints one JSON object per line per spectrum (and model); a file
 * that fails prints {"file","error"} and the others carry on. --curves DIR
 * writes DIR/<file>.chi2.fits with every analysed spectrum's three χ² curves
 * (tools/lib/curvesFits.ts). Exit code 0 when any spectrum was analysed, 1 otherwise.
 */
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
import { nodeFileSource } from './nodeFileSource.ts';
import { toCliRecord } from '../src/core/result/cliRecord.ts';
import { formatTableRow, TABLE_HEADER } from './lib/outcomeFormat.ts';

const USAGE =
  'usage: npm run --silent analyze -- [--json] [--model encoder|unet|both] [--curves DIR] [--max-chi2 X] [--min-r X] [--min-pixels N] [--close-classes X] [--min-deltachi2 X] [--min-z2-snr X] FILE...';

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
  /** Directory for the χ² curve files, when asked. */
  curves?: string;
  flags: FlagOptions;
  families: ModelFamily[];
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, flags: {}, families: ['encoder'], files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--curves') {
      args.curves = argv[++i];
      if (!args.curves) throw new Error('--curves takes a directory');
    }
    else if (a === '--model') {
      const m = argv[++i];
      if (m === 'both') args.families = ['encoder', 'unet'];
      else if (m === 'encoder' || m === 'unet') args.families = [m];
      else throw new Error(`--model takes encoder, unet or both (got ${m ?? 'nothing'})`);
    } else if (a in FLAG_OPTIONS) {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v)) throw new Error(`${a} takes a number`);
      args.flags[FLAG_OPTIONS[a]] = v;
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else args.files.push(a);
  }
  if (args.files.length === 0) throw new Error(`no files given\n${USAGE}`);
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
  const analyzers: Analyzer[] = [];
  for (const f of args.families) analyzers.push(await loadAnalyzer(f, { flags: args.flags }));
  if (!args.json) console.log(TABLE_HEADER);
  if (args.curves) mkdirSync(args.curves, { recursive: true });

  let succeeded = 0;
  const print = (o: object) => console.log(JSON.stringify(o));
  for (const path of args.files) {
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
      const row = toCliRecord(resultOf(file, outcome), analyzers.length > 1);
      if (args.json) print(row);
      else console.log(formatTableRow(row));
    }
    await source.close();
  }
  return succeeded > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
