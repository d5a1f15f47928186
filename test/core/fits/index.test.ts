/**
 * openFits end to end on real files: SDSS spec-lite (expected numbers from
 * astropy 5.2.1) and an upstream GaSNet-III golden table with vector columns.
 */
import { describe, expect, it } from 'vitest';
import { openFits } from '../../../src/core/fits/index.ts';
import { countingSource, fixtureSource, openFixture, unwrap } from './helpers.ts';

/** Values printed by astropy: flux/loglam/ivar at rows 0, 1000, last, and float64 sums. */
const SDSS = [
  {
    file: 'spec-0375-52140-0356.fits',
    rows: 4076,
    flux: [14.62536907196045, 20.069732666015625, 31.25020408630371, 100228.94296514988],
    loglam: [3.556299924850464, 3.6563000679016113, 3.9637999534606934, 15325.963799715042],
    ivar: [0.0, 0.39431628584861755, 0.32258540391921997, 2447.292875613086],
    spec: { PLATE: 375, MJD: 52140, FIBERID: 356, CLASS: 'GALAXY', SUBCLASS: 'AGN', Z: 0.045072320848703384 },
    spectroflux: [13.445822715759277, 43.399837493896484, 104.0684585571289, 156.1139678955078, 198.66856384277344],
  },
  {
    file: 'spec-0559-52316-0121.fits',
    rows: 3844,
    flux: [10.58024787902832, 35.13758850097656, 10.308626174926758, 95712.5417137146],
    loglam: [3.579400062561035, 3.6793999671936035, 3.96370005607605, 14497.838199853897],
    ivar: [0.02422899194061756, 0.5137634873390198, 0.9420015811920166, 4600.139368467033],
    spec: { PLATE: 559, MJD: 52316, FIBERID: 121, CLASS: 'STAR', SUBCLASS: 'A0', Z: -0.000462014926597476 },
    spectroflux: [51.54648971557617, 71.3783950805664, 75.57202911376953, 74.48312377929688, 70.10350036621094],
  },
  {
    file: 'spec-0564-52224-0581.fits',
    rows: 4076,
    flux: [30.353946685791016, 24.616209030151367, 5.187276363372803, 67221.46524891257],
    loglam: [3.556299924850464, 3.6563000679016113, 3.9637999534606934, 15325.963799715042],
    ivar: [0.0, 0.764496922492981, 1.4720648527145386, 9134.990776697174],
    spec: { PLATE: 564, MJD: 52224, FIBERID: 581, CLASS: 'QSO', SUBCLASS: 'BROADLINE', Z: 0.516534686088562 },
    spectroflux: [41.47980880737305, 45.86992645263672, 40.37544631958008, 46.41339874267578, 44.1171875],
  },
];

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

describe('openFits on SDSS spec-lite files', () => {
  for (const t of SDSS) {
    it(`reads ${t.file} like astropy`, async () => {
      const file = await openFixture(`sdss/${t.file}`);
      expect(file.hdus.map((h) => [h.kind, h.extname])).toEqual([
        ['primary', 'PRIMARY'],
        ['bintable', 'COADD'],
        ['bintable', 'SPECOBJ'],
      ]);
      expect(file.issues).toEqual([]);
      expect(file.hdus[0].header.getString('TELESCOP')).toBe('SDSS 2.5-M');
      const coadd = file.byName('coadd');
      expect(coadd?.axes).toEqual([32, t.rows]);
      const cols = file.columns(coadd!);
      expect(cols.map((c) => c.name)).toEqual(['flux', 'loglam', 'ivar', 'and_mask', 'or_mask', 'wdisp', 'sky', 'model']);
      expect(cols[0].unit).toBe('1e-17 erg/s/cm2/Angstrom');

      const data = unwrap(await file.readColumns(coadd!, ['FLUX', 'loglam', 'ivar', 'and_mask']));
      for (const name of ['FLUX', 'loglam', 'ivar'] as const) {
        const col = data[name];
        expect(col.kind).toBe('number');
        if (col.kind !== 'number') continue;
        expect(col.data).toBeInstanceOf(Float32Array);
        expect(col.data.length).toBe(t.rows);
        const want = t[name === 'FLUX' ? 'flux' : name];
        expect([col.data[0], col.data[1000], col.data[t.rows - 1]]).toEqual(want.slice(0, 3));
        expect(sum(col.data)).toBeCloseTo(want[3], 6);
      }
      const mask = data.and_mask;
      expect(mask.kind === 'number' && mask.data instanceof Float64Array && sum(mask.data)).toBe(0);

      const specobj = file.byName('SPECOBJ')!;
      const s = unwrap(await file.readColumns(specobj, ['PLATE', 'MJD', 'FIBERID', 'CLASS', 'SUBCLASS', 'Z', 'SPECTROFLUX']));
      const first = (k: string) => (s[k].kind === 'string' ? s[k].data[0] : Number(s[k].data[0]));
      for (const [k, v] of Object.entries(t.spec)) expect(first(k), k).toBe(v);
      expect(s.SPECTROFLUX.repeat).toBe(5);
      expect(Array.from(s.SPECTROFLUX.data as Float32Array)).toEqual(t.spectroflux);
    });
  }

  it('opens reading only headers, and a row range reads only those rows', async () => {
    const source = countingSource(fixtureSource('sdss/spec-0375-52140-0356.fits'));
    const file = unwrap(await openFits(source));
    const coadd = file.byName('COADD')!;
    // Every read during open starts at a header.
    const headerStarts = new Set([0, ...file.hdus.map((h) => h.dataOffset + 2880 * Math.ceil(h.dataBytes / 2880))]);
    for (const [offset] of source.reads) expect(headerStarts.has(offset)).toBe(true);
    expect(source.bytesRead).toBeLessThan(source.size / 4);

    source.reads.length = 0;
    const rows = unwrap(await file.readColumns(coadd, ['flux'], { start: 1000, count: 10 }));
    expect(source.reads).toEqual([[coadd.dataOffset + 1000 * 32, 320]]);
    expect(rows.flux.data[0]).toBe(20.069732666015625);
  });
});

describe('openFits on an upstream golden table (vector columns)', () => {
  it('reads 4076E/4119E/10E/K columns and the grid HDU like astropy', async () => {
    const file = await openFixture('golden/test_Encoder_SDSS_STAR_reconstruction_examples.fits');
    expect(file.hdus.length).toBe(3);
    const table = file.hdus[1];
    const cols = file.columns(table);
    expect(cols.find((c) => c.name === 'coefficients')).toEqual({ name: 'coefficients', tform: '10E', repeat: 10, tdim: '(10,1)' });
    const d = unwrap(
      await file.readColumns(table, ['good_pixel_num', 'SUBCLASS', 'flux', 'Best_fit_z', 'chi_square_curve', 'coefficients', 'reconstruction']),
    );
    expect(d.good_pixel_num.kind).toBe('bigint');
    expect(Array.from(d.good_pixel_num.data as BigInt64Array)).toEqual([4230n, 4291n, 4242n, 4193n, 4180n, 4169n, 4243n, 4256n, 3662n, 4279n]);
    expect(d.SUBCLASS.data).toEqual(['', '', 'BROADLINE', 'BROADLINE', '', '', '', 'BROADLINE', 'BROADLINE', '']);
    expect(d.flux.repeat).toBe(4076);
    expect(d.flux.data[3 * 4076 + 2000]).toBe(3.8285365104675293);
    expect(sum(d.flux.data as Float32Array)).toBeCloseTo(137452.13758052542, 5);
    expect(sum(d.reconstruction.data as Float32Array)).toBeCloseTo(2428.813394892286, 6);
    expect(d.Best_fit_z.data[7]).toBe(0.00034992216526985587);
    expect(d.chi_square_curve.data[9 * 4119 + 4118]).toBe(15160.796875);
    expect(d.coefficients.data[2 * 10 + 5]).toBe(0.1263677328824997);

    const grid = unwrap(await file.readColumns(file.hdus[2], ['json_name', 'input_grid', 'output_grid']));
    expect(grid.json_name.data[0]).toBe('./models/Encoder_SDSS_STAR/Encoder_SDSS_STAR.json');
    expect(grid.input_grid.data).toBeInstanceOf(Float64Array);
    expect(grid.input_grid.data[0]).toBe(3.5563025007672873);
    expect(grid.input_grid.data[4075]).toBe(3.963787827345555);
    expect(grid.output_grid.data[4118]).toBe(3.9659647465998296);
  });
});
