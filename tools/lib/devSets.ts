/**
 * The development sets the science measurements run on: the 85 SDSS spectra
 * (test/fixtures/sdss/truth.csv) and the external real spectra (test/fixtures/external/<dir>/truth.csv),
 * each spectrum read, optionally altered (injections), put on the model grid and analysed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSpectra } from '../../src/core/formats/index.ts';
import { toModelGrid } from '../../src/core/grid/toModelGrid.ts';
import type { Analyzer } from '../../src/core/scan/pipeline.ts';
import type { AnalysisResult } from '../../src/core/scan/types.ts';
import { CLASSES, fail, type Result, type SpectralClass, type Spectrum } from '../../src/core/types.ts';
import { nodeFileSource } from '../nodeFileSource.ts';

export const SDSS_DIR = 'test/fixtures/sdss';
export const EXTERNAL_DIR = 'test/fixtures/external';

export interface DevRow {
  set: 'sdss' | 'external';
  path: string;
  index: number;
  /** Survey class; undefined for failed observations (UNKNOWN, no z). */
  cls?: SpectralClass;
  z?: number;
}

/** Rows of a truth.csv: file, class, z and (external sets) index; extra columns ignored. */
function truthRows(dir: string, set: DevRow['set']): DevRow[] {
  const lines = readFileSync(join(dir, 'truth.csv'), 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const [fi, ii, ci, zi] = ['file', 'index', 'class', 'z'].map((c) => head.indexOf(c));
  return lines.slice(1).map((l) => {
    const cells = l.split(',');
    const cls = cells[ci] as SpectralClass;
    return {
      set,
      path: join(dir, cells[fi]),
      index: ii >= 0 ? Number(cells[ii]) : 0,
      cls: CLASSES.includes(cls) ? cls : undefined,
      z: cells[zi] === '' ? undefined : Number(cells[zi]),
    };
  });
}

export function sdssRows(dir = SDSS_DIR): DevRow[] {
  return truthRows(dir, 'sdss');
}

export function externalRows(dir = EXTERNAL_DIR): DevRow[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => truthRows(join(dir, d.name), 'external'));
}

export interface DevOutcome {
  row: DevRow;
  spectrum?: Spectrum;
  result: Result<AnalysisResult>;
}

/** Read one row's spectrum (through `alter` when given), grid and analyse it. */
export async function analyzeRow(row: DevRow, analyzer: Analyzer, alter?: (s: Spectrum) => Spectrum): Promise<DevOutcome> {
  const source = await nodeFileSource(row.path);
  try {
    const opened = await openSpectra(source);
    if (!opened.ok) return { row, result: opened };
    // Some external files hold more spectra than today's readers find: those rows are skipped.
    if (row.index >= opened.value.count) return { row, result: fail({ code: 'no-spectrum', message: `index ${row.index} not read today` }) };
    const read = await opened.value.read(row.index);
    if (!read.ok) return { row, result: read };
    const spectrum = alter ? alter(read.value) : read.value;
    const g = toModelGrid(spectrum);
    if (!g.ok) return { row, spectrum, result: g };
    const [result] = await analyzer.analyze([g.value]);
    return { row, spectrum, result };
  } finally {
    await source.close();
  }
}

/** Right answer: the survey's class and a redshift within the paper's good-fraction threshold. */
export function isRight(row: DevRow, r: AnalysisResult, gfThreshold: Record<SpectralClass, number>): boolean {
  if (row.cls === undefined || row.z === undefined) return false;
  return r.cls === row.cls && Math.abs(r.z - row.z) / (1 + row.z) < gfThreshold[row.cls];
}
