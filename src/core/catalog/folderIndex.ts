/**
 * Finding a catalog row's spectrum file in a folder the user picked. Files
 * are indexed by name and by relative path; a catalog's `file` may be a bare
 * name (the app's export, the command line's default) or a path written on
 * another machine, so the longest matching tail of the path wins, then the
 * name alone.
 */

export interface IndexedFile {
  /** Path inside the picked folder, '/'-separated, e.g. 'sdss/spec-0375-52140-0356.fits'. */
  path: string;
}

export interface FolderIndex<F extends IndexedFile> {
  byName: Map<string, F[]>;
  size: number;
}

const segments = (path: string) => path.replaceAll('\\', '/').split('/').filter((s) => s !== '' && s !== '.');

export function indexFolder<F extends IndexedFile>(files: readonly F[]): FolderIndex<F> {
  const byName = new Map<string, F[]>();
  for (const f of files) {
    const name = segments(f.path).at(-1) ?? f.path;
    const list = byName.get(name);
    if (list) list.push(f);
    else byName.set(name, [f]);
  }
  return { byName, size: files.length };
}

/** The base name of a catalog's file cell (what browsers call a file). */
export function baseName(path: string): string {
  return segments(path).at(-1) ?? path;
}

/** How many trailing path segments two paths share. */
function sharedTail(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** The file a catalog cell names: among same-named files, the one sharing the longest path tail (then the shortest path). */
export function findFile<F extends IndexedFile>(index: FolderIndex<F>, catalogPath: string): F | undefined {
  const want = segments(catalogPath);
  const candidates = index.byName.get(want.at(-1) ?? '');
  if (!candidates || candidates.length === 0) return undefined;
  let best = candidates[0];
  let bestTail = -1;
  for (const f of candidates) {
    const have = segments(f.path);
    const tail = sharedTail(want, have);
    if (tail > bestTail || (tail === bestTail && have.length < segments(best.path).length)) {
      best = f;
      bestTail = tail;
    }
  }
  return best;
}
