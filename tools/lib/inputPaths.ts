/**
 * The command line's inputs: paths given as arguments, read from a list
 * (`--files-from LIST`, one path per line, `-` for standard input) so that a
 * survey's million paths never meet the shell's argument limit, and
 * directories, recursed for FITS files (sorted, so the output order is stable).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** File names taken from a directory: FITS, optionally gzip-compressed. */
const SPECTRUM_FILE = /\.(fits?|fts)(\.gz)?$/i;

/** Non-empty, trimmed lines of a list ('#' starts a comment line). */
export function readList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Paths in the order given; a directory becomes its FITS files, recursively and sorted. */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(p);
      else if (st?.isFile() && SPECTRUM_FILE.test(name)) out.push(p);
    }
  };
  for (const p of paths) {
    if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) walk(p);
    else out.push(p); // a missing file is reported by the analysis, as any unreadable one
  }
  return out;
}

/** The list behind --files-from: a file, or standard input for '-'. */
export function readFilesFrom(source: string): string[] {
  return readList(readFileSync(source === '-' ? 0 : source, 'utf8'));
}
