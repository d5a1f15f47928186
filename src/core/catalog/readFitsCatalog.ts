/**
 * A FITS binary-table catalog (our FITS export, `gasnet analyze --out
 * x.fits`, astropy or TOPCAT tables) through the project's FITS reader.
 * A FITS file is a catalog when no spectrum format recognises it and a table
 * HDU has a FILE column.
 */
import { findAdapter } from '../formats/index.ts';
import type { FitsFile, Hdu } from '../fits/types.ts';
import { kindByName } from './catalogSchema.ts';
import { numberColumn, textColumn } from './columnBuild.ts';
import type { CatalogColumn } from './types.ts';

/** The catalog table of an opened FITS file, or undefined when it is a spectrum file or has no FILE column. */
export function catalogHdu(file: FitsFile): Hdu | undefined {
  if (findAdapter(file)) return undefined;
  return file.hdus.find((h) => (h.kind === 'bintable' || h.kind === 'table') && file.columns(h).some((c) => c.name.trim().toLowerCase() === 'file'));
}

export async function readFitsCatalog(file: FitsFile, hdu: Hdu): Promise<{ nRows: number; columns: CatalogColumn[]; issues: string[] } | { error: string }> {
  const issues: string[] = [];
  const wanted = file.columns(hdu).filter((c) => {
    const heap = /[PQ]/i.test(c.tform.replace(/^\d+/, '').charAt(0));
    const vector = c.repeat !== 1 && !/A/i.test(c.tform);
    if (heap || vector) issues.push(`column "${c.name}" (TFORM ${c.tform}) holds arrays and is not shown`);
    return !heap && !vector;
  });
  const read = await file.readColumns(hdu, wanted.map((c) => c.name));
  if (!read.ok) return { error: read.error.message };
  const nRows = hdu.axes[1] ?? 0;
  const columns: CatalogColumn[] = wanted.map((c) => {
    const name = c.name.trim();
    const data = read.value[c.name];
    const kind = kindByName(name);
    if (data.kind === 'string') return kind === 'number' ? numberColumn(name, data.data.map(Number)) : textColumn(name, data.data);
    const values = data.data;
    // A text column stored as numbers (an empty column written by astropy): NaN is a missing cell.
    const asText = (v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? '' : String(v));
    return kind === 'text' ? textColumn(name, Array.from(values as ArrayLike<unknown>, asText)) : numberColumn(name, values as ArrayLike<unknown>);
  });
  return { nRows, columns, issues };
}
