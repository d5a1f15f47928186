/**
 * The adapters' half of the fuzzing (tools/fuzz.ts and the property tests in
 * test/core/formats/): open a damaged file the way the app does
 * (`openSpectra`: sniff, gunzip, FITS or text, pick an adapter), read a few
 * of its spectra and put them on the model grid, and check that every
 * outcome is ok or a typed error with a clear message, and that whatever
 * comes back is self-consistent. Pure: no Node APIs.
 */
import type { ByteSource } from '../src/core/fits/index.ts';
import { openSpectra } from '../src/core/formats/index.ts';
import { toModelGrid } from '../src/core/grid/toModelGrid.ts';
import type { InputError, InputErrorCode, Spectrum } from '../src/core/types.ts';

/** Codes outside input may earn; 'internal' (a bug) and 'model-load' may not come from a file. */
export const FILE_ERROR_CODES: readonly InputErrorCode[] = [
  'not-fits',
  'truncated',
  'corrupt-header',
  'unsupported-bitpix',
  'unsupported-tform',
  'too-large',
  'no-spectrum',
  'no-matching-format',
  'bad-wavelengths',
  'out-of-range',
  'too-few-pixels',
  'all-masked',
  'not-finite',
  'bad-text',
];

/** Spectra read per file: the first two and the last (multi-fibre files stay cheap). */
const READ_AT = (count: number): number[] => [...new Set([0, 1, count - 1].filter((i) => i >= 0 && i < count))];

export interface SpectraExercise {
  /** 'ok' or the open error code. */
  outcome: string;
  /** Adapter that matched, when one did. */
  format?: string;
  /** Codes of per-spectrum failures (read or model grid). */
  spectrumErrors: string[];
  /** Spectra read and put on the model grid. */
  gridded: number;
  /** Bytes of the largest spectrum read (all its arrays). */
  largestSpectrum: number;
}

/** Throws (a finding) when an error is not a typed, clearly worded file error. */
export function checkFileError(error: InputError, where: string): void {
  if (!FILE_ERROR_CODES.includes(error.code)) throw new Error(`${where}: code '${error.code}' is not a file error: ${error.message}`);
  const m = error.message;
  if (typeof m !== 'string' || m.trim().length < 15) throw new Error(`${where}: message too short to help: '${m}'`);
  if (/\bundefined\b|\[object /.test(m)) {
    throw new Error(`${where}: message leaks an internal value: ${m}`);
  }
}

/** Throws (a finding) when a spectrum an adapter returned is inconsistent. */
export function checkSpectrum(s: Spectrum, where: string): void {
  const n = s.wavelength.length;
  if (!(s.wavelength instanceof Float64Array) || !(s.flux instanceof Float32Array) || !(s.ivar instanceof Float32Array)) {
    throw new Error(`${where}: arrays of the wrong type`);
  }
  for (const [name, a] of [['flux', s.flux], ['ivar', s.ivar], ['mask', s.mask], ['model', s.model]] as const) {
    if (a !== undefined && a.length !== n) throw new Error(`${where}: ${name} has ${a.length} pixels, wavelength ${n}`);
  }
  for (let i = 0; i < n; i++) {
    if (!(s.ivar[i] >= 0) || !Number.isFinite(s.ivar[i])) throw new Error(`${where}: ivar[${i}] = ${s.ivar[i]}`);
  }
  if (typeof s.id !== 'string') throw new Error(`${where}: id is not a string`);
}

const spectrumBytes = (s: Spectrum): number =>
  s.wavelength.byteLength + s.flux.byteLength + s.ivar.byteLength + (s.mask?.byteLength ?? 0) + (s.model?.byteLength ?? 0);

/** Open `source` with openSpectra, read up to three spectra and grid them. */
export async function exerciseSpectra(source: ByteSource): Promise<SpectraExercise> {
  const opened = await openSpectra(source);
  if (!opened.ok) {
    checkFileError(opened.error, `open ${source.name}`);
    return { outcome: opened.error.code, spectrumErrors: [], gridded: 0, largestSpectrum: 0 };
  }
  const o = opened.value;
  if (!(Number.isSafeInteger(o.count) && o.count > 0)) throw new Error(`${source.name}: count ${o.count}`);
  const spectrumErrors: string[] = [];
  let gridded = 0;
  let largestSpectrum = 0;
  for (const i of READ_AT(o.count)) {
    const where = `${source.name} [${o.format}] spectrum ${i}`;
    const read = await o.read(i);
    if (!read.ok) {
      checkFileError(read.error, where);
      spectrumErrors.push(read.error.code);
      continue;
    }
    checkSpectrum(read.value, where);
    largestSpectrum = Math.max(largestSpectrum, spectrumBytes(read.value));
    const g = toModelGrid(read.value);
    if (!g.ok) {
      checkFileError(g.error, `${where} on the model grid`);
      spectrumErrors.push(g.error.code);
      continue;
    }
    for (let k = 0; k < g.value.flux.length; k++) {
      if (!Number.isFinite(g.value.flux[k]) || !Number.isFinite(g.value.ivar[k]) || g.value.ivar[k] < 0) {
        throw new Error(`${where}: model-grid pixel ${k} has flux ${g.value.flux[k]}, ivar ${g.value.ivar[k]}`);
      }
    }
    gridded++;
  }
  return { outcome: 'ok', format: o.format, spectrumErrors, gridded, largestSpectrum };
}
