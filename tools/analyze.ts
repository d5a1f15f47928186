/**
 * `npm run analyze -- …`: the command line's analysis under tsx (the same code as the built
 * `gasnet analyze`; options in tools/cli/analyzeCommand.ts).
 */
import { runAnalyze } from './cli/analyzeCommand.ts';

runAnalyze(process.argv.slice(2), [process.argv[1]]).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
