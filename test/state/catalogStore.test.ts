import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/core/catalog/readCatalog.ts';
import { CHI2_COLUMN, createCatalogStore } from '../../src/state/catalogStore.ts';
import { analyzeRecords, fixtureFile } from '../core/catalog/fixtureFiles.ts';

/** The store with the worker replaced by the same reader, called in-process. */
const store = () =>
  createCatalogStore({
    read: async (file) => {
      const r = await readCatalog(file);
      return r.ok ? { ok: true, table: r.value, ms: 1 } : { ok: false, error: r.error };
    },
  });

describe('the catalog store', () => {
  const records = analyzeRecords();
  const best = records.map((r) => r.chi2[r.class]);

  it('opens a catalog, sorts by best χ² both ways, filters flagged only and by class, and keeps the sort under the filter', async () => {
    const s = store();
    await s.getState().openFile(fixtureFile('sdss.parquet'));
    const st = s.getState();
    expect(st.status).toBe('ready');
    expect(st.visible).toBe(true);
    expect(st.catalog!.flaggedCount).toBe(13);
    expect(Array.from(st.shown!)).toEqual(records.map((_, i) => i));

    st.sortBy(CHI2_COLUMN);
    const up = Array.from(s.getState().shown!);
    expect(up.map((r) => best[r])).toEqual([...best].sort((a, b) => a - b));
    s.getState().sortBy(CHI2_COLUMN);
    expect(s.getState().sort).toEqual({ column: CHI2_COLUMN, descending: true });
    expect(Array.from(s.getState().shown!).map((r) => best[r])).toEqual([...best].sort((a, b) => b - a));

    s.getState().setFilter({ flaggedOnly: true });
    const flagged = Array.from(s.getState().shown!);
    expect(flagged.length).toBe(13);
    expect(flagged.every((r) => records[r].anomaly.length > 0)).toBe(true);
    expect(flagged.map((r) => best[r])).toEqual(flagged.map((r) => best[r]).sort((a, b) => b - a));
    s.getState().setFilter({ flaggedOnly: false, cls: 'STAR' });
    expect(s.getState().shown!.length).toBe(records.filter((r) => r.class === 'STAR').length);
  });

  it('a catalog that cannot be read is named with its reason; one already open stays open', async () => {
    const s = store();
    await s.getState().openFile(new File(['wavelength,flux\n1,2\n'], 'spectrum.csv'));
    expect(s.getState().status).toBe('error');
    expect(s.getState().message).toMatch(/^spectrum\.csv: not a readable catalog: it has no text column named "file"/);
    await s.getState().openFile(fixtureFile('sdss.csv'));
    await s.getState().openFile(new File([new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3])], 'bad.parquet'));
    expect(s.getState().status).toBe('ready');
    expect(s.getState().catalog!.table.source).toBe('sdss.csv');
    expect(s.getState().message).toMatch(/^bad\.parquet: not a readable catalog: /);
  });
});
