/**
 * Files from a drop: plain files and whole folders (walked recursively with
 * webkitGetAsEntry), keeping only the extensions the app reads.
 */

// No '.fz': tile-compressed FITS is not decoded (src/core/fits reads gzip only).
// '.parquet': a survey catalog (ui/catalog/splitCatalogs.ts sends it to the catalog pane).
export const ACCEPTED_EXTENSIONS = ['.fits', '.fit', '.fits.gz', '.fit.gz', '.fts', '.csv', '.txt', '.parquet'] as const;
/** For `<input accept>`. */
export const ACCEPT_ATTRIBUTE = '.fits,.fit,.fits.gz,.fts,.gz,.csv,.txt,.parquet';

export function isAccepted(name: string): boolean {
  const n = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((e) => n.endsWith(e));
}

function fileOf(entry: FileSystemFileEntry): Promise<File | undefined> {
  return new Promise((resolve) => entry.file(resolve, () => resolve(undefined)));
}

/** All entries of a directory (readEntries returns them in chunks). */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (chunk.length === 0) return out;
    out.push(...chunk);
  }
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    const f = await fileOf(entry as FileSystemFileEntry);
    if (f && isAccepted(f.name)) out.push(f);
  } else if (entry.isDirectory) {
    for (const e of await readAll(entry as FileSystemDirectoryEntry)) await walk(e, out);
  }
}

/** Accepted files of a DataTransfer, folders included, sorted by name. */
export async function filesFromDataTransfer(dt: DataTransfer): Promise<File[]> {
  const out: File[] = [];
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(dt.files ?? []));
  for (const e of entries) await walk(e, out);
  for (const f of loose) if (isAccepted(f.name)) out.push(f);
  return out.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}
