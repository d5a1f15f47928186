/**
 * The command line's inputs given as arguments: directories are recursed for
 * FITS files (sorted, so the output order is stable). Lists (--files-from) are
 * streamed by inputList.ts.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** File names taken from a directory: FITS, optionally gzip-compressed. */
const SPECTRUM_FILE = /\.(fits?|fts)(\.gz)?$/i;

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
