/**
 * The second-redshift fixture of the app's browser test (e2e/science.spec.mjs): a real SDSS spectrum
 * with the emission lines of a background star-forming galaxy added to its flux, exactly as the
 * injection measurement adds them (tools/lib/injectLines.ts, docs/METHOD-extensions.md §4).
 *
 *   npx tsx tools/makeSecondZFixture.ts [--in spec-0375-52140-0356.fits] [--z2 0.7] [--snr 55] [--out test/fixtures/second-z/…]
 *
 * The file is a byte copy of the spec-lite file with only the COADD `flux` column (float32, one row per
 * pixel) rewritten, so it is read as SDSS (same instrument treatment, same frame) and its header still
 * gives SDSS's answer for the foreground object. Deterministic: no noise is added (the real spectrum
 * carries its own).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Spectrum } from '../src/core/types.ts';
import { arg } from './lib/args.ts';
import { injectGalaxyLines } from './lib/injectLines.ts';

const BLOCK = 2880;
const CARD = 80;

const input = join('test/fixtures/sdss', arg('--in', 'spec-0375-52140-0356.fits'));
const z2 = Number(arg('--z2', '0.7'));
const snr = Number(arg('--snr', '55'));
const out = arg('--out', join('test/fixtures/second-z', basename(input).replace(/\.fits$/, `-z2-${z2}.fits`)));

interface Hdu {
  values: Map<string, string>;
  dataStart: number;
}

/** Header values (raw text) and data offsets of every HDU. */
function hdus(bytes: Buffer): Hdu[] {
  const list: Hdu[] = [];
  let at = 0;
  while (at + BLOCK <= bytes.length) {
    const values = new Map<string, string>();
    let end = -1;
    for (let c = at; c + CARD <= bytes.length; c += CARD) {
      const text = bytes.toString('latin1', c, c + CARD);
      if (text.trimEnd() === 'END') {
        end = c + CARD;
        break;
      }
      if (text[8] === '=') values.set(text.slice(0, 8).trim(), text.slice(10).replace(/\/.*$/, '').trim().replace(/^'(.*)'$/, '$1').trim());
    }
    if (end < 0) break;
    const dataStart = at + Math.ceil((end - at) / BLOCK) * BLOCK;
    const naxis = Number(values.get('NAXIS') ?? 0);
    let n = naxis > 0 ? 1 : 0;
    for (let k = 1; k <= naxis; k++) n *= Number(values.get(`NAXIS${k}`));
    const dataBytes = (Math.abs(Number(values.get('BITPIX'))) / 8) * (Number(values.get('PCOUNT') ?? 0) + n);
    list.push({ values, dataStart });
    at = dataStart + Math.ceil(dataBytes / BLOCK) * BLOCK;
  }
  return list;
}

const TFORM_BYTES: Record<string, number> = { L: 1, B: 1, I: 2, J: 4, K: 8, E: 4, D: 8, A: 1 };

/** Byte offset in a row and type letter of a scalar column. */
function column(h: Hdu, name: string): { offset: number; letter: string } {
  let offset = 0;
  for (let i = 1; i <= Number(h.values.get('TFIELDS')); i++) {
    const m = /^(\d*)([A-Z])/.exec(h.values.get(`TFORM${i}`) ?? '');
    if (!m) throw new Error(`TFORM${i} unreadable`);
    const repeat = m[1] === '' ? 1 : Number(m[1]);
    if (h.values.get(`TTYPE${i}`)?.toLowerCase() === name) {
      if (repeat !== 1) throw new Error(`${name} is not a scalar column`);
      return { offset, letter: m[2] };
    }
    offset += repeat * TFORM_BYTES[m[2]];
  }
  throw new Error(`no column ${name}`);
}

const bytes = readFileSync(input);
const coadd = hdus(bytes).find((h) => h.values.get('EXTNAME') === 'COADD');
if (!coadd) throw new Error(`${input}: no COADD HDU`);
const rowBytes = Number(coadd.values.get('NAXIS1'));
const rows = Number(coadd.values.get('NAXIS2'));
const read = (name: string) => {
  const { offset, letter } = column(coadd, name);
  return Float64Array.from({ length: rows }, (_, r) => {
    const at = coadd.dataStart + r * rowBytes + offset;
    return letter === 'E' ? bytes.readFloatBE(at) : bytes.readDoubleBE(at);
  });
};
const flux = column(coadd, 'flux');
if (flux.letter !== 'E') throw new Error('flux is not float32');
// injectGalaxyLines reads wavelength, flux, ivar and mask only.
const spectrum = { wavelength: read('loglam').map((l) => 10 ** l), flux: Float32Array.from(read('flux')), ivar: Float32Array.from(read('ivar')) } as unknown as Spectrum;
const injected = injectGalaxyLines(spectrum, z2, snr);
if (!injected) throw new Error('no injected line falls on good pixels');
const outBytes = Buffer.from(bytes);
for (let r = 0; r < rows; r++) outBytes.writeFloatBE(injected.flux[r], coadd.dataStart + r * rowBytes + flux.offset);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, outBytes);
console.log(`${out}: ${input} with a star-forming galaxy's lines at z2 = ${z2}, optimal S/N ${snr}`);
