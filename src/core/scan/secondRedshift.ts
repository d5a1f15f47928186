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
 * trial, so each line's filter is run once over the residual and read at fixed offsets.
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
/** Half-width of the filter window in pixels; the window's mean is taken out so broad residuals cancel. */
const HALF_WINDOW = 10;

/** Filter taps, zero-sum over the window, centred on the line's reference wavelength. */
function kernelOf(offsets: readonly number[]): Float64Array {
  const taps = new Float64Array(2 * HALF_WINDOW + 1);
  for (const centre of offsets) {
    for (let j = -HALF_WINDOW; j <= HALF_WINDOW; j++) taps[j + HALF_WINDOW] += Math.exp(-0.5 * ((j - centre) / LINE_SIGMA_PIXELS) ** 2);
  }
  const mean = taps.reduce((a, b) => a + b, 0) / taps.length;
  for (let j = 0; j < taps.length; j++) taps[j] -= mean;
  return taps;
}

interface Prepared {
  line: SearchLine;
  /** Vacuum Å the line is reported at (a doublet's log-mean). */
  restA: number;
  /** Observed-grid pixel of the line at z₂ = 0. */
  pixel0: number;
  /** Index into KERNELS: every singlet shares one filter. */
  kernel: number;
  minTrial: number;
}

const KERNELS: Float64Array[] = [];
const kernelKeys: string[] = [];

const PREPARED: Prepared[] = SECOND_Z_LINES.map((line) => {
  const ref = line.components.reduce((a, l) => a + Math.log10(l), 0) / line.components.length;
  const offsets = line.components.map((l) => (Math.log10(l) - ref) / LOGLAM_STEP_DEX);
  const key = offsets.map((o) => o.toFixed(3)).join(',');
  if (!kernelKeys.includes(key)) {
    kernelKeys.push(key);
    KERNELS.push(kernelOf(offsets));
  }
  return {
    line,
    restA: Number((10 ** ref).toFixed(2)),
    pixel0: (ref - INPUT_LOGLAM0) / LOGLAM_STEP_DEX,
    kernel: kernelKeys.indexOf(key),
    minTrial: line.minZ === undefined ? 0 : Math.ceil(Math.log10(1 + line.minZ) / LOGLAM_STEP_DEX),
  };
});

/** `w` with zero weight within `half` pixels of the foreground's strong emission lines at z1. */
function foregroundMasked(w: Float32Array, z1: number, half: number): Float32Array {
  if (half <= 0) return w;
  const out = Float32Array.from(w);
  const offset = Math.log10(1 + z1) / LOGLAM_STEP_DEX;
  for (const p0 of FOREGROUND_LINES) {
    const c = Math.round(p0 + offset);
    out.fill(0, Math.max(0, c - half), Math.max(0, Math.min(out.length, c + half + 1)));
  }
  return out;
}

/**
 * [n] matched-filter S/N of a line centred on each pixel: Σ_j (w r)[k+j]·K[j] / √(Σ_j w[k+j]·K[j]²),
 * divided by the series' own clipped RMS, so that misestimated ivar or a residual that is not
 * white noise does not pass for lines. NaN where no pixel of the window has weight.
 */
function snrSeries(wr: Float64Array, w: Float32Array, taps: Float64Array): Float64Array {
  const n = wr.length;
  const h = (taps.length - 1) / 2;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let a = 0;
    let b = 0;
    const lo = Math.max(-h, -k);
    const hi = Math.min(h, n - 1 - k);
    for (let j = lo; j <= hi; j++) {
      const t = taps[j + h];
      a += wr[k + j] * t;
      b += w[k + j] * t * t;
    }
    out[k] = b > 0 ? a / Math.sqrt(b) : Number.NaN;
  }
  const sigma = clippedRms(out);
  if (sigma > 0) for (let k = 0; k < n; k++) out[k] /= sigma;
  return out;
}

/** RMS of the finite values after two rounds of dropping those beyond 4× the RMS (the lines themselves). */
function clippedRms(x: Float64Array): number {
  let limit = Number.POSITIVE_INFINITY;
  let rms = Number.NaN;
  for (let round = 0; round < 3; round++) {
    let sum = 0;
    let count = 0;
    for (let k = 0; k < x.length; k++) {
      const v = x[k];
      if (v * v < limit) {
        sum += v * v;
        count++;
      }
    }
    rms = Math.sqrt(sum / count);
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
  const F = p.F;
  const n = F.length;
  const w = foregroundMasked(p.w, z1, FOREGROUND_MASK_PIXELS[cls]);
  const i0 = Math.floor(shift);
  const f = shift - i0;
  const wr = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (!(w[k] > 0)) continue;
    const a = R[i0 + k] ?? 0;
    const b = R[i0 + k + 1] ?? a;
    wr[k] = w[k] * (F[k] - (a + f * (b - a)));
  }
  const series = KERNELS.map((taps) => snrSeries(wr, w, taps));
  // Per line: its filter's S/N at pixel pixel0 + t for trial t, interpolated between the two neighbours.
  const snrAt: ((t: number) => number)[] = PREPARED.map((pl) => {
    const sn = series[pl.kernel];
    const base = Math.floor(pl.pixel0);
    const frac = pl.pixel0 - base;
    return (t: number) => {
      const k = base + t;
      if (t < pl.minTrial || k < 0 || k + 1 >= n) return Number.NaN;
      return sn[k] + frac * (sn[k + 1] - sn[k]);
    };
  });
  const t1 = Math.log10(1 + z1) / LOGLAM_STEP_DEX;
  const exclude = EXCLUDE_DEX / LOGLAM_STEP_DEX;
  const maxTrial = Math.max(...PREPARED.map((pl) => N_INPUT - 1 - Math.floor(pl.pixel0)));
  let bestT = -1;
  let bestS2 = 0;
  for (let t = 0; t <= maxTrial; t++) {
    if (Math.abs(t - t1) <= exclude) continue;
    let s2 = 0;
    let groups = 0;
    let lastGroup = '';
    for (let i = 0; i < snrAt.length; i++) {
      const s = snrAt[i](t);
      if (s >= LINE_MIN_SNR) {
        s2 += s * s;
        // SECOND_Z_LINES lists each group's lines together, so a new group is a change of name.
        if (PREPARED[i].line.group !== lastGroup) groups++;
        lastGroup = PREPARED[i].line.group;
      }
    }
    if (groups >= MIN_GROUPS && s2 > bestS2) {
      bestS2 = s2;
      bestT = t;
    }
  }
  if (bestT < 0) return undefined;
  const lines = PREPARED.map((pl, i) => ({ name: pl.line.name, restA: pl.restA, snr: snrAt[i](bestT) }))
    .filter((l) => l.snr >= LINE_MIN_SNR)
    .sort((a, b) => b.snr - a.snr);
  return { z2: 10 ** (bestT * LOGLAM_STEP_DEX) - 1, snr: Math.sqrt(bestS2), lines };
}
