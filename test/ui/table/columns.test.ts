/**
 * Issue 6: a flag on a result reaches the people who read it. Real analyses
 * (a star moved just past the STAR range; a spectrum cut to 699 good pixels)
 * go the way they go in the app — result contract → table row — and their
 * flags are in the table's flags cell and in the CSV and JSON exports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExportRecords } from '../../../src/core/export/records.ts';
import { toCsv } from '../../../src/core/export/csvWrite.ts';
import { toJsonExport } from '../../../src/core/export/jsonWrite.ts';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import { toModelGrid } from '../../../src/core/grid/toModelGrid.ts';
import { toSpectrumResult } from '../../../src/core/result/spectrumResult.ts';
import type { Spectrum } from '../../../src/core/types.ts';
import { rowFromResult } from '../../../src/state/rows.ts';
import type { ResultRow } from '../../../src/state/types.ts';
import { CHANGED_MARK, COLUMNS } from '../../../src/ui/table/columns.ts';
import { applyPatch } from '../../../src/core/export/decision.ts';
import { loadAnalyzer } from '../../../tools/lib/nodeModels.ts';

const FILE = 'spec-1883-53271-0276.fits'; // a star
const flagsCell = (r: ResultRow) => COLUMNS.find((c) => c.key === 'flags')!.text(r, undefined);

let rows: ResultRow[];

beforeAll(async () => {
  const o = await openSpectra(bytesSource(FILE, new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'sdss', FILE)))));
  if (!o.ok) throw new Error(o.error.message);
  const read = await o.value.read(0);
  if (!read.ok) throw new Error(read.error.message);
  const s = read.value;
  const ivar = s.ivar.slice();
  ivar.fill(0, 700);
  const cases: Spectrum[] = [
    { ...s, id: 'moved-past-star-range', wavelength: s.wavelength.map((w) => w * 1.006) },
    { ...s, id: 'few-good-pixels', ivar },
  ];
  const analyzer = await loadAnalyzer('encoder');
  rows = [];
  for (const [i, c] of cases.entries()) {
    const g = toModelGrid(c);
    if (!g.ok) throw new Error(g.error.message);
    const [r] = await analyzer.analyze([g.value]);
    if (!r.ok) throw new Error(r.error.message);
    rows.push(rowFromResult(1, toSpectrumResult({ fileName: FILE, index: i, spectrumId: c.id }, c, r.value)));
  }
});

describe('flags in the table and the exports', () => {
  it("the table's flags cell shows edge-of-range and few-pixels", () => {
    expect(flagsCell(rows[0])).toMatch(/\bedge-of-range\b/);
    expect(flagsCell(rows[1])).toMatch(/\bfew-pixels\b/);
  });

  it('the CSV flags column and the JSON flags carry them', () => {
    const records = buildExportRecords(rows.map((r) => r.row), {});
    const [head, ...lines] = toCsv(records).trim().split('\r\n');
    const at = head.split(',').indexOf('flags');
    // Flag names contain no commas or quotes, so a plain split finds the column.
    const flagCells = lines.map((l) => l.split(',')[at]);
    expect(flagCells[0]).toMatch(/edge-of-range/);
    expect(flagCells[1]).toMatch(/few-pixels/);
    const json = toJsonExport(records, new Date(0)).rows;
    expect(json[0].result?.flags).toContain('edge-of-range');
    expect(json[1].result?.flags).toContain('few-pixels');
  });
});

describe('σ_z in the table', () => {
  it("has a sortable σ_z column beside z, and the z cell's title gives the pipeline's z ± σ_z", () => {
    const zErr = COLUMNS.find((c) => c.key === 'zErr')!;
    const z = COLUMNS.find((c) => c.key === 'z')!;
    expect(COLUMNS.indexOf(zErr)).toBe(COLUMNS.indexOf(z) + 1);
    const r = rows[1];
    expect(Number.isFinite(r.row.zErr)).toBe(true);
    expect(zErr.text(r, undefined)).toBe(r.row.zErr!.toExponential(1));
    expect(z.cellTitle!(r, undefined)).toContain(`z = ${r.row.z!.toFixed(5)} ± ${r.row.zErr!.toExponential(1)}`);
    const noErr = { ...r, row: { ...r.row, zErr: Number.NaN } };
    expect(zErr.text(noErr, undefined)).toBe('—');
    expect(z.cellTitle!(noErr, undefined)).toMatch(new RegExp(`z = ${r.row.z!.toFixed(5)}$`));
  });
});

describe('the final answer in the table (issue 9)', () => {
  const col = (key: string) => COLUMNS.find((c) => c.key === key)!;
  it("shows the inspector's accepted class and z, marked, with the pipeline's in the tooltip", () => {
    const r = rows[1];
    const d = applyPatch(undefined, { cls: 'QSO', z: 1.2345678, qop: 3 }, r.row, 1);
    expect(col('class').text(r, d)).toBe(`QSO ${CHANGED_MARK}`);
    expect(col('z').text(r, d)).toBe('1.23457');
    expect(col('class').cellTitle!(r, d)).toBe(`Yours (accepted): QSO z = 1.23457, QOP 3; the pipeline's: ${r.row.cls} z = ${r.row.z!.toFixed(5)} ± ${r.row.zErr!.toExponential(1)}`);
    expect(col('class').text(r, undefined)).toBe(r.row.cls);
    expect(col('z').text(r, applyPatch(undefined, { qop: 4 }, r.row, 1))).toBe(r.row.z!.toFixed(5));
  });

  it('puts the key columns first: file, class, z, σ_z, QOP, flags', () => {
    expect(COLUMNS.slice(0, 6).map((c) => c.key)).toEqual(['file', 'class', 'z', 'zErr', 'qop', 'flags']);
  });
});
