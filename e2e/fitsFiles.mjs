/**
 * Test files made at run time for the e2e specs (nothing large is
 * committed): a minimal FITS header reader and writer, one-row-per-pixel
 * spectrum tables (generic-table adapter), header patches, truncations, and
 * a multi-fibre spPlate of any size streamed to disk by repeating the
 * fibres of test/fixtures/formats/sdss_spPlate.fits.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

export const BLOCK = 2880;
const CARD = 80;

/** One 80-character card. Strings are quoted (quotes doubled); numbers and booleans right-justified. */
export function card(key, value, comment) {
  let v;
  if (typeof value === 'string') v = `'${value.replace(/'/g, "''").padEnd(8)}'`;
  else if (typeof value === 'boolean') v = (value ? 'T' : 'F').padStart(20);
  else v = String(value).padStart(20);
  const text = `${key.padEnd(8)}= ${v}${comment ? ` / ${comment}` : ''}`;
  if (text.length > CARD) throw new RangeError(`card too long: ${text}`);
  return text.padEnd(CARD);
}

/** A header unit: the cards, END, blank padding to a whole block. */
export function headerBytes(cards) {
  const text = [...cards, 'END'.padEnd(CARD)].join('');
  return Buffer.from(text.padEnd(Math.ceil(text.length / BLOCK) * BLOCK), 'latin1');
}

const pad = (n) => Math.ceil(n / BLOCK) * BLOCK;

/** The HDUs of a FITS file: header cards (raw), values by keyword, header/data offsets and data size. */
export function readHdus(bytes) {
  const out = [];
  let at = 0;
  while (at + BLOCK <= bytes.length) {
    const cards = [];
    let end = -1;
    for (let c = at; c + CARD <= bytes.length; c += CARD) {
      const text = bytes.toString('latin1', c, c + CARD);
      if (text.startsWith('END     ') || text.trimEnd() === 'END') {
        end = c + CARD;
        break;
      }
      cards.push(text);
    }
    if (end < 0) break;
    const values = new Map();
    for (const t of cards) {
      if (t[8] !== '=') continue;
      const raw = t.slice(10).replace(/\/.*$/, '').trim();
      values.set(t.slice(0, 8).trim(), raw.startsWith("'") ? raw.slice(1, raw.lastIndexOf("'")).trimEnd() : raw === 'T' ? true : raw === 'F' ? false : Number(raw));
    }
    const naxis = values.get('NAXIS') ?? 0;
    let n = naxis > 0 ? 1 : 0;
    for (let k = 1; k <= naxis; k++) n *= values.get(`NAXIS${k}`);
    const dataBytes = (Math.abs(values.get('BITPIX')) / 8) * (values.get('GCOUNT') ?? 1) * ((values.get('PCOUNT') ?? 0) + n);
    const dataStart = pad(end - at) + at;
    out.push({ cards, values, headerStart: at, dataStart, dataBytes });
    at = dataStart + pad(dataBytes);
  }
  return out;
}

/** Replace (or add, before END) cards in HDU `index`; the header must keep its block count. */
export function patchHeader(bytes, index, replacements) {
  const hdu = readHdus(bytes)[index];
  const cards = hdu.cards.slice();
  for (const [key, value] of Object.entries(replacements)) {
    const line = card(key, value);
    const at = cards.findIndex((c) => c.slice(0, 8).trim() === key);
    if (at >= 0) cards[at] = line;
    else cards.push(line);
  }
  const head = headerBytes(cards);
  if (head.length !== hdu.dataStart - hdu.headerStart) throw new RangeError('patched header would change size');
  const out = Buffer.from(bytes);
  head.copy(out, hdu.headerStart);
  return out;
}

/** Overwrite the bytes of a fixed-width string field (row `row`, column `name`) of a binary table HDU. */
export function patchTableString(bytes, index, name, row, text) {
  const hdu = readHdus(bytes)[index];
  const { offset, repeat, letter } = field(hdu, name);
  if (letter !== 'A' || text.length > repeat) throw new RangeError(`${name} is ${repeat}${letter}`);
  const out = Buffer.from(bytes);
  out.write(text.padEnd(repeat, ' '), hdu.dataStart + row * hdu.values.get('NAXIS1') + offset, 'latin1');
  return out;
}

/** A scalar E or D column of binary table HDU `index`, one value per row. */
export function readTableColumn(bytes, index, name) {
  const hdu = readHdus(bytes)[index];
  const { offset, repeat, letter } = field(hdu, name);
  if (repeat !== 1 || (letter !== 'E' && letter !== 'D')) throw new RangeError(`${name} is ${repeat}${letter}`);
  const rowBytes = hdu.values.get('NAXIS1');
  return Float64Array.from({ length: hdu.values.get('NAXIS2') }, (_, r) => {
    const at = hdu.dataStart + r * rowBytes + offset;
    return letter === 'E' ? bytes.readFloatBE(at) : bytes.readDoubleBE(at);
  });
}

/** An SDSS spec-lite fixture's spectrum (COADD: loglam, flux, ivar) with wavelengths in Å. */
export function sdssSpectrum(file) {
  const b = fixture(`sdss/${file}`);
  return { wavelength: readTableColumn(b, 1, 'loglam').map((l) => 10 ** l), flux: readTableColumn(b, 1, 'flux'), ivar: readTableColumn(b, 1, 'ivar') };
}

/**
 * A spectrum as a FITS table, one row per pixel (wavelength in Å, flux, ivar:
 * all float64), with extra primary cards (e.g. OBJECT) and column units.
 */
export function spectrumTable({ wavelength, flux, ivar, primary = {}, units = {} }) {
  const n = wavelength.length;
  const cols = [
    ['WAVELENGTH', wavelength, units.wavelength ?? 'Angstrom'],
    ['FLUX', flux, units.flux],
    ['IVAR', ivar, units.ivar],
  ];
  const head0 = headerBytes([card('SIMPLE', true), card('BITPIX', 8), card('NAXIS', 0), card('EXTEND', true), ...Object.entries(primary).map(([k, v]) => card(k, v))]);
  const cards = [
    card('XTENSION', 'BINTABLE'),
    card('BITPIX', 8),
    card('NAXIS', 2),
    card('NAXIS1', 8 * cols.length),
    card('NAXIS2', n),
    card('PCOUNT', 0),
    card('GCOUNT', 1),
    card('TFIELDS', cols.length),
    card('EXTNAME', 'SPECTRUM'),
  ];
  cols.forEach(([name, , unit], i) => {
    cards.push(card(`TTYPE${i + 1}`, name), card(`TFORM${i + 1}`, 'D'));
    if (unit) cards.push(card(`TUNIT${i + 1}`, unit));
  });
  const data = Buffer.alloc(pad(8 * cols.length * n));
  for (let r = 0; r < n; r++) cols.forEach(([, values], i) => data.writeDoubleBE(values[r], 8 * (r * cols.length + i)));
  return Buffer.concat([head0, headerBytes(cards), data]);
}

/** A smooth, well-sampled fake spectrum on `n` pixels from `lo` to `hi` Å (for files that must fail for another reason). */
export function fakeSpectrum(n, lo, hi, fluxAt = (w, i) => 10 + Math.sin(i / 30)) {
  const wavelength = Float64Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (i / (n - 1)));
  return { wavelength, flux: Float64Array.from(wavelength, fluxAt), ivar: new Float64Array(n).fill(1) };
}

export const fixture = (path) => readFileSync(join(ROOT, 'test', 'fixtures', path));

/** Bytes one fibre adds to the spPlate written by writeBigSpPlate (a row of each image and of the plug map). */
export function spPlateFibreBytes() {
  return readHdus(fixture('formats/sdss_spPlate.fits')).reduce(
    (sum, h) => sum + (h.values.get('XTENSION') === 'BINTABLE' ? h.values.get('NAXIS1') : (Math.abs(h.values.get('BITPIX')) / 8) * h.values.get('NAXIS1')),
    0,
  );
}

/**
 * Write an spPlate of `nFibres` fibres to `path` (streamed: never held in
 * memory) by repeating the 3 fibres of the committed fixture in every image
 * HDU and the plug map (FIBERID set to 1..nFibres). Returns the file size.
 */
export function writeBigSpPlate(path, nFibres) {
  const src = fixture('formats/sdss_spPlate.fits');
  const hdus = readHdus(src);
  const fd = openSync(path, 'w');
  let size = 0;
  const write = (buf) => {
    writeSync(fd, buf);
    size += buf.length;
  };
  try {
    for (const hdu of hdus) {
      const isTable = hdu.values.get('XTENSION') === 'BINTABLE';
      const rowBytes = isTable ? hdu.values.get('NAXIS1') : (Math.abs(hdu.values.get('BITPIX')) / 8) * hdu.values.get('NAXIS1');
      const rows = hdu.values.get('NAXIS2');
      write(headerBytes(hdu.cards.map((c) => (c.startsWith('NAXIS2  ') ? card('NAXIS2', nFibres) : c))));
      const srcRows = src.subarray(hdu.dataStart, hdu.dataStart + rowBytes * rows);
      const fiberAt = isTable ? field(hdu, 'FIBERID').offset : -1;
      const chunkRows = Math.max(1, Math.floor((8 << 20) / rowBytes));
      for (let r0 = 0; r0 < nFibres; r0 += chunkRows) {
        const n = Math.min(chunkRows, nFibres - r0);
        const chunk = Buffer.alloc(n * rowBytes);
        for (let r = 0; r < n; r++) {
          const from = ((r0 + r) % rows) * rowBytes;
          srcRows.copy(chunk, r * rowBytes, from, from + rowBytes);
          if (fiberAt >= 0) chunk.writeInt32BE(r0 + r + 1, r * rowBytes + fiberAt);
        }
        write(chunk);
      }
      const tail = pad(rowBytes * nFibres) - rowBytes * nFibres;
      if (tail > 0) write(Buffer.alloc(tail));
    }
  } finally {
    closeSync(fd);
  }
  return size;
}

const TFORM_BYTES = { L: 1, X: 1, B: 1, I: 2, J: 4, K: 8, A: 1, E: 4, D: 8, C: 8, M: 16, P: 8, Q: 16 };

/** Byte offset within a row, repeat and letter of a binary-table column (X columns not handled). */
function field(hdu, name) {
  let offset = 0;
  for (let k = 1; k <= hdu.values.get('TFIELDS'); k++) {
    const [, rep, letter] = /^(\d*)([A-Z])/.exec(String(hdu.values.get(`TFORM${k}`)).trim());
    const repeat = rep === '' ? 1 : Number(rep);
    if (String(hdu.values.get(`TTYPE${k}`)).trim() === name) return { offset, repeat, letter };
    offset += repeat * TFORM_BYTES[letter];
  }
  throw new RangeError(`no column ${name}`);
}
