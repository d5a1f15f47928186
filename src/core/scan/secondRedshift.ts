/**
 * Search of the residual after the best fit for emission lines at a second redshift
 * (docs/METHOD-extensions.md §4): a background galaxy behind a lens, or a blended spectrum.
 * In the spirit of the SLACS search (Bolton et al. 2004, 2006): the residual is masked around
 * the foreground's own strong emission lines (their misfit is the commonest false signal), each
 * line's matched filter gives its S/N at every trial z₂, and a z₂ counts when lines of two or
 * more separate groups (a doublet or a close complex is one group: one broad residual bump
 * covers it) reach LINE_MIN_SNR there. Its S/N is the counted lines' added in quadrature.
 *
 * Trials step 1e-4 dex in 1+z₂, one model-grid pixel: every line then moves by one pixel per
 * trial, so the residual is filtered once and each line reads the result at a fixed offset.
 */
import { INPUT_LOGLAM0, LOGLAM_STEP_DEX, N_INPUT } from '../grid/modelGrid.ts';
import { EMISSION_LINES } from '../lines/index.ts';
import type { SpectralClass } from '../types.ts';
import type { Preprocessed, SecondRedshift } from './types.ts';

interface SearchLine {
  name: string;
  /** Lines close enough for one residual feature to cover them share a group. */
  group: string;
  /** Vacuum Å of the components (one, or the two of an unresolved-at-low-S/N doublet). */
  components: readonly number[];
  /** Searched only above this z₂ (Lyα: where no optical line is left to confirm it). */
  minZ?: number;
}

/** The lines, vacuum wavelengths as SDSS lists them (src/core/lines, [O II] split). */
export const SECOND_Z_LINES: readonly SearchLine[] = [
  { name: 'Lyα', group: 'Lyα', components: [1215.67], minZ: 2 },
  { name: '[O II] 3727', group: '[O II]', components: [3727.092, 3729.875] },
  { name: 'Hβ', group: 'Hβ', components: [4862.683] },
  { name: '[O III] 4959', group: '[O III]', components: [4960.2949] },
  { name: '[O III] 5007', group: '[O III]', components: [5008.2397] },
  { name: '[N II] 6548', group: 'Hα+[N II]', components: [6549.859] },
  { name: 'Hα', group: 'Hα+[N II]', components: [6564.614] },
  { name: '[N II] 6583', group: 'Hα+[N II]', components: [6585.2685] },
];

/** Gaussian σ of the filter in pixels: SDSS's instrumental σ ≈ 1 pixel (69 km/s) with ~50 km/s of the galaxy's own. */
export const LINE_SIGMA_PIXELS = 1.25;
/** A line counts at a trial z₂ when its own S/N reaches this. */
export const LINE_MIN_SNR = 3;
/** Separate line groups that must count together for a z₂. */
export const MIN_GROUPS = 2;
/**
 * Half-width (pixels) of the residual masked around each strong emission line of the best fit, by
 * its class: a galaxy's narrow lines (±8 px ≈ ±550 km/s), a quasar's broad ones (±40 px ≈ ±2800 km/s).
 */
export const FOREGROUND_MASK_PIXELS: Readonly<Record<SpectralClass, number>> = { STAR: 0, GALAXY: 8, QSO: 40 };
const FOREGROUND_LINES = EMISSION_LINES.filter((l) => l.major).map((l) => (Math.log10(l.restA) - INPUT_LOGLAM0) / LOGLAM_STEP_DEX);
/** Trials within this of the best fit's redshift are its own lines' residuals, not a second object. */
export const EXCLUDE_DEX = 0.003;
/** Half-width of the filter window in pixels (the [O II] doublet's ±5.4 fits); the window's mean is taken out so broad residuals cancel. */
const HALF_WINDOW = 7;

/** The one filter: a Gaussian of LINE_SIGMA_PIXELS, zero-sum over the window. */
const TAPS = (() => {
  const taps = Float64Array.from({ length: 2 * HALF_WINDOW + 1 }, (_, i) => Math.exp(-0.5 * ((i - HALF_WINDOW) / LINE_SIGMA_PIXELS) ** 2));
  const mean = taps.reduce((x, y) => x + y, 0) / taps.length;
  return taps.map((t) => t - mean);
})();

interface Prepared {
  line: SearchLine;
  /** Vacuum Å the line is reported at (a doublet's log-mean). */
  restA: number;
  /** Pixel offsets of the components from the reference ([0] for a singlet). */
  offsets: readonly number[];
  /** Index into the per-spectrum S/N series: every singlet shares the filter's own. */
  series: number;
  /** Observed-grid pixel of the line at z₂ = 0 is base + frac: at trial t it sits between base + t and base + t + 1. */
  base: number;
  frac: number;
  /** One bit per line group. */
  groupBit: number;
  minTrial: number;
}

const seriesKeys: string[] = [];
const groupNames: string[] = [];

const PREPARED: Prepared[] = SECOND_Z_LINES.map((line) => {
  const ref = line.components.reduce((a, l) => a + Math.log10(l), 0) / line.components.length;
  const offsets = line.components.map((l) => (Math.log10(l) - ref) / LOGLAM_STEP_DEX);
  const key = offsets.map((o) => o.toFixed(3)).join(',');
  if (!seriesKeys.includes(key)) seriesKeys.push(key);
  const pixel0 = (ref - INPUT_LOGLAM0) / LOGLAM_STEP_DEX;
  if (!groupNames.includes(line.group)) groupNames.push(line.group);
  return {
    line,
    restA: Number((10 ** ref).toFixed(2)),
    base: Math.floor(pixel0),
    frac: pixel0 - Math.floor(pixel0),
    groupBit: 1 << groupNames.indexOf(line.group),
    offsets,
    series: seriesKeys.indexOf(key),
    minTrial: line.minZ === undefined ? 0 : Math.ceil(Math.log10(1 + line.minZ) / LOGLAM_STEP_DEX),
  };
});

/** Offsets of each distinct series, and the order that computes the singlet's (in place) last. */
const SERIES_OFFSETS = seriesKeys.map((_, i) => PREPARED.find((pl) => pl.series === i)!.offsets);
const SERIES_ORDER = SERIES_OFFSETS.map((_, i) => i).sort((a, b) => Number(SERIES_OFFSETS[a].length === 1 && SERIES_OFFSETS[a][0] === 0) - Number(SERIES_OFFSETS[b].length === 1 && SERIES_OFFSETS[b][0] === 0));

/** Last trial: the bluest line (Lyα) on the grid's last pixel. */
const MAX_TRIAL = Math.max(...PREPARED.map((pl) => N_INPUT - 2 - pl.base));
/** Set bits of each group mask (≤ 8 groups). */
const BIT_COUNT = Uint8Array.from({ length: 256 }, (_, m) => m.toString(2).replaceAll('0', '').length);

/**
 * Work arrays reused by every search (a search runs to its end before the next starts: one thread,
 * no await). Fresh ones cost ~170 kB and 7 ArrayBuffers per spectrum, and a browser's garbage
 * collector frees ArrayBuffers one by one (bench:browser with --js-flags --single-threaded-gc put the
 * GC at ~3 ms CPU per spectrum).
 */
interface Scratch {
  n: number;
  w: Float32Array;
  u: Float64Array;
  g: Float64Array;
  /** One per series that is not the singlet's (a doublet's sum of shifted g). */
  series: Float64Array[];
  sum2: Float64Array;
  groups: Uint8Array;
}
let scratch: Scratch | undefined;

function scratchFor(n: number): Scratch {
  if (scratch?.n !== n) {
    const nTrials = MAX_TRIAL + 1;
    scratch = {
      n,
      w: new Float32Array(n),
      u: new Float64Array(n),
      g: new Float64Array(n),
      series: SERIES_OFFSETS.map(() => new Float64Array(n)),
      sum2: new Float64Array(nTrials),
      groups: new Uint8Array(nTrials),
    };
  }
  return scratch;
}

/** `w` with zero weight within `half` pixels of the foreground's strong emission lines at z1 (in `out`). */
function foregroundMasked(w: Float32Array, z1: number, half: number, out: Float32Array): Float32Array {
  if (half <= 0) return w;
  out.set(w);
  const offset = Math.log10(1 + z1) / LOGLAM_STEP_DEX;
  for (const p0 of FOREGROUND_LINES) {
    const c = Math.round(p0 + offset);
    out.fill(0, Math.max(0, c - half), Math.max(0, Math.min(out.length, c + half + 1)));
  }
  return out;
}

/**
 * [n] the whitened residual u = r·√w filtered with TAPS, taps outermost (the inner loop is then a
 * plain multiply-add the JIT runs fast: this search runs on every spectrum). Whitening makes the
 * filter's noise the same everywhere; masked pixels (u = 0) only lower the S/N near them.
 */
function filtered(u: Float64Array, out: Float64Array): Float64Array {
  out.fill(0);
  for (let j = -HALF_WINDOW; j <= HALF_WINDOW; j++) addShifted(out, u, j, TAPS[j + HALF_WINDOW]);
  return out;
}

/*
 * The loops below are leaf functions of one loop each, called from the outer loops. An inner loop
 * that the JIT compiles on the stack (OSR) is thrown away each time it exits to its outer loop:
 * with the analysis's other loops, 359–463 deoptimisations per 1500 plate fibres in Chromium's
 * workers (npm run bench:deopt; docs/throughput.md "Fourth pass").
 */

/** out[k] += t · u[k + j] wherever both exist. */
function addShifted(out: Float64Array, u: Float64Array, j: number, t: number): void {
  const n = u.length;
  const hi = Math.min(n, n - j);
  for (let k = Math.max(0, -j); k < hi; k++) out[k] += u[k + j] * t;
}

/** out[k] += g at k + o (o fractional: linear interpolation) wherever it exists. */
function addInterpolated(out: Float64Array, g: Float64Array, o: number): void {
  const n = g.length;
  const b = Math.floor(o);
  const f = o - b;
  const hi = Math.min(n, n - b - 1);
  for (let k = Math.max(0, -b); k < hi; k++) out[k] += g[k + b] + f * (g[k + b + 1] - g[k + b]);
}

/** Σ x² over the values with x² < limit, and how many there were ([sum, count] in `into`). */
function sumSquaresBelow(x: Float64Array, limit: number, into: Float64Array): void {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < x.length; k++) {
    const v = x[k];
    if (v * v < limit) {
      sum += v * v;
      count++;
    }
  }
  into[0] = sum;
  into[1] = count;
}

function scaleInPlace(x: Float64Array, factor: number): void {
  for (let k = 0; k < x.length; k++) x[k] *= factor;
}

/**
 * A line's S/N series from the filtered residual g: the sum of g at the components' offsets (a
 * doublet's filter is two shifted Gaussians), divided by the series' own clipped RMS — which absorbs
 * misestimated ivar or a residual that is not white, so neither passes for lines. A singlet's series
 * is g itself, normalised in place: make it last.
 */
function snrSeries(g: Float64Array, offsets: readonly number[], work: Float64Array): Float64Array {
  let out = g;
  if (offsets.length !== 1 || offsets[0] !== 0) {
    out = work;
    out.fill(0);
    for (const o of offsets) addInterpolated(out, g, o);
  }
  const sigma = clippedRms(out);
  if (sigma > 0) scaleInPlace(out, 1 / sigma);
  return out;
}

const SUM_COUNT = new Float64Array(2);

/** RMS of the finite values, then again without those beyond 4× it (the lines themselves). */
function clippedRms(x: Float64Array): number {
  let limit = Number.POSITIVE_INFINITY;
  let rms = Number.NaN;
  for (let round = 0; round < 2; round++) {
    sumSquaresBelow(x, limit, SUM_COUNT);
    rms = Math.sqrt(SUM_COUNT[0] / SUM_COUNT[1]);
    limit = 16 * rms * rms;
  }
  return rms;
}

/**
 * The best second redshift in the residual F − R(shift + k) of the best fit (R: the best class's
 * reconstruction, `shift`: its refined minimum, `z1`: its redshift, `cls`: its class), or undefined
 * when no trial z₂ has lines of MIN_GROUPS groups at LINE_MIN_SNR.
 */
export function secondRedshift(p: Pick<Preprocessed, 'F' | 'w'>, R: Float32Array, shift: number, z1: number, cls: SpectralClass): SecondRedshift | undefined {
  const n = p.F.length;
  const work = scratchFor(n);
  const w = foregroundMasked(p.w, z1, FOREGROUND_MASK_PIXELS[cls], work.w);
  const g = filtered(whitenedResidual(p.F, w, R, shift, work.u), work.g);
  const series: Float64Array[] = [];
  for (const i of SERIES_ORDER) series[i] = snrSeries(g, SERIES_OFFSETS[i], work.series[i]);
  // Per trial: Σ S/N² of the counted lines and a bit per counted group, line by line (most never count).
  const sum2 = work.sum2.fill(0);
  const groups = work.groups.fill(0);
  for (const pl of PREPARED) countLine(pl, series[pl.series], n, sum2, groups);
  const bestT = bestTrial(sum2, groups, Math.log10(1 + z1) / LOGLAM_STEP_DEX, EXCLUDE_DEX / LOGLAM_STEP_DEX);
  if (bestT < 0) return undefined;
  return { z2: 10 ** (bestT * LOGLAM_STEP_DEX) - 1, snr: Math.sqrt(sum2[bestT]), lines: countedLines(series, bestT, n) };
}

/*
 * secondRedshift only calls; each loop is a leaf function below. With its loops inline it was
 * deoptimised ~60 times per 1500 plate fibres in Chromium (npm run bench:deopt): the code compiled
 * on the stack for its first hot loop lacked feedback for what follows and was reused, and failed, call after call.
 */

/** [n] u = (F − R(shift + k))·√w, 0 where w = 0: the whitened residual of the best fit, into `u`. */
function whitenedResidual(F: Float32Array, w: Float32Array, R: Float32Array, shift: number, u: Float64Array): Float64Array {
  const i0 = Math.floor(shift);
  const f = shift - i0;
  const last = R.length - 1;
  u.fill(0);
  for (let k = 0; k < F.length; k++) {
    if (!(w[k] > 0)) continue;
    const a = R[Math.min(i0 + k, last)];
    const b = R[Math.min(i0 + k + 1, last)];
    u[k] = Math.sqrt(w[k]) * (F[k] - (a + f * (b - a)));
  }
  return u;
}

/** Adds line `pl` to every trial where its S/N (from its series `sn`) reaches LINE_MIN_SNR. */
function countLine(pl: Prepared, sn: Float64Array, n: number, sum2: Float64Array, groups: Uint8Array): void {
  const tLo = Math.max(pl.minTrial, -pl.base);
  const tHi = Math.min(MAX_TRIAL, n - 2 - pl.base);
  for (let t = tLo; t <= tHi; t++) {
    const k = pl.base + t;
    const v = sn[k] + pl.frac * (sn[k + 1] - sn[k]);
    if (v >= LINE_MIN_SNR) {
      sum2[t] += v * v;
      groups[t] |= pl.groupBit;
    }
  }
}

/** The trial with the largest Σ S/N² among those with MIN_GROUPS groups, away from z₁'s trial t1; −1 when none. */
function bestTrial(sum2: Float64Array, groups: Uint8Array, t1: number, exclude: number): number {
  let bestT = -1;
  let bestS2 = 0;
  for (let t = 0; t < sum2.length; t++) {
    if (sum2[t] > bestS2 && BIT_COUNT[groups[t]] >= MIN_GROUPS && Math.abs(t - t1) > exclude) {
      bestS2 = sum2[t];
      bestT = t;
    }
  }
  return bestT;
}

/**
 * The lines that counted at trial t (the same reading as the search), strongest first. Its own
 * function: as a map/filter/sort chain at the end of secondRedshift, the arrays' changing shapes
 * deoptimised the whole search ~30 times per 1000 spectra in Node.
 */
function countedLines(series: readonly Float64Array[], t: number, n: number): SecondRedshift['lines'] {
  const lines: SecondRedshift['lines'] = [];
  for (const pl of PREPARED) {
    const sn = series[pl.series];
    const k = pl.base + t;
    if (t < pl.minTrial || k < 0 || k + 1 >= n) continue;
    const snr = sn[k] + pl.frac * (sn[k + 1] - sn[k]);
    if (snr >= LINE_MIN_SNR) lines.push({ name: pl.line.name, restA: pl.restA, snr });
  }
  return lines.sort((a, b) => b.snr - a.snr);
}
