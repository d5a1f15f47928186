import { describe, expect, it } from 'vitest';
import { charCodes, latin1, parseCard } from '../../../src/core/fits/card.ts';

describe('parseCard', () => {
  it('reads logicals, integers, reals with E and D exponents, and empty values', () => {
    expect(parseCard("SIMPLE  =                    T / conforms")).toEqual({ keyword: 'SIMPLE', value: true, comment: 'conforms' });
    expect(parseCard('EXTEND  =                    F').value).toBe(false);
    expect(parseCard('NAXIS1  =                 4076 / length').value).toBe(4076);
    expect(parseCard('NEG     =                  -42').value).toBe(-42);
    expect(parseCard('BZERO   =  9223372036854775808').value).toBe(9223372036854775808n);
    expect(parseCard('BIGNEG  = -9223372036854775808').value).toBe(-9223372036854775808n);
    expect(parseCard('SAFE    =     9007199254740991').value).toBe(9007199254740991);
    expect(parseCard('X       =              1.5D+03').value).toBe(1500);
    expect(parseCard('X       =             -2.5e-3').value).toBe(-0.0025);
    expect(parseCard('X       =                  .5').value).toBe(0.5);
    expect(parseCard('X       =                  3.').value).toBe(3);
    expect(parseCard('EMPTY   =                      / nothing').value).toBeNull();
  });

  it("reads strings: '' is a quote, trailing blanks dropped, leading kept, slashes inside kept", () => {
    expect(parseCard("OBJECT  = 'O''Brien''s'  / name").value).toBe("O'Brien's");
    expect(parseCard("A       = '  lead   '").value).toBe('  lead');
    expect(parseCard("A       = 'a/b' / c").toString()).toBeDefined();
    expect(parseCard("A       = 'a/b' / c")).toEqual({ keyword: 'A', value: 'a/b', comment: 'c' });
    expect(parseCard("A       = ''").value).toBe('');
    expect(parseCard("A       = '<script>x</script>'").value).toBe('<script>x</script>');
  });

  it('keeps a broken value as text with a problem, never throws', () => {
    const open = parseCard("A       = 'no end");
    expect(open.value).toBe('no end');
    expect(open.problem).toMatch(/closing quote/);
    const junk = parseCard('A       = 12abc');
    expect(junk.value).toBe('12abc');
    expect(junk.problem).toMatch(/not a FITS value/);
    expect(parseCard('').keyword).toBe('');
    expect(parseCard('\u0000'.repeat(80)).value).toBeUndefined();
  });

  it('reads HIERARCH keywords without the prefix, and CONTINUE string cards', () => {
    expect(parseCard("HIERARCH ESO DET  CHIP NAME = 'CCD-44  ' / chip")).toEqual({
      keyword: 'ESO DET CHIP NAME',
      value: 'CCD-44',
      comment: 'chip',
    });
    expect(parseCard('HIERARCH ESO TEL AIRM START = 1.234').value).toBe(1.234);
    expect(parseCard("CONTINUE  'more text&'")).toEqual({ keyword: 'CONTINUE', value: 'more text&' });
    expect(parseCard('CONTINUE  not a string').value).toBeUndefined();
  });

  it('treats COMMENT, HISTORY, blank keywords and cards without "= " as commentary', () => {
    expect(parseCard('COMMENT = not a value')).toEqual({ keyword: 'COMMENT', value: undefined, comment: '= not a value' });
    expect(parseCard('HISTORY made by hand')).toEqual({ keyword: 'HISTORY', value: undefined, comment: 'made by hand' });
    expect(parseCard('        blank keyword').value).toBeUndefined();
    expect(parseCard('NOEQUALS  42').value).toBeUndefined();
    expect(parseCard('naxis   =                    2')).toMatchObject({ keyword: 'NAXIS', value: 2 });
  });

  it('keeps complex values as their text', () => {
    expect(parseCard('CPLX    = (1.0, -2.5) / complex')).toEqual({ keyword: 'CPLX', value: '(1.0, -2.5)', comment: 'complex' });
  });
});

describe('latin1', () => {
  it('decodes ASCII the same with and without TextDecoder, over chunk boundaries', () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => 32 + (i % 95));
    const text = latin1(bytes, 5, 19_990);
    expect(text.length).toBe(19_985);
    expect(charCodes(bytes, 5, 19_990)).toBe(text);
    expect(text.charCodeAt(0)).toBe(37);
  });
});
