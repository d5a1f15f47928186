/**
 * Open a catalog file of any supported kind, from its bytes (never its
 * name): Parquet (PAR1 magic), FITS with a catalog table, or CSV with a
 * `file` column. Every refusal names the file and the reason.
 */
import { blobSource, type BlobLike } from '../fits/byteSource.ts';
import { openFits } from '../fits/index.ts';
import { SNIFF_BYTES, sniff } from '../formats/sniff.ts';
import { fail, ok, type Result } from '../types.ts';
import { catalogRoles } from './catalogSchema.ts';
import { catalogHdu, readFitsCatalog } from './readFitsCatalog.ts';
import { isCsvCatalogHead, readCsvCatalog } from './readCsvCatalog.ts';
import { isParquet, readParquetCatalog } from './readParquetCatalog.ts';
import type { CatalogError, CatalogFormat, CatalogTable } from './types.ts';

export interface CatalogBlob extends BlobLike {
  name: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

async function head(blob: BlobLike): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, Math.min(blob.size, SNIFF_BYTES)).arrayBuffer());
}

/**
 * The catalog kind of a file, or undefined for anything else (a spectrum).
 * Cheap: reads the first bytes, and for FITS the headers only.
 */
export async function catalogKind(blob: BlobLike & { name: string }): Promise<CatalogFormat | undefined> {
  if (blob.size === 0) return undefined;
  const bytes = await head(blob);
  if (isParquet(bytes)) return 'parquet';
  const kind = sniff(bytes);
  if (kind === 'text') return isCsvCatalogHead(String.fromCharCode(...bytes.subarray(0, bytes.indexOf(10) >= 0 ? bytes.indexOf(10) : bytes.length))) ? 'csv' : undefined;
  if (kind === 'fits') {
    const fits = await openFits(blobSource(blob, blob.name));
    return fits.ok && catalogHdu(fits.value) ? 'fits' : undefined;
  }
  return undefined;
}

const refuse = (file: string, reason: string): Result<never, CatalogError> => fail({ file, message: `${file}: not a readable catalog: ${reason}` });

export async function readCatalog(blob: CatalogBlob): Promise<Result<CatalogTable, CatalogError>> {
  const name = blob.name;
  if (blob.size === 0) return refuse(name, 'the file is empty');
  const bytes = await head(blob);
  let format: CatalogFormat;
  let read: { nRows: number; columns: CatalogTable['columns']; issues: string[] } | { error: string };
  try {
    if (isParquet(bytes)) {
      format = 'parquet';
      read = await readParquetCatalog(await blob.arrayBuffer());
    } else if (sniff(bytes) === 'fits') {
      format = 'fits';
      const fits = await openFits(blobSource(blob, name));
      if (!fits.ok) return refuse(name, fits.error.message);
      const hdu = catalogHdu(fits.value);
      if (!hdu) return refuse(name, 'it is FITS, but no table HDU has a FILE column (or it is a spectrum file: drop it as a spectrum)');
      read = await readFitsCatalog(fits.value, hdu);
    } else if (sniff(bytes) === 'text') {
      format = 'csv';
      read = readCsvCatalog(await blob.text());
    } else {
      return refuse(name, 'it is neither Parquet, FITS nor CSV text');
    }
  } catch (e) {
    // hyparquet throws on corrupt files (bad footer, unknown codec): the reason is its message.
    return refuse(name, e instanceof Error ? e.message : String(e));
  }
  if ('error' in read) return refuse(name, read.error);
  if (!catalogRoles(read.columns)) {
    const names = read.columns.map((c) => c.name).slice(0, 12).join(', ');
    return refuse(name, `it has no text column named "file" (columns: ${names || 'none'})`);
  }
  return ok({ source: name, format, nRows: read.nRows, columns: read.columns, issues: read.issues });
}
