/** The committed SDSS spectra read and analysed for the scan tests (a helper, not a test file). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import { toModelGrid } from '../../../src/core/grid/toModelGrid.ts';
import type { Analyzer } from '../../../src/core/scan/pipeline.ts';
import type { AnalysisResult } from '../../../src/core/scan/types.ts';
import type { Spectrum } from '../../../src/core/types.ts';

export const SDSS_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'sdss');

/** The first spectrum of a file in test/fixtures/sdss, through the format adapters. */
export async function sdssSpectrum(file: string): Promise<Spectrum> {
  const o = await openSpectra(bytesSource(file, new Uint8Array(readFileSync(join(SDSS_DIR, file)))));
  if (!o.ok) throw new Error(o.error.message);
  const s = await o.value.read(0);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

/** A spectrum put on the model grid and analysed; throws on any failure. */
export async function analyseSpectrum(analyzer: Analyzer, s: Pick<Spectrum, 'wavelength' | 'flux' | 'ivar' | 'mask'>): Promise<AnalysisResult> {
  const g = toModelGrid(s);
  if (!g.ok) throw new Error(g.error.message);
  const [r] = await analyzer.analyze([g.value]);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
