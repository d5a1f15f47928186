/**
 * The three SDSS fixture spectra the interop fixtures are about (test/fixtures/sdss), as rows
 * with the pipeline answers `npm run --silent analyze -- --json` gives for them (Encoder).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpectrumResult } from '../../../src/core/result/spectrumResult.ts';

const row = (id: string, cls: 'STAR' | 'GALAXY' | 'QSO', z: number, deltaChi2: number): SpectrumResult => ({
  fileName: `${id}.fits`,
  index: 0,
  spectrumId: id,
  meta: { format: 'sdss-spec', survey: 'SDSS' },
  family: 'encoder',
  cls,
  z,
  flags: [],
  deltaChi2,
});

export const OPEN: SpectrumResult[] = [
  row('spec-0375-52140-0356', 'GALAXY', 0.045033621, 5803.2),
  row('spec-0564-52224-0581', 'QSO', 0.51701601, 1520.7),
  row('spec-3188-54831-0169', 'STAR', 0.00011217934, 20411.9),
];

const DIR = join(import.meta.dirname, '../../fixtures/interop');

export function fixture(name: string): { name: string; text: string } {
  return { name, text: readFileSync(join(DIR, name), 'utf8') };
}
