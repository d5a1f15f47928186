/**
 * Result rows and decisions for the export tests. Identities and truth come
 * from test/fixtures/sdss (SDSS DR16 spec-lite files and SDSS's own CLASS/Z);
 * the pipeline numbers are of the kind the analyzer returns. Two rows carry
 * hostile text (formula starts, quotes, commas, line breaks, non-ASCII) as a
 * crafted FITS header could.
 */
import { spectrumKey } from '../../../src/core/export/spectrumKey.ts';
import type { Decision } from '../../../src/core/export/types.ts';
import { type SpectrumResult } from '../../../src/core/result/spectrumResult.ts';

export const ROWS: SpectrumResult[] = [
  {
    fileName: 'spec-7401-56808-0703.fits',
    index: 0,
    spectrumId: 'spec-7401-56808-0703',
    meta: {
      format: 'sdss-spec',
      survey: 'SDSS',
      ids: { PLATE: 7401, MJD: 56808, FIBERID: 703 },
      truth: { class: 'QSO', subclass: 'BROADLINE', z: 2.182325601577759 },
    },
    family: 'encoder',
    cls: 'QSO',
    z: 2.1819304,
    chi2: { STAR: 4.812, GALAXY: 2.9051, QSO: 1.0432 },
    zByClass: { STAR: -0.00123, GALAXY: 1.2202, QSO: 2.1819304 },
    robustness: 0.4127,
    flags: [],
    nGood: 3987,
    estimator: 'encoder',
    zErr: 0.00091,
    zErrByClass: { STAR: 0.000012, GALAXY: 0.00044, QSO: 0.00091 },
    zErrScale: { STAR: 1.4, GALAXY: 1.56, QSO: 3.21 },
    rankedMinima: {
      STAR: [{ z: -0.00123, chi2: 4.812, zErr: 0.000012, deltaChi2: 14871.2 }],
      GALAXY: [{ z: 1.2202, chi2: 2.9051, zErr: 0.00044, deltaChi2: 7451.9 }],
      QSO: [
        { z: 2.1819304, chi2: 1.0432, zErr: 0.00091, deltaChi2: 0 },
        { z: 1.4051, chi2: 1.4735, zErr: 0.0012, deltaChi2: 1707.3 },
      ],
    },
    deltaChi2: 1707.3,
    secondRedshift: { z2: 0.5512, snr: 3.1, lines: [{ name: '[O II] 3727', restA: 3728.48, snr: 3.1 }] },
    // The encoder's code of this spectrum (npm run analyze -- --json on test/fixtures/sdss/spec-7401-56808-0703.fits).
    coefficients: {
      STAR: [0.0165834, 0.104373, 0.0277301, 0.0233614, 0.0949406, 0.126368, 0.054568, 3.05572e-5, 0.512254, 0.0397909, 5.64835],
      GALAXY: [0.00499286, 0.0614571, 0.173775, 0.085597, 0.110224, 0.126116, 0.22729, 0.137003, 0.0398864, 0.0336585, 7.00179],
      QSO: [0.00195706, 0.347356, 0.0054992, 0.00175378, 0.000674895, 0.0101491, 0.00184832, 0.1982, 0.000755806, 0.431805, 1.2526],
    },
    outlier: 1.8734,
  },
  {
    fileName: 'spec-3298-54924-0141.fits',
    index: 0,
    spectrumId: 'spec-3298-54924-0141',
    meta: { format: 'sdss-spec', survey: 'SDSS', truth: { class: 'STAR', subclass: 'A0', z: -0.000681459903717041 } },
    family: 'encoder',
    cls: 'STAR',
    z: -0.00067,
    chi2: { STAR: 1.2, GALAXY: 5.5, QSO: 6.1 },
    zByClass: { STAR: -0.00067, GALAXY: 0.0012, QSO: 3.9 },
    // robustness undefined: a unique minimum
    flags: ['edge-of-range', 'close-classes'],
    nGood: 4076,
  },
  {
    fileName: 'plate, "north"\nrun.fits',
    index: 12,
    spectrumId: '=HYPERLINK("http://evil","x")',
    meta: { format: 'desi-coadd', ra: 150.125, objectName: '@SUM(1+1)*cmd|\'/c calc\'!A0', dec: -45.25, truth: { class: '+QSO' } },
    family: 'unet',
    cls: 'GALAXY',
    z: 0.5,
    chi2: { STAR: NaN, GALAXY: 1.5, QSO: 2 },
    zByClass: { STAR: NaN, GALAXY: 0.5, QSO: 0.51 },
    robustness: 0.05,
    flags: ['low-robustness'],
    nGood: 800,
  },
  {
    fileName: 'broken é 銀河.fits',
    index: 3,
    spectrumId: 'fiber-3',
    meta: { format: 'lamost-lrs' },
    family: 'encoder',
    flags: [],
    error: '-too few pixels, "all masked"',
  },
];

const ident = (r: SpectrumResult) => ({ fileName: r.fileName, index: r.index, spectrumId: r.spectrumId });
const keyOfRow = (r: SpectrumResult) => spectrumKey(r.fileName, r.index, r.spectrumId);

export const DECISIONS: Decision[] = [
  { key: keyOfRow(ROWS[0]), ...ident(ROWS[0]), qop: 4, comment: 'clear C IV, C III], Mg II', updatedAt: Date.UTC(2025, 0, 2, 3, 4, 5, 678) },
  { key: keyOfRow(ROWS[1]), ...ident(ROWS[1]), qop: 6, z: -0.0007, cls: 'STAR', frame: { medium: 'air', treatAs: 'other' }, updatedAt: Date.UTC(2025, 0, 2, 3, 5) },
  {
    key: keyOfRow(ROWS[2]),
    ...ident(ROWS[2]),
    qop: 1,
    comment: '=1+2, "quoted"\nsecond line\r\n-minus @at \'quote',
    updatedAt: Date.UTC(2025, 0, 3),
  },
  // A decision from an earlier session whose spectrum is not among the rows.
  {
    key: spectrumKey('spec-8285-57048-0398.fits', 0, 'spec-8285-57048-0398'),
    fileName: 'spec-8285-57048-0398.fits',
    index: 0,
    spectrumId: 'spec-8285-57048-0398',
    qop: 2,
    z: 1.5355,
    cls: 'QSO',
    updatedAt: Date.UTC(2024, 11, 31, 23, 59, 59, 999),
  },
];

export const DECISION_MAP: Record<string, Decision> = Object.fromEntries(DECISIONS.map((d) => [d.key, d]));
