import { describe, expect, it } from 'vitest';
import { catalogRoles, flaggedRows } from '../../../src/core/catalog/catalogSchema.ts';
import { numberColumn, textColumn } from '../../../src/core/catalog/columnBuild.ts';
import { filterRows, NO_FILTER } from '../../../src/core/catalog/filterRows.ts';
import { readCatalog } from '../../../src/core/catalog/readCatalog.ts';
import { analyzeRecords, fixtureFile } from './fixtureFiles.ts';

describe('filterRows on the SDSS fixture catalog', async () => {
  const read = await readCatalog(fixtureFile('sdss.parquet'));
  if (!read.ok) throw new Error(read.error.message);
  const t = read.value;
  const roles = catalogRoles(t.columns)!;
  const flagged = flaggedRows(roles, t.nRows);
  const all = Uint32Array.from({ length: t.nRows }, (_, i) => i);
  const records = analyzeRecords();
  const rowsWhere = (f: (r: (typeof records)[number]) => boolean) => records.flatMap((r, i) => (f(r) ? [i] : []));

  it('flagged only, a class, text in the file name or id, and all at once', () => {
    expect(filterRows(all, NO_FILTER, roles, flagged)).toBe(all);
    expect(Array.from(filterRows(all, { ...NO_FILTER, flaggedOnly: true }, roles, flagged))).toEqual(rowsWhere((r) => r.anomaly.length > 0));
    expect(Array.from(filterRows(all, { ...NO_FILTER, cls: 'qso' }, roles, flagged))).toEqual(rowsWhere((r) => r.class === 'QSO'));
    expect(Array.from(filterRows(all, { ...NO_FILTER, text: 'SPEC-05' }, roles, flagged))).toEqual(rowsWhere((r) => r.file.startsWith('spec-05')));
    const both = filterRows(all, { flaggedOnly: true, cls: 'GALAXY', text: '' }, roles, flagged);
    expect(Array.from(both)).toEqual(rowsWhere((r) => r.anomaly.length > 0 && r.class === 'GALAXY'));
  });

  it('keeps the order it is given', () => {
    const reversed = all.slice().reverse();
    expect(Array.from(filterRows(reversed, { ...NO_FILTER, flaggedOnly: true }, roles, flagged))).toEqual(rowsWhere((r) => r.anomaly.length > 0).reverse());
  });
});

describe('the flag bit mask', () => {
  it("is the command line's flag_bits column, preferred to other mask names", () => {
    const records = analyzeRecords();
    // Bit 1 for a flagged row, as gasnet analyze --out writes flag_bits; a stale flag_mask says the opposite.
    const bits = records.map((r) => (r.anomaly.length > 0 ? 2 : 0));
    const columns = [
      textColumn('file', records.map((r) => r.file)),
      numberColumn('flag_mask', bits.map((b) => (b ? 0 : 1))),
      numberColumn('FLAG_BITS', bits),
      textColumn('model_version', records.map(() => 'sha256:0123')),
    ];
    const roles = catalogRoles(columns)!;
    expect(roles.flagMask?.name).toBe('FLAG_BITS');
    expect(Array.from(flaggedRows(roles, records.length))).toEqual(bits.map((b) => (b ? 1 : 0)));
  });
});
