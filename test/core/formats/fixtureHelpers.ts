/** Shared by the adapter tests: open a fixture (optionally under another name) and check it against truth.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import type { OpenedSpectra } from '../../../src/core/formats/types.ts';
import { airToVacuum } from '../../../src/core/grid/airToVacuum.ts';
import { toModelGrid } from '../../../src/core/grid/toModelGrid.ts';
import type { Spectrum } from '../../../src/core/types.ts';

export const FORMATS_DIR = join(import.meta.dirname, '../../fixtures/formats');
export const SDSS_DIR = join(import.meta.dirname, '../../fixtures/sdss');

export interface Spot {
  pixel?: number;
  wavelength: number;
  flux: number;
  ivar: number;
  airWavelength?: number;
}

export interface ExpectedSpectrum {
  index: number;
  id?: string;
  nPixels?: number;
  class: string;
  z: number;
  source: string;
  fileTruth?: { class?: string; subclass?: string; z?: number; zErr?: number; zWarning?: number };
  badPixels?: number[];
  badWavelengths?: number[];
  noDataPixels?: number[];
  objectName?: string;
  ra?: number;
  dec?: number;
  copied?: boolean;
  hasModel?: boolean;
  spots: Spot[];
}

export interface ExpectedFile {
  format: string | null;
  count: number;
  spectra: ExpectedSpectrum[];
  mentions?: string[];
}

export const TRUTH: Record<string, ExpectedFile> = JSON.parse(readFileSync(join(FORMATS_DIR, 'truth.json'), 'utf8')).files;
/** Survey layouts without a real file here (tools/make_survey_fixtures.py), same shape as TRUTH. */
export const SURVEYS: Record<string, ExpectedFile> = JSON.parse(readFileSync(join(FORMATS_DIR, 'surveys.json'), 'utf8')).files;

export function fixtureBytes(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}

/** Open a fixture's bytes under `asName` (defaults to its own name). */
export async function openFixture(name: string, asName = name, dir = FORMATS_DIR): Promise<OpenedSpectra> {
  const opened = await openSpectra(bytesSource(asName, fixtureBytes(dir, name)));
  if (!opened.ok) throw new Error(`${name}: ${opened.error.code}: ${opened.error.message}`);
  return opened.value;
}

export async function readOk(opened: OpenedSpectra, index: number): Promise<Spectrum> {
  const r = await opened.read(index);
  if (!r.ok) throw new Error(`${opened.fileName}[${index}]: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Index of the pixel nearest to `w` (wavelengths increasing). */
export function nearest(wavelength: Float64Array, w: number): number {
  let lo = 0;
  let hi = wavelength.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (wavelength[mid] < w) lo = mid;
    else hi = mid;
  }
  return Math.abs(wavelength[lo] - w) <= Math.abs(wavelength[hi] - w) ? lo : hi;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-30);

/** Everything truth.json (or another expectation file of its shape) says about one file, checked on what the adapter read. */
export async function checkFixture(name: string, want: ExpectedFile = TRUTH[name]): Promise<Spectrum[]> {
  const opened = await openFixture(name);
  expect(opened.format).toBe(want.format);
  expect(opened.count).toBe(want.count);
  const out: Spectrum[] = [];
  for (const e of want.spectra) {
    const s = await readOk(opened, e.index);
    out.push(s);
    expect(s.meta.format).toBe(want.format);
    if (e.id !== undefined) expect(s.id).toBe(e.id);
    if (e.nPixels !== undefined) expect(s.wavelength.length).toBe(e.nPixels);
    for (let i = 1; i < s.wavelength.length; i++) if (!(s.wavelength[i] > s.wavelength[i - 1])) throw new Error(`not increasing at ${i}`);
    // truth.json gives vacuum wavelengths; the adapter keeps the file's medium and says which
    const vac = s.frame.medium === 'air' ? airToVacuum(s.wavelength) : s.wavelength;
    for (const spot of e.spots) {
      const i = nearest(vac, spot.wavelength);
      expect(Math.abs(vac[i] - spot.wavelength)).toBeLessThan(2e-3); // Å (float32 wavelength arrays)
      expect(rel(s.flux[i], spot.flux)).toBeLessThan(1e-6);
      if (spot.ivar === 0) expect(s.ivar[i]).toBe(0);
      else expect(rel(s.ivar[i], spot.ivar)).toBeLessThan(1e-5);
      if (spot.airWavelength !== undefined) expect(Math.abs(s.wavelength[i] - spot.airWavelength)).toBeLessThan(2e-3);
    }
    for (const p of e.badPixels ?? []) expect(s.mask?.[p] === 1 || s.ivar[p] === 0).toBe(true);
    for (const w of e.badWavelengths ?? []) {
      const i = nearest(vac, w);
      expect(s.mask?.[i] === 1 || s.ivar[i] === 0).toBe(true);
    }
    if (e.fileTruth) {
      const t = s.meta.truth!;
      if (e.fileTruth.class) expect(t.class).toBe(e.fileTruth.class);
      if (e.fileTruth.subclass) expect(t.subclass).toBe(e.fileTruth.subclass);
      if (e.fileTruth.z !== undefined) expect(t.z).toBeCloseTo(e.fileTruth.z, 7);
      if (e.fileTruth.zErr !== undefined) expect(t.zErr).toBeCloseTo(e.fileTruth.zErr, 9);
    }
    if (e.objectName !== undefined) expect(s.meta.objectName).toBe(e.objectName);
    if (e.ra !== undefined) expect(s.meta.ra).toBeCloseTo(e.ra, 9);
    if (e.dec !== undefined) expect(s.meta.dec).toBeCloseTo(e.dec, 9);
    if (e.hasModel) expect(s.model?.length).toBe(s.wavelength.length);
    const g = toModelGrid(s);
    if (!g.ok) throw new Error(`${name}[${e.index}] toModelGrid: ${g.error.message}`);
    expect(g.value.nGood).toBeGreaterThan(2500);
    if (e.copied !== undefined) expect(g.value.copied).toBe(e.copied);
  }
  return out;
}
