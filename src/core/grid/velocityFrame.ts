/**
 * From the redshift measured on a file's wavelengths to the redshift in the
 * frame people compare: barycentric for spectra observed at the telescope
 * (topocentric) when the file gives time, site and pointing, plus the CMB
 * frame when the file asks for it (Marz's DO_CMB).
 *
 * Earth's orbital velocity and the site's rotation come from astronomy-engine
 * (VSOP87 and the IAU Earth rotation model; ≈ 1 m/s here), not from a
 * hand-written ephemeris. Corrections compose multiplicatively,
 * 1 + z_out = (1 + z_obs)(1 + v_bary/c)(1 + v_cmb/c), as in astropy's
 * radial_velocity_correction convention (v > 0: the observer moves toward the
 * source, so the measured z is too low).
 */
import { BaryState, Body, MakeTime, Observer, ObserverState, RotateVector, Rotation_EQJ_GAL, Spherical, VectorFromSphere } from 'astronomy-engine';
import type { Observation, VelocityFrame, WavelengthFrame } from '../types.ts';

/** Speed of light, km/s. */
export const C_KMS = 299792.458;
const KM_PER_AU = 149597870.7;
const SECONDS_PER_DAY = 86400;
/** MJD of the Unix epoch 1970-01-01T00:00Z. */
const MJD_UNIX_EPOCH = 40587;

/**
 * Solar-system barycentre motion relative to the CMB: Planck 2018 results I,
 * Table 3 (369.82 km/s toward l = 264.021°, b = 48.253°). Marz uses the
 * COBE value (371 km/s, l = 264.14°, b = 48.26°): the two differ by ≤ 1.2 km/s.
 */
export const CMB_DIPOLE = { speedKms: 369.82, l: 264.021, b: 48.253 } as const;

/** What was done to go from the measured z to the reported one. */
export interface FrameCorrection {
  /** Frame of the reported redshift. */
  frame: VelocityFrame | 'cmb';
  /** Barycentric velocity correction applied, km/s (absent when none was). */
  vBaryKms?: number;
  /** CMB-frame correction applied, km/s. */
  vCmbKms?: number;
  /** 1 + z_reported = (1 + z_measured) · factor. */
  factor: number;
  /** Why a correction the frame would call for was not made (for people). */
  note?: string;
}

/** Velocity (km/s) of the observer relative to the solar-system barycentre, projected toward (ra, dec). */
export function barycentricCorrectionKms(obs: Required<Pick<Observation, 'mjd' | 'ra' | 'dec'>> & { site: NonNullable<Observation['site']> }): number {
  const time = MakeTime(new Date((obs.mjd - MJD_UNIX_EPOCH) * SECONDS_PER_DAY * 1000));
  const earth = BaryState(Body.Earth, time); // EQJ, AU and AU/day
  const site = ObserverState(time, new Observer(obs.site.lat, obs.site.lon, obs.site.height), false); // geocentric, EQJ
  const n = unitVector(obs.ra, obs.dec);
  const vx = earth.vx + site.vx;
  const vy = earth.vy + site.vy;
  const vz = earth.vz + site.vz;
  return ((vx * n[0] + vy * n[1] + vz * n[2]) * KM_PER_AU) / SECONDS_PER_DAY;
}

/** Projection of the barycentre's velocity relative to the CMB toward (ra, dec), km/s. */
export function cmbCorrectionKms(ra: number, dec: number): number {
  const time = MakeTime(new Date(Date.UTC(2000, 0, 1, 12)));
  const toGal = Rotation_EQJ_GAL();
  const g = RotateVector(toGal, VectorFromSphere(new Spherical(dec, ra, 1), time));
  const l = (CMB_DIPOLE.l * Math.PI) / 180;
  const b = (CMB_DIPOLE.b * Math.PI) / 180;
  const apex = [Math.cos(b) * Math.cos(l), Math.cos(b) * Math.sin(l), Math.sin(b)];
  return CMB_DIPOLE.speedKms * (g.x * apex[0] + g.y * apex[1] + g.z * apex[2]);
}

function unitVector(raDeg: number, decDeg: number): [number, number, number] {
  const ra = (raDeg * Math.PI) / 180;
  const dec = (decDeg * Math.PI) / 180;
  return [Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)];
}

function missing(o: Observation | undefined): string[] {
  const out: string[] = [];
  if (o?.mjd === undefined || !Number.isFinite(o.mjd)) out.push('time of observation');
  if (o?.site === undefined) out.push('observatory');
  if (o?.ra === undefined || o?.dec === undefined) out.push('RA/Dec');
  return out;
}

/**
 * The correction a spectrum's frame calls for. Topocentric spectra are made barycentric when the
 * file gives time, site and pointing, unless it says not to (DO_HELIO = F); the CMB frame only when
 * asked (DO_CMB = T) and RA/Dec are known.
 */
export function frameCorrection(f: Pick<WavelengthFrame, 'velocity' | 'observation' | 'wants'>): FrameCorrection {
  let frame: FrameCorrection['frame'] = f.velocity;
  let factor = 1;
  const out: FrameCorrection = { frame, factor };
  const notes: string[] = [];
  const o = f.observation;
  if (f.velocity === 'topocentric' && f.wants?.helio !== false) {
    const lack = missing(o);
    if (lack.length === 0) {
      const v = barycentricCorrectionKms({ mjd: o!.mjd!, ra: o!.ra!, dec: o!.dec!, site: o!.site! });
      out.vBaryKms = v;
      factor *= 1 + v / C_KMS;
      frame = 'barycentric';
    } else {
      notes.push(`not corrected to the barycentre: the file does not give the ${lack.join(', ')}`);
    }
  }
  if (f.wants?.cmb) {
    if (o?.ra !== undefined && o.dec !== undefined) {
      const v = cmbCorrectionKms(o.ra, o.dec);
      out.vCmbKms = v;
      factor *= 1 + v / C_KMS;
      frame = 'cmb';
    } else {
      notes.push('not corrected to the CMB frame: the file does not give RA/Dec');
    }
  }
  out.frame = frame;
  out.factor = factor;
  if (notes.length > 0) out.note = notes.join('; ');
  return out;
}

/** The redshift in the corrected frame. */
export function correctRedshift(zMeasured: number, c: Pick<FrameCorrection, 'factor'>): number {
  return (1 + zMeasured) * c.factor - 1;
}
