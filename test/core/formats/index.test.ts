import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesSource, openFits } from '../../../src/core/fits/index.ts';
import { ADAPTERS, findAdapter, openSpectra } from '../../../src/core/formats/index.ts';
import { FORMATS_DIR, SDSS_DIR, SURVEYS, TRUTH, fixtureBytes, openFixture, readOk } from './fixtureHelpers.ts';

const EXPECTED = { ...TRUTH, ...SURVEYS };
const SPECTRUM_FIXTURES = Object.keys(EXPECTED).filter((f) => EXPECTED[f].format !== null);

describe('openSpectra', () => {
  it('every fixture in formats/ is listed in truth.json or surveys.json', () => {
    const files = readdirSync(FORMATS_DIR).filter((f) => f !== 'truth.json' && f !== 'surveys.json');
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(SPECTRUM_FIXTURES)('detects %s from its contents, not its name', async (name) => {
    for (const asName of ['upload.bin', 'spec-0375-52140-0356.fits', 'coadd-sv3-dark-26065.csv']) {
      const opened = await openFixture(name, asName);
      expect(opened.format).toBe(EXPECTED[name].format);
      expect(opened.count).toBe(EXPECTED[name].count);
      expect(opened.fileName).toBe(asName);
    }
  });

  it('opens a real SDSS file renamed like a DESI coadd as sdss-spec', async () => {
    const opened = await openFixture('spec-0564-52224-0581.fits', 'coadd-sv3-dark-26065.fits', SDSS_DIR);
    expect(opened.format).toBe('sdss-spec');
  });

  it('picks the specific adapter where a generic one would also match', async () => {
    const expectations: [string, string[]][] = [
      ['lamost_new.fits', ['lamost-lrs', 'generic-table']],
      ['sdss5_spec.fits', ['sdss-spec', 'generic-table']],
      ['generic_vector.fits', ['generic-table']],
      ['sdss_spPlate.fits', ['sdss-spplate']],
    ];
    for (const [name, matching] of expectations) {
      const file = await openFits(bytesSource(name, fixtureBytes(FORMATS_DIR, name)));
      if (!file.ok) throw new Error(file.error.message);
      expect(ADAPTERS.filter((a) => a.match(file.value)).map((a) => a.id)).toEqual(matching);
      expect(findAdapter(file.value)?.id).toBe(matching[0]);
    }
  });

  it("lists the HDUs, kinds, shapes and columns seen when no layout matches ('no-matching-format')", async () => {
    const r = await openSpectra(bytesSource('events.fits', fixtureBytes(FORMATS_DIR, 'unknown_layout.fits')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('no-matching-format');
    for (const m of TRUTH['unknown_layout.fits'].mentions!) expect(r.error.message).toContain(m);
    expect(r.error.message).toMatch(/HDU 0 PRIMARY: primary, no data/);
    expect(r.error.message).toMatch(/HDU 1 EVENTS: bintable, 10 rows × 3 columns \(TIME, PI, ENERGY\)/);
    expect(r.error.message).toMatch(/save it as a table/);
  });

  it('reads gzip-compressed text', async () => {
    const gz = gzipSync(fixtureBytes(FORMATS_DIR, 'spectrum.csv'));
    const r = await openSpectra(bytesSource('spectrum.csv.gz', new Uint8Array(gz)));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('text');
    const s = await readOk(r.value, 0);
    expect(s.wavelength.length).toBe(TRUTH['spectrum.csv'].spectra[0].nPixels);
  });

  it("refuses binary that is neither FITS, gzip nor text ('not-fits') and says what is supported", async () => {
    const junk = new Uint8Array(5000).map((_, i) => (i * 37) % 256);
    const r = await openSpectra(bytesSource('photo.jpg', junk));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('not-fits');
      expect(r.error.message).toMatch(/Supported: SDSS/);
    }
  });

  it('returns typed errors, never throws, on a truncated file', async () => {
    const bytes = fixtureBytes(SDSS_DIR, 'spec-0564-52224-0581.fits');
    const opened = await openSpectra(bytesSource('cut.fits', bytes.subarray(0, 40_000)));
    if (opened.ok) {
      const s = await opened.value.read(0);
      expect(s.ok).toBe(false);
      if (!s.ok) expect(s.error.code).toBe('truncated');
    } else {
      expect(opened.error.code).toBe('truncated');
    }
  });

  it('never throws on damaged files: every FITS fixture cut short opens or reads to a typed result', async () => {
    for (const name of SPECTRUM_FIXTURES.filter((f) => !f.endsWith('.csv') && !f.endsWith('.txt'))) {
      const bytes = fixtureBytes(FORMATS_DIR, name);
      for (const keep of [0.3, 0.6, 0.95]) {
        const cut = bytes.subarray(0, Math.floor(bytes.length * keep));
        const opened = await openSpectra(bytesSource(`cut-${name}`, cut));
        if (!opened.ok) {
          expect(opened.error.message.length).toBeGreaterThan(0);
          continue;
        }
        for (let i = 0; i < opened.value.count; i++) {
          const r = await opened.value.read(i);
          if (!r.ok) expect(['truncated', 'not-fits', 'no-spectrum', 'corrupt-header', 'bad-wavelengths', 'internal']).toContain(r.error.code);
        }
      }
    }
  });

  it('reports a text error with its line number', async () => {
    const text = 'wavelength,flux,error\n4000,1,0.1\n4001,abc,0.1\n';
    const r = await openSpectra(bytesSource('bad.csv', new TextEncoder().encode(text)));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad-text');
      expect(r.error.message).toMatch(/bad\.csv: Line 3: "abc" is not a number/);
    }
  });

  it('throws RangeError for an index outside 0..count−1 (a programmer error)', async () => {
    const opened = await openFixture('twodf.fits');
    expect(() => opened.read(3)).toThrow(RangeError);
  });

  it('names an empty file as empty (not "does not start with SIMPLE"), raw, gzip-compressed or blank text', async () => {
    const empty = await openSpectra(bytesSource('night1.fits', new Uint8Array(0)));
    expect(empty.ok).toBe(false);
    if (empty.ok) return;
    expect(empty.error.message).toMatch(/^night1\.fits is empty \(0 bytes\)/);
    expect(empty.error.message).not.toMatch(/SIMPLE/);
    const gz = await openSpectra(bytesSource('night1.fits.gz', gzipSync(new Uint8Array(0))));
    expect(!gz.ok && gz.error.message).toMatch(/^night1\.fits\.gz is empty \(0 bytes once decompressed\)/);
    const blank = await openSpectra(bytesSource('spec.csv', new TextEncoder().encode('\n  \n\t\n')));
    expect(!blank.ok && blank.error.message).toMatch(/^spec\.csv is empty/);
  });
});
