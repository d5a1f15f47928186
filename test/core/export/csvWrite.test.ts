import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../src/core/export/columns.ts';
import { parseCsv } from '../../../src/core/export/csvParse.ts';
import { csvText, defuseCell, quoteCsv, toCsv, undefuseCell } from '../../../src/core/export/csvWrite.ts';
import { buildExportRecords } from '../../../src/core/export/records.ts';
import { DECISION_MAP, ROWS } from './sampleRows.ts';

const table = () => {
  const csv = toCsv(buildExportRecords(ROWS, DECISION_MAP));
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  const [header, ...lines] = parsed.value;
  const col = (line: string[], name: string) => line[header.indexOf(name)];
  return { csv, header, lines, col };
};

describe('toCsv', () => {
  it('writes a header row and one CRLF-terminated line per record', () => {
    const { csv, header, lines } = table();
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.name));
    expect(lines).toHaveLength(ROWS.length + 1);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(header.join(','));
  });

  it('round-trips hostile text exactly: commas, quotes, line breaks, formula starts', () => {
    const { lines, col } = table();
    const hostile = lines[2];
    expect(undefuseCell(col(hostile, 'file'))).toBe(ROWS[2].fileName);
    expect(undefuseCell(col(hostile, 'id'))).toBe(ROWS[2].spectrumId);
    expect(undefuseCell(col(hostile, 'object_name'))).toBe(ROWS[2].meta.objectName);
    expect(undefuseCell(col(hostile, 'user_comment'))).toBe(DECISION_MAP[Object.keys(DECISION_MAP)[2]].comment);
    expect(undefuseCell(col(lines[3], 'error'))).toBe(ROWS[3].error);
    expect(col(lines[3], 'file')).toBe('broken é 銀河.fits');
  });

  it('defuses formula injection in text cells (OWASP: = + - @ prefixed with a quote)', () => {
    const { csv, lines, col } = table();
    expect(col(lines[2], 'id')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(col(lines[2], 'object_name').startsWith("'@")).toBe(true);
    expect(col(lines[2], 'truth_class')).toBe("'+QSO");
    expect(col(lines[2], 'user_comment').startsWith("'=")).toBe(true);
    expect(col(lines[3], 'error').startsWith("'-")).toBe(true);
    // No raw cell in the file starts with a formula character.
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);
  });

  it('leaves negative numbers as numbers', () => {
    const { lines, col } = table();
    expect(col(lines[1], 'z')).toBe('-0.00067');
    expect(col(lines[2], 'dec')).toBe('-45.25');
    expect(Number(col(lines[1], 'truth_z'))).toBe(ROWS[1].meta.truth!.z);
  });

  it('writes missing values and NaN as empty cells; robustness empty when unique', () => {
    const { lines, col } = table();
    expect(col(lines[1], 'robustness')).toBe('');
    expect(col(lines[0], 'robustness')).toBe('0.4127');
    expect(col(lines[2], 'chi2_star')).toBe('');
    expect(col(lines[3], 'class')).toBe('');
    expect(col(lines[1], 'flags')).toBe('edge-of-range;close-classes');
    expect(col(lines[0], 'user_updated_at')).toBe('2025-01-02T03:04:05.678Z');
  });

  it('writes full float precision', () => {
    const { lines, col } = table();
    expect(Number(col(lines[0], 'truth_z'))).toBe(2.182325601577759);
  });
});

describe('csvText', () => {
  it('writes any table the same way: numbers bare (NaN and missing empty), text quoted and defused, CRLF', () => {
    const rows = [['=cmd()', 1.5, Number.NaN], [undefined, -0.25, 'a"b']];
    expect(csvText(['a', 'b', 'c'], rows)).toBe('a,b,c\r\n"\'=cmd()",1.5,\r\n,-0.25,"a""b"\r\n');
    expect(csvText(['a'], [])).toBe('a\r\n');
  });
});

describe('defuseCell / quoteCsv', () => {
  it('is undone exactly by undefuseCell + parseCsv for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (cells) => {
        const line = cells.map((c) => quoteCsv(defuseCell(c))).join(',') + '\r\n';
        const parsed = parseCsv(line);
        return parsed.ok && parsed.value.length === 1 && parsed.value[0].map(undefuseCell).every((c, i) => c === cells[i]);
      }),
      { seed: 4, numRuns: 500 },
    );
  });

  it('prefixes tab and CR starts too, and escapes a leading quote', () => {
    expect(defuseCell('\tcmd')).toBe("'\tcmd");
    expect(defuseCell('\rcmd')).toBe("'\rcmd");
    expect(defuseCell("'x")).toBe("''x");
    expect(defuseCell('plain')).toBe('plain');
  });
});
