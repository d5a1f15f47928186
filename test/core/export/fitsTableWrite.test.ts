import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../src/core/export/columns.ts';
import { bytesSource, openFits } from '../../../src/core/fits/index.ts';
import { ESCAPE_COMMENT, escapeAscii, unescapeAscii } from '../../../src/core/export/fitsCard.ts';
import { INT_NULL, TABLE_EXTNAME, toFitsTable } from '../../../src/core/export/fitsTableWrite.ts';
import { buildExportRecords } from '../../../src/core/export/records.ts';
import { DECISION_MAP, ROWS } from './sampleRows.ts';

const records = buildExportRecords(ROWS, DECISION_MAP);
const AT = new Date(Date.UTC(2025, 4, 6, 7, 8, 9, 123));
const bytes = toFitsTable(records, AT);

/** Header cards of the HDU starting at `offset`: keyword → raw value text, and where the data start. */
function readHeader(at: number, buf: Uint8Array = bytes): { cards: Map<string, string>; dataStart: number } {
  const cards = new Map<string, string>();
  for (let pos = at; ; pos += 80) {
    const text = String.fromCharCode(...buf.subarray(pos, pos + 80));
    const kw = text.slice(0, 8).trim();
    if (kw === 'END') return { cards, dataStart: Math.ceil((pos + 80) / 2880) * 2880 };
    const m = /^= +('(?:[^']|'')*'|\S+)/.exec(text.slice(8));
    if (m) cards.set(kw, m[1].startsWith("'") ? m[1].slice(1, -1).replaceAll("''", "'").trimEnd() : m[1]);
  }
}

/** What a FITS reader must return for a cell: text escaped to printable ASCII with trailing blanks gone, floats NaN when missing. */
function expected(col: (typeof EXPORT_COLUMNS)[number], r: (typeof records)[number]): string | number {
  const v = col.value(r);
  if (col.kind === 'text') return v === undefined ? '' : escapeAscii(String(v)).trimEnd();
  if (col.kind === 'float') return v === undefined ? NaN : (v as number);
  return v === undefined ? INT_NULL : (v as number);
}

describe('toFitsTable', () => {
  it('is whole 2880-byte blocks of printable-ASCII headers with an empty primary HDU', () => {
    expect(bytes.length % 2880).toBe(0);
    const primary = readHeader(0);
    expect(Object.fromEntries(primary.cards)).toMatchObject({ SIMPLE: 'T', BITPIX: '8', NAXIS: '0', EXTEND: 'T' });
    expect(primary.dataStart).toBe(2880);
    const ext = readHeader(primary.dataStart);
    for (let i = 0; i < ext.dataStart; i++) expect(bytes[i] >= 0x20 && bytes[i] <= 0x7e).toBe(true);
    expect(ext.cards.get('XTENSION')).toBe('BINTABLE');
    expect(ext.cards.get('EXTNAME')).toBe(TABLE_EXTNAME);
    expect(ext.cards.get('DATE')).toBe('2025-05-06T07:08:09.123');
    expect(Number(ext.cards.get('NAXIS2'))).toBe(records.length);
    expect(Number(ext.cards.get('TFIELDS'))).toBe(EXPORT_COLUMNS.length);
    const rowBytes = Number(ext.cards.get('NAXIS1'));
    expect(bytes.length).toBe(ext.dataStart + Math.ceil((rowBytes * records.length) / 2880) * 2880);
  });

  it('declares each column with TTYPE/TFORM/TUNIT, text as nA sized to the longest value', () => {
    const { cards } = readHeader(readHeader(0).dataStart);
    EXPORT_COLUMNS.forEach((c, i) => {
      const n = i + 1;
      expect(cards.get(`TTYPE${n}`)).toBe(c.name);
      const longest = Math.max(1, ...records.map((r) => escapeAscii(String(c.value(r) ?? '')).length));
      expect(cards.get(`TFORM${n}`)).toBe(c.kind === 'text' ? `${longest}A` : c.kind === 'float' ? '1D' : '1J');
      expect(cards.get(`TUNIT${n}`)).toBe(c.unit);
    });
    // The longest file name once escaped: 'broken \\u00e9 \\u9280\\u6cb3.fits'.
    expect(cards.get('TFORM1')).toBe('31A');
  });

  it('stores every cell big-endian at the declared offsets (decoded by hand)', () => {
    const { cards, dataStart } = readHeader(readHeader(0).dataStart);
    const rowBytes = Number(cards.get('NAXIS1'));
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    records.forEach((r, row) => {
      let at = dataStart + row * rowBytes;
      EXPORT_COLUMNS.forEach((c, i) => {
        const tform = cards.get(`TFORM${i + 1}`)!;
        let got: string | number;
        if (tform.endsWith('A')) {
          const w = parseInt(tform, 10);
          got = String.fromCharCode(...bytes.subarray(at, at + w)).trimEnd();
          at += w;
        } else if (tform === '1D') {
          got = view.getFloat64(at, false);
          at += 8;
        } else {
          got = view.getInt32(at, false);
          at += 4;
        }
        expect(got, `${c.name} row ${row}`).toEqual(expected(c, r));
      });
    });
  });

  it('writes untrusted text as printable ASCII with the rest escaped (é is \\u00e9, not ?), and says so in a COMMENT', () => {
    const { cards, dataStart } = readHeader(readHeader(0).dataStart);
    const w = parseInt(cards.get('TFORM1')!, 10);
    const row3 = dataStart + 3 * Number(cards.get('NAXIS1'));
    const cell = String.fromCharCode(...bytes.subarray(row3, row3 + w)).trimEnd();
    expect(cell).toBe('broken \\u00e9 \\u9280\\u6cb3.fits');
    expect(unescapeAscii(cell)).toBe('broken é 銀河.fits');
    const header = String.fromCharCode(...bytes.subarray(readHeader(0).dataStart, dataStart));
    expect(header).toContain(`COMMENT ${ESCAPE_COMMENT}`);
  });

  it('escapes reversibly: non-ASCII, astral characters, controls, backslashes and look-alike escapes', () => {
    for (const t of ['é', 'Hα at 6563 Å', '😀 z?', 'tab\there\nline', 'C:\\data\\spec.fits', 'literal \\u00e9 not é', '\\', '']) {
      const e = escapeAscii(t);
      expect(e, t).toMatch(/^[\x20-\x7e]*$/);
      expect(unescapeAscii(e), t).toBe(t);
    }
    expect(escapeAscii('é')).toBe('\\u00e9');
  });

  it('writes a table with no rows', () => {
    const empty = toFitsTable([], AT);
    const ext = readHeader(readHeader(0, empty).dataStart, empty);
    expect(ext.cards.get('NAXIS2')).toBe('0');
    expect(ext.cards.get('TFORM1')).toBe('1A');
    expect(empty.length).toBe(ext.dataStart);
  });
});

describe('toFitsTable read by the project’s FITS reader', () => {
  it('opens and returns every cell, missing integers as NaN via TNULL', async () => {
    const opened = await openFits(bytesSource('export.fits', bytes));
    if (!opened.ok) throw new Error(opened.error.message);
    const file = opened.value;
    expect(file.hdus.map((h) => [h.kind, h.extname])).toEqual([
      ['primary', 'PRIMARY'],
      ['bintable', TABLE_EXTNAME],
    ]);
    const hdu = file.byName(TABLE_EXTNAME)!;
    expect(file.columns(hdu).map((c) => [c.name, c.unit])).toEqual(EXPORT_COLUMNS.map((c) => [c.name, c.unit]));
    const cols = await file.readColumns(hdu, EXPORT_COLUMNS.map((c) => c.name));
    if (!cols.ok) throw new Error(cols.error.message);
    records.forEach((r, row) => {
      for (const c of EXPORT_COLUMNS) {
        const col = cols.value[c.name];
        const want = expected(c, r);
        const got = col.data[row];
        if (c.kind === 'int' && want === INT_NULL) expect(got, `${c.name} row ${row}`).toBeNaN();
        else expect(got, `${c.name} row ${row}`).toEqual(want);
        // Unescaped, the text is what was exported (trailing blanks aside).
        if (c.kind === 'text') expect(unescapeAscii(String(got)), `${c.name} row ${row}`).toBe(String(c.value(r) ?? '').trimEnd());
      }
    });
  });
});

// Cross-check with astropy when the Debian python that has it is present.
const PYTHON = '/usr/bin/python3';
const hasAstropy = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import astropy'], { encoding: 'utf8' }).status === 0;
if (!hasAstropy) console.info(`fitsTableWrite: astropy cross-check skipped (${PYTHON} with astropy not found)`);

describe.skipIf(!hasAstropy)('toFitsTable read by astropy', () => {
  it('verifies without warnings and reads back every cell', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gasnet-fits-'));
    try {
      const file = join(dir, 'export.fits');
      writeFileSync(file, bytes);
      const script = `
import json, math, sys, warnings
from astropy.io import fits
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    with fits.open(sys.argv[1]) as h:
        h.verify('exception')
        d = h['${TABLE_EXTNAME}'].data
        rows = [[(None if isinstance(v, float) and math.isnan(v) else (v.item() if hasattr(v, 'item') else v)) for v in r] for r in d]
        units = [c.unit for c in h[1].columns]
        comments = [str(c) for c in h[1].header['COMMENT']]
    print(json.dumps({'rows': rows, 'names': d.columns.names, 'units': units, 'comments': comments, 'warnings': [str(x.message) for x in w]}))
`;
      const run = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const got = JSON.parse(run.stdout) as { rows: unknown[][]; names: string[]; units: (string | null)[]; comments: string[]; warnings: string[] };
      expect(got.comments).toEqual([ESCAPE_COMMENT]);
      expect(got.warnings).toEqual([]);
      expect(got.names).toEqual(EXPORT_COLUMNS.map((c) => c.name));
      expect(got.units).toEqual(EXPORT_COLUMNS.map((c) => c.unit ?? null));
      const want = records.map((r) =>
        EXPORT_COLUMNS.map((c) => {
          const v = expected(c, r);
          return typeof v === 'number' && Number.isNaN(v) ? null : v;
        }),
      );
      expect(got.rows).toEqual(want);
      // Read by astropy and unescaped, the file name with é and 銀河 comes back whole.
      const fileCol = EXPORT_COLUMNS.findIndex((c) => c.name === 'file');
      expect(got.rows.map((r) => unescapeAscii(String(r[fileCol])))).toEqual(records.map((r) => String(EXPORT_COLUMNS[fileCol].value(r))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
