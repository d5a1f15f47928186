/**
 * The wavelength frame an adapter reports with each spectrum: air or vacuum,
 * and the velocity frame, each with where the fact came from. Adapters state
 * what the file says or what the instrument is known to do; grid/ converts
 * air to vacuum and scan/ turns the measured z into a heliocentric one.
 */
import type { FitsHeader } from '../fits/types.ts';
import type { FrameSource, Observation, VelocityFrame, WavelengthFrame, WavelengthMedium } from '../types.ts';

/** A frame stated whole (instrument practice or keyword). */
export function frame(
  medium: WavelengthMedium,
  mediumFrom: FrameSource,
  velocity: VelocityFrame,
  velocityFrom: FrameSource,
  extra: Pick<WavelengthFrame, 'instrument' | 'observation' | 'wants'> = {},
): WavelengthFrame {
  const f: WavelengthFrame = { medium, mediumFrom, velocity, velocityFrom };
  if (extra.instrument !== undefined) f.instrument = extra.instrument;
  if (extra.observation !== undefined && Object.keys(extra.observation).length > 0) f.observation = extra.observation;
  // DO_HELIO = F is kept too: it tells frameCorrection not to correct a topocentric spectrum
  if (extra.wants !== undefined && (extra.wants.helio !== undefined || extra.wants.cmb !== undefined)) {
    f.wants = Object.fromEntries(Object.entries(extra.wants).filter(([, v]) => v !== undefined));
  }
  return f;
}

/**
 * Medium from a header hint (true = air, false = vacuum, undefined = not said), falling back on
 * the instrument's practice, or on vacuum as a plain default when no instrument is known.
 */
export function mediumFrom(airHint: boolean | undefined, instrumentPractice?: WavelengthMedium): Pick<WavelengthFrame, 'medium' | 'mediumFrom'> {
  if (airHint !== undefined) return { medium: airHint ? 'air' : 'vacuum', mediumFrom: 'keyword' };
  if (instrumentPractice !== undefined) return { medium: instrumentPractice, mediumFrom: 'instrument' };
  return { medium: 'vacuum', mediumFrom: 'default' };
}

/** Frame of a file that says nothing: vacuum by default, velocity frame unknown. */
export function unknownFrame(airHint?: boolean, observation?: Observation): WavelengthFrame {
  const m = mediumFrom(airHint);
  return frame(m.medium, m.mediumFrom, 'unknown', 'default', { observation });
}

/** One line for people: what was assumed about the wavelengths. */
export function describeFrame(f: WavelengthFrame): string {
  const how = (s: FrameSource) => (s === 'keyword' ? 'header' : s === 'instrument' ? `${f.instrument ?? 'instrument'} practice` : s === 'user' ? 'your choice' : 'assumed');
  return `${f.medium} (${how(f.mediumFrom)}), ${f.velocity} (${how(f.velocityFrom)})`;
}

/** SDSS: vacuum, heliocentric (SDSS-I/II) or barycentric (BOSS): corrected either way. */
export function sdssFrame(airHint: boolean | undefined): WavelengthFrame {
  const m = mediumFrom(airHint, 'vacuum');
  return frame(m.medium, m.mediumFrom, 'heliocentric', 'instrument', { instrument: 'SDSS' });
}

/** First boolean value of `key` among the headers (primary last is the caller's choice of order). */
function flag(headers: readonly FitsHeader[], key: string): boolean | undefined {
  for (const h of headers) {
    const v = h.get(key);
    if (typeof v === 'boolean') return v;
  }
  return undefined;
}

/**
 * Frame of a ground-based reduction that writes air wavelengths as observed (2dfdr for the AAT
 * and UKST, IRAF): air unless VACUUM = T, topocentric unless HELIO = T says the pipeline corrected
 * them; DO_HELIO / DO_CMB (Marz) say what the file asks for. `headers` are searched in order.
 */
export function observedAirFrame(
  headers: readonly FitsHeader[],
  instrument: string,
  observation?: Observation,
  medium: { source?: FrameSource } = {},
): WavelengthFrame {
  const vacuum = flag(headers, 'VACUUM');
  const helio = flag(headers, 'HELIO');
  const m = vacuum !== undefined ? { medium: vacuum ? 'vacuum' : 'air', mediumFrom: 'keyword' } as const : { medium: 'air', mediumFrom: medium.source ?? 'instrument' } as const;
  return frame(m.medium, m.mediumFrom, helio ? 'heliocentric' : 'topocentric', helio !== undefined ? 'keyword' : (medium.source ?? 'instrument'), {
    instrument,
    observation,
    wants: { helio: flag(headers, 'DO_HELIO'), cmb: flag(headers, 'DO_CMB') },
  });
}
