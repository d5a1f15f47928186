/**
 * `manifest.json` as fetched (unknown JSON) → a checked ModelManifest.
 * A manifest that does not parse is a 'model-load' error naming the field.
 */
import { CLASSES, MODEL_FAMILIES, fail, ok, type Result } from '../types.ts';
import type { ModelEntry, ModelManifest } from './manifest.ts';

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) > 0;
const isStr = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

/** The first problem with one entry, as 'field: what is wrong', or undefined. */
function entryProblem(e: Obj): string | undefined {
  if (!MODEL_FAMILIES.includes(e.family as never)) return 'family: not encoder or unet';
  if (!CLASSES.includes(e.cls as never)) return 'cls: not STAR, GALAXY or QSO';
  if (!isStr(e.file)) return 'file: missing';
  if (!isCount(e.bytes)) return 'bytes: not a positive integer';
  if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256)) return 'sha256: not 64 hex digits';
  if (!isNum(e.zMin) || !isNum(e.zMax) || e.zMin >= e.zMax) return 'zMin/zMax: not an increasing pair';
  const { input, outputs, outputGrid, inputGrid, eigen } = e;
  if (!isObj(input) || !isStr(input.name) || !isCount(input.length)) return 'input: needs name and length';
  if (!isObj(outputs) || !isStr(outputs.reconstruction)) return 'outputs.reconstruction: missing';
  for (const k of ['coefficients', 'amplitude']) {
    if (outputs[k] !== undefined && !isStr(outputs[k])) return `outputs.${k}: not a name`;
  }
  if (!isObj(outputGrid) || !isNum(outputGrid.start) || !isNum(outputGrid.step) || !isCount(outputGrid.n)) {
    return 'outputGrid: needs start, step and n';
  }
  if (!isObj(inputGrid) || !isNum(inputGrid.start) || !isNum(inputGrid.stop) || !isCount(inputGrid.n)) {
    return 'inputGrid: needs start, stop and n';
  }
  if (!Number.isInteger(e.polyDegree) || (e.polyDegree as number) < 0) return 'polyDegree: not an integer ≥ 0';
  if (e.flipInput !== undefined && typeof e.flipInput !== 'boolean') return 'flipInput: not a boolean';
  if (eigen !== undefined && (!isObj(eigen) || !isCount(eigen.n) || !isStr(eigen.file))) return 'eigen: needs n and file';
  if (!isStr(e.upstream)) return 'upstream: missing';
  return undefined;
}

export function parseManifest(json: unknown): Result<ModelManifest> {
  const bad = (what: string): Result<ModelManifest> =>
    fail({ code: 'model-load', message: `The model manifest is not usable (${what}): reload the page to fetch it again.` });
  if (!isObj(json)) return bad('not a JSON object');
  if (json.version !== 1) return bad(`version ${String(json.version)}, expected 1`);
  if (typeof json.source !== 'string') return bad('source: missing');
  if (!Array.isArray(json.models) || json.models.length === 0) return bad('models: missing or empty');
  const seen = new Set<string>();
  for (let i = 0; i < json.models.length; i++) {
    const e: unknown = json.models[i];
    const problem = isObj(e) ? entryProblem(e) : 'not an object';
    if (problem) return bad(`models[${i}].${problem}`);
    const key = `${(e as Obj).family}/${(e as Obj).cls}`;
    if (seen.has(key)) return bad(`models[${i}]: second ${key} model`);
    seen.add(key);
  }
  return ok({ version: 1, source: json.source, models: json.models as ModelEntry[] });
}
