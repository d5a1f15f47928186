/** The HDU walk: what opens, what fails, and what is kept with an issue. */
import { describe, expect, it } from 'vitest';
import { bytesSource, openFits } from '../../../src/core/fits/index.ts';
import { type TestHdu, buildFits, card, fixtureBytes, primaryCards, unwrap } from './helpers.ts';

const open = (bytes: Uint8Array, options = {}) => openFits(bytesSource('f.fits', bytes), options);
const ext = (extra: string[] = []) => [card('XTENSION', "'IMAGE'"), card('BITPIX', '8'), card('NAXIS', '1'), card('NAXIS1', '10'), ...extra];

describe('openFits refuses what is not FITS', () => {
  it("gives 'not-fits' for empty, short, non-FITS and SIMPLE = F files", async () => {
    const text = (s: string) => Uint8Array.from(s.padEnd(2880), (c) => c.charCodeAt(0));
    for (const bytes of [new Uint8Array(0), text('SIMPLE').subarray(0, 10), text('<html>hello</html>'), buildFits([{ cards: [card('SIMPLE', 'F')] }])]) {
      const r = await open(bytes);
      expect(r.ok || r.error).toMatchObject({ code: 'not-fits', hdu: 0 });
      expect(r.ok || r.error.message).toMatch(/^f\.fits: HDU 0: /);
    }
  });

  it("gives 'corrupt-header' when no END comes within the cap, without reading past it", async () => {
    const cards = primaryCards(8, []);
    for (let i = 0; i < 200; i++) cards.push(card(`K${i}`, '1'));
    const noEnd = Uint8Array.from(cards.join('').padEnd(2880 * 6), (c) => c.charCodeAt(0));
    const r = await open(noEnd, { maxHeaderBlocks: 3 });
    expect(r.ok || r.error).toMatchObject({ code: 'corrupt-header', hdu: 0 });
    expect(r.ok || r.error.message).toBe('f.fits: HDU 0: header has no END card within 3 blocks (8640 bytes); the file is not valid FITS');
  });

  it("gives 'truncated' when the file ends inside the primary header", async () => {
    const bytes = buildFits([{ cards: primaryCards(8, []) }]);
    const r = await open(bytes.subarray(0, 160));
    expect(r.ok || r.error).toMatchObject({ code: 'truncated', hdu: 0 });
    expect(r.ok || r.error.message).toBe('f.fits: HDU 0: header is truncated: the file ends 160 bytes into the header, before its END card');
  });

  it('names the keyword for absurd, negative or missing sizes, and unsupported BITPIX', async () => {
    const cases: [string[], string, string][] = [
      [[card('SIMPLE', 'T'), card('BITPIX', '8'), card('NAXIS', '1'), card('NAXIS1', '-5')], 'corrupt-header', 'NAXIS1'],
      [[card('SIMPLE', 'T'), card('BITPIX', '8'), card('NAXIS', '1'), card('NAXIS1', '99999999999999999999')], 'too-large', 'NAXIS1'],
      [[card('SIMPLE', 'T'), card('BITPIX', '8'), card('NAXIS', '2'), card('NAXIS1', '4294967296'), card('NAXIS2', '4294967296')], 'too-large', 'NAXIS2'],
      [[card('SIMPLE', 'T'), card('BITPIX', '-64'), card('NAXIS', '1'), card('NAXIS1', '2000000000000000')], 'too-large', 'PCOUNT'],
      [[card('SIMPLE', 'T'), card('BITPIX', '8'), card('NAXIS', '1'), card('NAXIS1', '2.5')], 'corrupt-header', 'NAXIS1'],
      [[card('SIMPLE', 'T'), card('BITPIX', '8'), card('NAXIS', '2'), card('NAXIS1', '1')], 'corrupt-header', 'NAXIS2'],
      [[card('SIMPLE', 'T'), card('BITPIX', '8'), card('NAXIS', '1000')], 'corrupt-header', 'NAXIS'],
      [[card('SIMPLE', 'T'), card('BITPIX', '8'), card('NAXIS', '0'), card('GCOUNT', '-1')], 'corrupt-header', 'GCOUNT'],
      [[card('SIMPLE', 'T'), card('BITPIX', '12'), card('NAXIS', '0')], 'unsupported-bitpix', 'BITPIX'],
      [[card('SIMPLE', 'T'), card('BITPIX', "'8'"), card('NAXIS', '0')], 'unsupported-bitpix', 'BITPIX'],
      [[card('SIMPLE', 'T'), card('NAXIS', '0')], 'corrupt-header', 'BITPIX'],
    ];
    for (const [cards, code, keyword] of cases) {
      const r = await open(buildFits([{ cards }]));
      expect(r.ok || r.error, cards.join('|')).toMatchObject({ code, keyword, hdu: 0 });
    }
  });

  it("gives 'truncated' for a 2^31-element claim in a small file, before allocating anything", async () => {
    const r = await open(buildFits([{ cards: [card('SIMPLE', 'T'), card('BITPIX', '-32'), card('NAXIS', '1'), card('NAXIS1', '2147483648')] }]));
    expect(r.ok || r.error.message).toBe('f.fits: HDU 0: data unit is truncated: expected 8589934592 bytes, the file holds 0 bytes');
  });
});

describe('openFits keeps good HDUs before a broken one', () => {
  const primary: TestHdu = { cards: [...primaryCards(8, []), card('EXTEND', 'T')] };

  it('records an extension whose header is broken as an issue and keeps the HDUs before it', async () => {
    const broken = buildFits([primary, { cards: ext(), data: new Uint8Array(10) }, { cards: [card('XTENSION', "'IMAGE'"), card('BITPIX', '7'), card('NAXIS', '0')] }]);
    const file = unwrap(await open(broken));
    expect(file.hdus.map((h) => h.kind)).toEqual(['primary', 'image']);
    expect(file.issues).toEqual([
      'f.fits: HDU 2: BITPIX = 7 is not one of 8, 16, 32, 64, -32, -64; HDUs from 2 on were skipped',
    ]);
  });

  it('ignores blank padding after the last HDU, and garbage that is not an extension, with an issue', async () => {
    const base = buildFits([primary, { cards: ext(), data: new Uint8Array(10) }]);
    const padded = new Uint8Array(base.length + 2880 * 2);
    padded.set(base);
    const a = unwrap(await open(padded));
    expect(a.hdus.length).toBe(2);
    expect(a.issues).toEqual(['f.fits: 5760 bytes after HDU 1 ignored (they start with a blank block)']);
    const junk = padded.slice();
    junk.fill(0x41, base.length);
    const b = unwrap(await open(junk));
    expect(b.hdus.length).toBe(2);
    expect(b.issues).toEqual(['f.fits: HDU 2: extension header does not start with XTENSION; HDUs from 2 on were skipped']);
  });

  it('accepts a last data unit without its padding, with an issue', async () => {
    const bytes = buildFits([primary, { cards: ext(), data: Uint8Array.from({ length: 10 }, (_, i) => i), pad: false }]);
    const file = unwrap(await open(bytes));
    expect(file.issues).toEqual(['f.fits: HDU 1: the file ends without the padding to a whole 2880-byte block']);
    expect(Array.from(unwrap(await file.readImage(file.hdus[1])).data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reads only the headers of a large file with many HDUs, and stops at maxHdus', async () => {
    const hdus = [primary];
    for (let i = 0; i < 30; i++) hdus.push({ cards: ext([card('EXTNAME', `'E${i}'`)]), data: new Uint8Array(10) });
    const file = unwrap(await open(buildFits(hdus), { maxHdus: 12 }));
    expect(file.hdus.length).toBe(12);
    expect(file.byName('e10')?.index).toBe(11);
    expect(file.issues).toEqual(['f.fits: stopped after 12 HDUs; the rest of the file was not read']);
  });

  it('gives XTENSION kinds and EXTNAME; unknown extension types are kept as other', async () => {
    const bytes = buildFits([primary, { cards: [card('XTENSION', "'FOREIGN'"), card('BITPIX', '8'), card('NAXIS', '1'), card('NAXIS1', '3'), card('EXTNAME', "'  odd '")], data: new Uint8Array(3) }, { cards: ext() , data: new Uint8Array(10) }]);
    const file = unwrap(await open(bytes));
    expect(file.hdus.map((h) => [h.kind, h.extname])).toEqual([['primary', 'PRIMARY'], ['other', 'ODD'], ['image', '']]);
    expect(file.issues).toEqual(['f.fits: HDU 1: extension type "FOREIGN" is not read']);
  });

  it('opens a 1 GB plate-like file reading only its header', async () => {
    // A real header claiming 1 GB of data, served by a source that only has the header bytes.
    const header = buildFits([{ cards: [...primaryCards(-32, [4000, 65536]), card('EXTEND', 'T')] }]);
    let bytesRead = 0;
    const size = 2880 + Math.ceil((4000 * 65536 * 4) / 2880) * 2880;
    const source = {
      name: 'plate.fits',
      size,
      async read(offset: number, length: number) {
        const n = Math.max(0, Math.min(length, size - offset));
        bytesRead += n;
        const out = new Uint8Array(n); // zeros beyond the header
        if (offset < header.length) out.set(header.subarray(offset, Math.min(header.length, offset + n)));
        return out;
      },
    };
    const file = unwrap(await openFits(source));
    expect(file.hdus[0].dataBytes).toBe(4000 * 65536 * 4);
    expect(bytesRead).toBeLessThanOrEqual(4 * 2880 * 2);
    const row = unwrap(await file.readImage(file.hdus[0], { start: 65535, count: 1 }));
    expect(row.data.length).toBe(4000);
    expect(bytesRead).toBeLessThanOrEqual(4 * 2880 * 2 + 16000);
  });

  it('never makes SDSS files worse: a real file with one flipped header byte still opens or fails typed', async () => {
    const sdss = fixtureBytes('sdss/spec-0375-52140-0356.fits');
    const copy = sdss.slice();
    copy[2880 + 80 * 4 + 26] = 0x39; // NAXIS2 of COADD: 4076 → 9076 rows
    const file = unwrap(await open(copy));
    expect(file.hdus.length).toBe(2);
    expect(file.issues?.[0]).toMatch(/^f\.fits: HDU 1: data unit is truncated: expected 290432 bytes, the file holds/);
  });
});
