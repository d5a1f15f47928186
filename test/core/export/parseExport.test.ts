import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/core/export/csvWrite.ts';
import { toJson } from '../../../src/core/export/jsonWrite.ts';
import { parseExport } from '../../../src/core/export/parseExport.ts';
import { buildExportRecords } from '../../../src/core/export/records.ts';
import { DECISION_MAP, DECISIONS, ROWS } from './sampleRows.ts';

const records = buildExportRecords(ROWS, DECISION_MAP);
const AT = new Date(Date.UTC(2025, 4, 6));

describe('parseExport round trips', () => {
  it('reads back every decision from the JSON export', () => {
    const r = parseExport(toJson(records, AT));
    expect(r).toEqual({ ok: true, value: { format: 'json', decisions: DECISIONS, rowsWithoutDecision: 1, issues: [] } });
  });

  it('reads back every decision from the CSV export, hostile text included', () => {
    const r = parseExport(toCsv(records));
    expect(r).toEqual({ ok: true, value: { format: 'csv', decisions: DECISIONS, rowsWithoutDecision: 1, issues: [] } });
  });

  it('reads a CSV that a spreadsheet re-saved with LF line ends and a BOM', () => {
    const csv = '\uFEFF' + toCsv(records).replaceAll('\r\n', '\n');
    const r = parseExport(csv);
    // The comment's own CRLF became LF too, as a spreadsheet would do.
    const expected = DECISIONS.map((d) => (d.comment ? { ...d, comment: d.comment.replaceAll('\r\n', '\n') } : d));
    expect(r.ok && r.value.decisions).toEqual(expected);
  });
});

describe('parseExport refusals and issues', () => {
  it('refuses empty text, foreign JSON and a newer version, saying what to do', () => {
    expect(parseExport('  \n')).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(parseExport('{"rows":[]}')).toMatchObject({ ok: false, error: { code: 'not-an-export' } });
    expect(parseExport('{"format":')).toMatchObject({ ok: false, error: { code: 'bad-json' } });
    const v2 = parseExport('{"format":"gasnet-explorer-results","version":2,"rows":[]}');
    expect(v2).toMatchObject({ ok: false, error: { code: 'unsupported-version' } });
    expect(!v2.ok && v2.error.message).toMatch(/newer version/);
  });

  it('refuses a CSV without identity or decision columns', () => {
    expect(parseExport('name,z\nx,1\n')).toMatchObject({ ok: false, error: { code: 'not-an-export' } });
    expect(parseExport('file,index,id,z\nx,0,y,1\n')).toMatchObject({ ok: false, error: { code: 'missing-columns' } });
  });

  it('skips bad lines with a reason and keeps the good ones', () => {
    const csv = [
      'file,index,id,user_qop,user_z,user_class,user_comment,user_updated_at',
      'a.fits,0,s0,4,,,,2025-01-01T00:00:00.000Z',
      'a.fits,1,s1,5,,,,2025-01-01T00:00:00.000Z',
      'a.fits,2,s2,3,,GALAXY,,yesterday',
      'a.fits,x,s3,3,,,,',
      'a.fits,4,s4',
      'a.fits,5,s5,,0.25,QSO,,',
    ].join('\r\n');
    const r = parseExport(csv);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.decisions.map((d) => [d.index, d.qop, d.z, d.cls, d.updatedAt])).toEqual([
      [0, 4, undefined, undefined, Date.UTC(2025, 0, 1)],
      [5, undefined, 0.25, 'QSO', 0],
    ]);
    expect(r.value.issues).toEqual([
      'line 3: QOP 5 is not one of 4, 3, 2, 1, 6',
      "line 4: user_updated_at 'yesterday' is not a date",
      'line 5: index is not an integer ≥ 0',
      'line 6: 3 fields, the header has 8',
    ]);
  });

  it('reports JSON rows whose decision is unusable', () => {
    const doc = {
      format: 'gasnet-explorer-results',
      version: 1,
      rows: [{ fileName: 'a', index: 0, spectrumId: 's', decision: { qop: 9, updatedAt: 1 } }, 7],
    };
    const r = parseExport(JSON.stringify(doc));
    expect(r).toMatchObject({ ok: true, value: { decisions: [], issues: ['row 1: QOP 9 is not one of 4, 3, 2, 1, 6', 'row 2: not an object'] } });
  });
});
