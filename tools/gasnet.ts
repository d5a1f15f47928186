/**
 * The installed command line (`npx gasnet …`, package.json "bin", built by `npm run build:cli`
 * into dist-cli/gasnet.mjs and run with plain node):
 *
 *   gasnet analyze [options] FILE|DIR...      tools/cli/analyzeCommand.ts
 *   gasnet merge DIR --out catalog.parquet    tools/cli/mergeCommand.ts
 */
import { runAnalyze } from './cli/analyzeCommand.ts';
import { runMerge } from './cli/mergeCommand.ts';

const USAGE = 'usage: gasnet analyze [options] FILE|DIR...   |   gasnet merge DIR [--files-from LIST] --out catalog.parquet|catalog.fits\n(gasnet analyze --help for the options)';

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'analyze') return runAnalyze(rest, [process.argv[1], 'analyze']);
  if (command === 'merge') return runMerge(rest);
  console.log(USAGE);
  return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
