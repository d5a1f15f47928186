import { describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { cellText } from '../../../src/core/catalog/columnBuild.ts';
import { flatColumnPlan, readFlatColumn } from '../../../src/core/catalog/parquetFlatColumns.ts';
import { readParquetCatalog } from '../../../src/core/catalog/readParquetCatalog.ts';
import { analyzeRecords } from './fixtureFiles.ts';

// The fast path must give what hyparquet gives, cell for cell, whatever the writer chose: nulls in
// OPTIONAL columns, REQUIRED columns, dictionary and plain pages, several pages and row groups,
// non-ASCII text.
describe('flat Parquet columns read like hyparquet reads them', () => {
  const records = analyzeRecords();
  const n = 2000;
  const rec = (i: number) => records[i % records.length];
  const columnData = [
    { name: 'file', type: 'STRING', nullable: false, data: Array.from({ length: n }, (_, i) => `${rec(i).file}#${i}`) },
    { name: 'id', type: 'STRING', data: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : `${rec(i).id}-Ω${i}`)) },
    { name: 'class', type: 'STRING', data: Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : rec(i).class)) },
    { name: 'index', type: 'INT32', nullable: false, data: Int32Array.from({ length: n }, (_, i) => rec(i).index) },
    { name: 'z', type: 'DOUBLE', data: Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : rec(i).z)) },
    { name: 'chi2_star', type: 'FLOAT', data: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : rec(i).chi2.STAR)) },
    { name: 'flags', type: 'STRING', data: Array.from({ length: n }, (_, i) => rec(i).anomaly.join(';') || null) },
  ] as const;

  it.each([
    ['one row group', { rowGroupSize: n }],
    ['row groups of 300 rows, 1 kB pages', { rowGroupSize: 300, pageSize: 1024 }],
  ])('%s', async (_, layout) => {
    const bytes = parquetWriteBuffer({ columnData: columnData.map((c) => ({ ...c, data: c.data as never })), ...layout });
    const rows = (await parquetReadObjects({ file: bytes })) as Record<string, unknown>[];
    const table = await readParquetCatalog(bytes);
    expect(table.nRows).toBe(n);
    const metadata = parquetMetadata(bytes);
    for (const [j, c] of columnData.entries()) {
      const want = rows.map((r) => (r[c.name] === null ? '' : String(r[c.name])));
      expect(Array.from({ length: n }, (_, r) => cellText(table.columns[j], r))).toEqual(want);
      // …and through the fast path itself, not hyparquet's fallback.
      const el = metadata.schema[j + 1];
      const kind = c.type === 'STRING' ? 'text' : 'number';
      expect(flatColumnPlan(el, kind, metadata.row_groups.map((g) => g.columns[j]))).toBe(kind);
      const fast = readFlatColumn(new Uint8Array(bytes), metadata, j, el, kind, n);
      expect(Array.from({ length: n }, (_, r) => cellText(fast, r))).toEqual(want);
    }
  });
});
