/**
 * Which dropped or chosen files are catalogs. Decided from their bytes
 * (core/catalog/readCatalog.ts catalogKind), never the name alone; to keep a
 * drop of thousands of spectra quick, only Parquet-named files and drops of
 * a few files are looked into (a catalog comes alone).
 */
import { catalogKind } from '../../core/catalog/readCatalog.ts';

const FEW_FILES = 8;

export async function splitCatalogs(files: readonly File[]): Promise<{ catalogs: File[]; spectra: File[] }> {
  const catalogs: File[] = [];
  const spectra: File[] = [];
  const few = files.length <= FEW_FILES;
  for (const f of files) {
    const parquetName = /\.(parquet|pq)$/i.test(f.name);
    if (parquetName) catalogs.push(f); // an unreadable one gets the catalog reader's message
    else if (few && (await catalogKind(f))) catalogs.push(f);
    else spectra.push(f);
  }
  return { catalogs, spectra };
}
