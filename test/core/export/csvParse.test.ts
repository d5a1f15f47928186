import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/export/csvParse.ts';

describe('parseCsv', () => {
  it('reads RFC 4180 quoting: commas, doubled quotes, line breaks inside quotes', () => {
    expect(parseCsv('a,"b,c","d ""e""","f\r\ng"\r\n1,,3,\r\n')).toEqual({
      ok: true,
      value: [
        ['a', 'b,c', 'd "e"', 'f\r\ng'],
        ['1', '', '3', ''],
      ],
    });
  });

  it('accepts LF line ends, a BOM, a missing final line end, and skips blank lines', () => {
    expect(parseCsv('\uFEFFx,y\n\n1,2')).toEqual({ ok: true, value: [['x', 'y'], ['1', '2']] });
  });

  it('keeps an empty quoted field', () => {
    expect(parseCsv('"",a\n')).toEqual({ ok: true, value: [['', 'a']] });
  });

  it('reports an unclosed quote with its line', () => {
    expect(parseCsv('a,b\n1,"open\nmore')).toEqual({ ok: false, error: 'a quoted field opened on line 2 is never closed' });
  });

  it('reports text after a closing quote', () => {
    const r = parseCsv('"a"b,c');
    expect(r.ok).toBe(false);
  });
});

describe('parseCsv blank lines', () => {
  it('reads a line holding only an empty quoted field as one empty field (found by the property test)', () => {
    expect(parseCsv('""\r\n')).toEqual({ ok: true, value: [['']] });
    expect(parseCsv('""')).toEqual({ ok: true, value: [['']] });
  });
});
