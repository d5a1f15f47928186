import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { bestChi2Column, catalogRoles, flaggedRows } from '../../../src/core/catalog/catalogSchema.ts';
import { cellText } from '../../../src/core/catalog/columnBuild.ts';
import { catalogKind, readCatalog } from '../../../src/core/catalog/readCatalog.ts';
import type { CatalogTable } from '../../../src/core/catalog/types.ts';
import { analyzeRecords, CATALOG_DIR, fixtureFile } from './fixtureFiles.ts';

const FORMATS = join(CATALOG_DIR, '..', 'formats');
const SDSS = join(CATALOG_DIR, '..', 'sdss');

async function read(name: string): Promise<CatalogTable> {
  const r = await readCatalog(fixtureFile(name));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('readCatalog on the SDSS fixture catalog', () => {
  const records = analyzeRecords();

  it.each(['sdss.parquet', 'sdss.csv', 'sdss.fits'])('%s: every row of the analysis, its file, class, z and best χ², 13 flagged', async (name) => {
    const t = await read(name);
    expect(t.nRows).toBe(records.length);
    const roles = catalogRoles(t.columns)!;
    expect(roles).toBeDefined();
    const chi2 = bestChi2Column(t.columns, roles, t.nRows);
    const flagged = flaggedRows(roles, t.nRows);
    records.forEach((rec, r) => {
      expect(cellText(roles.file, r)).toBe(rec.file);
      expect(roles.index!.data[r]).toBe(rec.index);
      expect(cellText(roles.id!, r)).toBe(rec.id);
      expect(cellText(roles.cls!, r)).toBe(rec.class);
      expect(roles.z!.data[r]).toBeCloseTo(rec.z, 12);
      expect(chi2[r]).toBeCloseTo(rec.chi2[rec.class], 12);
      expect(flagged[r]).toBe(rec.anomaly.length > 0 ? 1 : 0);
    });
    expect(flagged.reduce((a, b) => a + b, 0)).toBe(13);
    // A column the app does not know (time per spectrum) is kept, as numbers.
    const ms = t.columns.find((c) => c.name.toLowerCase() === 'ms');
    expect(ms?.kind).toBe('number');
  });

  it('knows a catalog from a spectrum by its bytes', async () => {
    expect(await catalogKind(fixtureFile('sdss.parquet'))).toBe('parquet');
    expect(await catalogKind(fixtureFile('sdss.csv'))).toBe('csv');
    expect(await catalogKind(fixtureFile('sdss.fits'))).toBe('fits');
    expect(await catalogKind(fixtureFile('spec-0375-52140-0356.fits', SDSS))).toBeUndefined();
    expect(await catalogKind(fixtureFile('spectrum.csv', FORMATS))).toBeUndefined();
    expect(await catalogKind(fixtureFile('generic_rows.fits', FORMATS))).toBeUndefined();
  });
});

describe('readCatalog refuses bad catalogs, naming the file and the reason', () => {
  it('a spectrum FITS file', async () => {
    const r = await readCatalog(fixtureFile('spec-0375-52140-0356.fits', SDSS));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^spec-0375-52140-0356\.fits: not a readable catalog: .*FILE column/);
  });
  it('a truncated Parquet file', async () => {
    const whole = new Uint8Array(await fixtureFile('sdss.parquet').arrayBuffer());
    const r = await readCatalog(new File([whole.subarray(0, 5000)], 'cut.parquet'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^cut\.parquet: not a readable catalog: ./);
  });
  it('a CSV without a file column, and an empty file', async () => {
    const r = await readCatalog(fixtureFile('spectrum.csv', FORMATS));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^spectrum\.csv: not a readable catalog: it has no text column named "file" \(columns: /);
    const e = await readCatalog(new File([], 'empty.parquet'));
    expect(e.ok ? '' : e.error.message).toBe('empty.parquet: not a readable catalog: the file is empty');
  });
});
