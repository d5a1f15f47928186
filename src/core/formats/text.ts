/**
 * Plain-text spectra: CSV or whitespace-separated columns, '#' comments,
 * with or without a header line. Columns are recognised by name
 * (wavelength/wave/lambda/lam/loglam, flux, error/err/sigma, ivar, var/
 * variance, mask), also when the names sit on the last comment line before
 * the data ("# wavelength flux ivar"). Without names the columns are taken as
 * wavelength, flux, σ (extra columns ignored, with an issue). A unit in the
 * wavelength name (nm, um) is converted to Å; loglam means log10 Å; vacuum is
 * assumed. NaN/inf are accepted values (bad pixels); anything else that is
 * not a number is a 'bad-text' error naming the line.
 */
import type { InputError, Result, Spectrum } from '../types.ts';
import { fail } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { unknownFrame } from './frame.ts';

type Role = 'wave' | 'loglam' | 'flux' | 'sigma' | 'ivar' | 'variance' | 'mask';

const ROLE_PATTERNS: [Role, RegExp][] = [
  ['loglam', /^(loglam|log_?lambda|log_?wave(length)?)$/],
  ['wave', /^(wavelength|wave|lambda|lam|wl|awav|λ)$/],
  ['flux', /^(flux|flux_?density|f_?lambda|flam|spec|intensity|f)$/],
  ['sigma', /^(error|err|sigma|flux_?err(or)?|err_?flux|error_?flux|e_?flux|uncertainty|unc|noise|stddev|std)$/],
  ['ivar', /^(ivar|inverse_?variance|invvar|inv_?var|flux_?ivar)$/],
  ['variance', /^(variance|var|flux_?var)$/],
  ['mask', /^(mask|and_?mask|quality|flag|flags|bad)$/],
];

const NUMBER = /^[+-]?((\d+\.?\d*|\.\d+)([eEdD][+-]?\d+)?|nan|inf|infinity)$/i;

/** Name → role, ignoring a unit in brackets or after an underscore ("wave(nm)", "wavelength_A"). */
function roleOf(name: string): { role?: Role; unitA: number } {
  const lower = name.trim().toLowerCase();
  const unitMatch = /[([_ ]\s*(nm|um|µm|micron|microns|a|aa|angstroms?|å)\s*[)\]]?$/.exec(lower);
  const unitA = unitMatch ? ({ nm: 10, um: 1e4, µm: 1e4, micron: 1e4, microns: 1e4 } as Record<string, number>)[unitMatch[1]] ?? 1 : 1;
  const bare = unitMatch ? lower.slice(0, unitMatch.index).trim() : lower.replace(/[([].*$/, '').trim();
  const hit = ROLE_PATTERNS.find(([, re]) => re.test(bare));
  return { role: hit?.[0], unitA };
}

function toNumber(token: string): number {
  const t = token.toLowerCase();
  if (t === 'nan') return NaN;
  if (t === 'inf' || t === '+inf' || t === 'infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  return Number(t.replace(/d/, 'e'));
}

const badText = (line: number, what: string): { ok: false; error: InputError } =>
  fail({ code: 'bad-text', message: `Line ${line}: ${what}. Expected columns of numbers (wavelength, flux, error), comma- or space-separated, '#' for comments.` });

/** Parse a text spectrum. `name` is the file name (used as the spectrum id). */
export function parseTextSpectrum(text: string, name: string): Result<Spectrum> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let header: string[] | undefined;
  let lastComment: string[] | undefined;
  let split: ((s: string) => string[]) | undefined;
  const rows: number[][] = [];
  let nCols = 0;
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln].trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (rows.length === 0) lastComment = line.replace(/^#+/, '').trim().split(/\s*,\s*|\s+/).filter(Boolean);
      continue;
    }
    split ??= line.includes(',') ? (s) => s.split(',').map((t) => t.trim()) : (s) => s.split(/[\s;]+/);
    const tokens = split(line);
    const numeric = tokens.every((t) => NUMBER.test(t));
    if (rows.length === 0 && header === undefined && !numeric) {
      header = tokens;
      continue;
    }
    if (!numeric) {
      const bad = tokens.find((t) => !NUMBER.test(t)) ?? '';
      return badText(ln + 1, `"${bad.slice(0, 40)}" is not a number`);
    }
    if (rows.length === 0) {
      nCols = tokens.length;
      if (nCols < 2) return badText(ln + 1, 'only one column; at least wavelength and flux are needed');
    } else if (tokens.length !== nCols) {
      return badText(ln + 1, `${tokens.length} columns where the first data line has ${nCols}`);
    }
    rows.push(tokens.map(toNumber));
  }
  if (rows.length === 0) return badText(lines.length, 'no data lines found');
  const names = header ?? (lastComment?.length === nCols ? lastComment : undefined);
  const layout = names ? layoutFromNames(names) : undefined;
  const issues: string[] = ['Wavelengths assumed to be vacuum Å.'];
  if (header && !layout) issues.push(`Column names not recognised (${header.slice(0, 8).join(', ')}).`);
  const roles = layout ?? positional(nCols, issues);
  const col = (role: Role): Float64Array | undefined => {
    const j = roles.index[role];
    return j === undefined ? undefined : Float64Array.from(rows, (r) => r[j]);
  };
  const wave = roles.index.loglam !== undefined ? col('loglam')!.map((l) => 10 ** l) : col('wave')!.map((w) => w * roles.unitA);
  return buildSpectrum({
    id: name.replace(/\.[^.]*$/, '') || 'spectrum',
    meta: { format: 'text' },
    wavelength: wave,
    frame: unknownFrame(),
    flux: col('flux')!,
    sigma: col('sigma'),
    ivar: col('ivar'),
    variance: col('variance'),
    mask: col('mask'),
    issues,
  });
}

interface Layout {
  index: Partial<Record<Role, number>>;
  unitA: number;
}

function layoutFromNames(names: string[]): Layout | undefined {
  const index: Partial<Record<Role, number>> = {};
  let unitA = 1;
  names.forEach((n, j) => {
    const { role, unitA: u } = roleOf(n);
    if (role && index[role] === undefined) {
      index[role] = j;
      if (role === 'wave') unitA = u;
    }
  });
  if ((index.wave === undefined && index.loglam === undefined) || index.flux === undefined) return undefined;
  return { index, unitA };
}

function positional(nCols: number, issues: string[]): Layout {
  issues.push(
    nCols === 2
      ? 'No column names: read as wavelength, flux (no errors).'
      : `No column names: read as wavelength, flux, σ${nCols > 3 ? ` (${nCols - 3} more column(s) ignored)` : ''}.`,
  );
  return { index: nCols === 2 ? { wave: 0, flux: 1 } : { wave: 0, flux: 1, sigma: 2 }, unitA: 1 };
}
