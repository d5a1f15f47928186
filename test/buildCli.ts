/**
 * Vitest global set-up: builds the command-line bundle (dist-cli/, `npm run build:cli`) once
 * before any test file runs, so that tests of the built CLI (test/tools/gasnet.test.ts,
 * test/slurm/) run today's code and never race each other rebuilding it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function buildCli(): void {
  const built = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:cli failed:\n${built.stderr}`);
}
