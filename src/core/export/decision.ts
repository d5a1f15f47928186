/** Building, emptiness and validation of single decisions. */
import { CLASSES, type FrameOverride, type SpectralClass } from '../types.ts';
import { keyOf } from './spectrumKey.ts';
import { QOP_VALUES, type Decision, type DecisionIdent, type DecisionPatch, type Qop } from './types.ts';

/** True when the decision records nothing a person chose. */
export function isEmptyDecision(d: Pick<Decision, 'qop' | 'comment' | 'z' | 'cls' | 'frame'>): boolean {
  return d.qop === undefined && (d.comment === undefined || d.comment === '') && d.z === undefined && d.cls === undefined && isEmptyFrame(d.frame);
}

const isEmptyFrame = (f: FrameOverride | undefined): boolean => f === undefined || (f.medium === undefined && f.velocity === undefined && f.treatAs === undefined);

const MEDIA: readonly string[] = ['air', 'vacuum'];
const VELOCITY_FRAMES: readonly string[] = ['topocentric', 'heliocentric', 'barycentric', 'unknown'];
const TREAT_AS: readonly string[] = ['sdss', 'other'];

/** A frame override from outside (import, old database), or a reason it is unusable; undefined when absent. */
export function frameFromUnknown(v: unknown): FrameOverride | string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object') return 'frame is not an object';
  const o = v as Record<string, unknown>;
  const out: FrameOverride = {};
  if (o.medium !== undefined) {
    if (!MEDIA.includes(String(o.medium))) return `frame medium ${String(o.medium)} is not air or vacuum`;
    out.medium = o.medium as FrameOverride['medium'];
  }
  if (o.velocity !== undefined) {
    if (!VELOCITY_FRAMES.includes(String(o.velocity))) return `frame velocity ${String(o.velocity)} is not one of ${VELOCITY_FRAMES.join(', ')}`;
    out.velocity = o.velocity as FrameOverride['velocity'];
  }
  if (o.treatAs !== undefined) {
    if (!TREAT_AS.includes(String(o.treatAs))) return `frame treatAs ${String(o.treatAs)} is not sdss or other`;
    out.treatAs = o.treatAs as FrameOverride['treatAs'];
  }
  return isEmptyFrame(out) ? undefined : out;
}

/** The override as text for the CSV/FITS column user_frame: 'medium=air;velocity=heliocentric;treat=other'. */
export function frameToText(f: FrameOverride | undefined): string | undefined {
  if (isEmptyFrame(f)) return undefined;
  return [f!.medium && `medium=${f!.medium}`, f!.velocity && `velocity=${f!.velocity}`, f!.treatAs && `treat=${f!.treatAs}`].filter(Boolean).join(';');
}

/** The inverse of frameToText (CSV import). */
export function frameFromText(text: string): FrameOverride | string | undefined {
  if (text.trim() === '') return undefined;
  const o: Record<string, string> = {};
  for (const part of text.split(';')) {
    const [k, v] = part.split('=').map((x) => x.trim());
    o[k === 'treat' ? 'treatAs' : k] = v;
  }
  return frameFromUnknown(o);
}

/** A manual class equal to the pipeline's is no decision: choosing it clears the override. */
export function classPatch(chosen: SpectralClass, pipelineCls: SpectralClass | undefined): DecisionPatch {
  return { cls: chosen === pipelineCls ? undefined : chosen };
}

/** Pipeline z within this of a chosen z counts as the same (the slider's float round trip). */
const SAME_Z = 1e-9;

/** Significant digits a manual z is saved with: the slider's float carries 16, far below any z error. */
const Z_DIGITS = 7;

/** A manual z as saved (7 significant digits, so 0.123517910261157 is stored as 0.1235179). */
const roundZ = (z: number): number => Number(z.toPrecision(Z_DIGITS));

/**
 * A manual z on the pipeline's class at the pipeline's z is no decision: choosing it clears the override.
 * "At" means within the slider's round trip, or equal once both are rounded as a saved z is.
 */
export function zPatch(z: number, shownCls: SpectralClass, pipeline: { cls: SpectralClass; z: number }): DecisionPatch {
  const same = shownCls === pipeline.cls && (Math.abs(z - pipeline.z) < SAME_Z || roundZ(z) === roundZ(pipeline.z));
  return { z: same ? undefined : roundZ(z) };
}

/**
 * What accepting the shown answer writes (issue 9, explore vs decide): the shown class and z as the
 * manual ones (each cleared when it is the pipeline's), and the QOP when one is given (a QOP key
 * accepts with that quality; Enter keeps the one already set).
 */
export function acceptPatch(shown: { cls: SpectralClass; z: number }, pipeline: { cls: SpectralClass; z: number }, qop?: Qop): DecisionPatch {
  return { ...classPatch(shown.cls, pipeline.cls), ...zPatch(shown.z, shown.cls, pipeline), ...(qop !== undefined && { qop }) };
}

/**
 * Apply a patch; a field present as `undefined` (or an empty comment) is
 * removed. Returns undefined when nothing decided is left.
 */
export function applyPatch(
  before: Decision | undefined,
  patch: DecisionPatch,
  ident: DecisionIdent,
  updatedAt: number,
): Decision | undefined {
  if (patch.qop !== undefined && !isQop(patch.qop)) throw new RangeError(`QOP must be one of ${QOP_VALUES.join(', ')}`);
  if (patch.z !== undefined && !Number.isFinite(patch.z)) throw new RangeError('manual z must be a finite number');
  if (patch.cls !== undefined && !isClass(patch.cls)) throw new RangeError(`class must be one of ${CLASSES.join(', ')}`);
  const next: Decision = {
    key: keyOf(ident),
    fileName: ident.fileName,
    index: ident.index,
    spectrumId: ident.spectrumId,
    updatedAt,
  };
  // Every new manual z is rounded here too, whatever built the patch (slider, typed z, keep-this-z).
  const merged = { ...pickFields(before), ...patch, ...(patch.z !== undefined && { z: roundZ(patch.z) }) };
  if (merged.qop !== undefined) next.qop = merged.qop;
  if (merged.comment !== undefined && merged.comment !== '') next.comment = merged.comment;
  if (merged.z !== undefined) next.z = merged.z;
  if (merged.cls !== undefined) next.cls = merged.cls;
  if (!isEmptyFrame(merged.frame)) next.frame = { ...merged.frame };
  return isEmptyDecision(next) ? undefined : next;
}

function pickFields(d: Decision | undefined): DecisionPatch {
  if (!d) return {};
  const out: DecisionPatch = {};
  if (d.qop !== undefined) out.qop = d.qop;
  if (d.comment !== undefined) out.comment = d.comment;
  if (d.z !== undefined) out.z = d.z;
  if (d.cls !== undefined) out.cls = d.cls;
  if (d.frame !== undefined) out.frame = d.frame;
  return out;
}

export function isQop(v: unknown): v is Qop {
  return typeof v === 'number' && (QOP_VALUES as readonly number[]).includes(v);
}

export function isClass(v: unknown): v is SpectralClass {
  return typeof v === 'string' && (CLASSES as readonly string[]).includes(v);
}

/**
 * Check a decision that came from outside (an import file, an old database)
 * and rebuild it with a fresh key. Returns a reason string when unusable.
 */
export function decisionFromUnknown(v: unknown): Decision | string {
  if (typeof v !== 'object' || v === null) return 'not an object';
  const o = v as Record<string, unknown>;
  if (typeof o.fileName !== 'string') return 'no file name';
  if (typeof o.index !== 'number' || !Number.isInteger(o.index) || o.index < 0) return 'index is not an integer ≥ 0';
  if (typeof o.spectrumId !== 'string') return 'no spectrum id';
  if (o.qop !== undefined && o.qop !== null && !isQop(o.qop)) return `QOP ${String(o.qop)} is not one of ${QOP_VALUES.join(', ')}`;
  if (o.comment !== undefined && o.comment !== null && typeof o.comment !== 'string') return 'comment is not text';
  if (o.z !== undefined && o.z !== null && (typeof o.z !== 'number' || !Number.isFinite(o.z))) return 'manual z is not a number';
  if (o.cls !== undefined && o.cls !== null && !isClass(o.cls)) return `class ${String(o.cls)} is not one of ${CLASSES.join(', ')}`;
  const frame = frameFromUnknown(o.frame);
  if (typeof frame === 'string') return frame;
  const updatedAt = isTime(o.updatedAt) ? o.updatedAt : 0;
  const ident = { fileName: o.fileName, index: o.index, spectrumId: o.spectrumId };
  const patch: DecisionPatch = {};
  if (isQop(o.qop)) patch.qop = o.qop;
  if (typeof o.comment === 'string') patch.comment = o.comment;
  if (typeof o.z === 'number') patch.z = o.z;
  if (isClass(o.cls)) patch.cls = o.cls;
  if (frame) patch.frame = frame;
  return applyPatch(undefined, patch, ident, updatedAt) ?? 'records no decision';
}

/** Largest |ms| a JavaScript Date can hold. */
const MAX_TIME_MS = 8.64e15;

/** A usable `updatedAt`: finite and within the range of Date. */
export function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_TIME_MS;
}
