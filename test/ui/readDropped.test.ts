// @vitest-environment happy-dom
/**
 * Folder drops: DataTransfer items → entries walked recursively. The entry
 * objects are built by hand (no browser drag here) around real fixture files.
 */
import { File as NodeFile } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromDataTransfer, isAccepted } from '../../src/ui/readDropped.ts';
import { FIXTURES } from '../worker/nodeEngine.ts';

const file = (path: string, name: string) => new NodeFile([readFileSync(join(FIXTURES, path))], name) as unknown as File;

function fileEntry(f: File) {
  return { isFile: true, isDirectory: false, name: f.name, file: (ok: (f: File) => void) => ok(f) };
}
/** readEntries hands out children two at a time, then [] — as browsers do in chunks. */
function dirEntry(name: string, children: unknown[]) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader() {
      let at = 0;
      return {
        readEntries(ok: (e: unknown[]) => void) {
          ok(children.slice(at, at + 2));
          at += 2;
        },
      };
    },
  };
}
const item = (entry: unknown) => ({ kind: 'file', webkitGetAsEntry: () => entry, getAsFile: () => null });

describe('filesFromDataTransfer', () => {
  it('walks nested folders, keeps only spectrum files, sorts by name', async () => {
    const a = file('sdss/spec-0375-52140-0356.fits', 'spec-0375-52140-0356.fits');
    const b = file('sdss/spec-0559-52316-0121.fits', 'spec-0559-52316-0121.fits');
    const c = file('formats/spectrum.csv', 'spectrum.csv');
    const gz = file('formats/lamost_old.fits.gz', 'lamost_old.fits.gz');
    const junk = new NodeFile(['x'], 'notes.doc') as unknown as File;
    const tree = dirEntry('night1', [fileEntry(b), fileEntry(junk), dirEntry('sub', [fileEntry(c), fileEntry(gz)])]);
    const dt = { items: [item(tree), item(fileEntry(a))], files: [] } as unknown as DataTransfer;
    const out = await filesFromDataTransfer(dt);
    expect(out.map((f) => f.name)).toEqual(['lamost_old.fits.gz', 'spec-0375-52140-0356.fits', 'spec-0559-52316-0121.fits', 'spectrum.csv']);
    expect(out[1].size).toBe(a.size);
  });

  it('falls back to dataTransfer.files when items give no entries', async () => {
    const a = file('sdss/spec-0375-52140-0356.fits', 'spec-0375-52140-0356.fits');
    const out = await filesFromDataTransfer({ items: [], files: [a] } as unknown as DataTransfer);
    expect(out).toEqual([a]);
  });

  it('accepts the advertised extensions, case-insensitively', () => {
    for (const n of ['a.fits', 'a.FIT', 'a.fits.gz', 'a.fts', 'a.csv', 'a.txt']) expect(isAccepted(n)).toBe(true);
    for (const n of ['a.png', 'a.gz.txt.doc', 'fits']) expect(isAccepted(n)).toBe(false);
  });
});

describe('isAccepted', () => {
  it('takes FITS (plain or gzip) and text; refuses tile-compressed .fz, which the reader does not decode', () => {
    for (const name of ['a.fits', 'b.FIT', 'c.fits.gz', 'd.fts', 'e.csv', 'f.txt']) expect(isAccepted(name)).toBe(true);
    for (const name of ['g.fits.fz', 'h.fz', 'i.png']) expect(isAccepted(name)).toBe(false);
  });
});
