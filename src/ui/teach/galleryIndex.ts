/**
 * `public/examples/index.json`: the gallery's example spectra. Parsed from
 * `unknown` and checked, so a bad edit shows an error instead of a crash.
 */
import { CLASSES, fail, ok, type Result, type SpectralClass } from '../../core/types.ts';

export type ExampleKind = 'star' | 'galaxy' | 'quasar' | 'anomaly';
const KINDS: readonly ExampleKind[] = ['star', 'galaxy', 'quasar', 'anomaly'];

export interface GalleryExample {
  /** File name inside public/examples/ (letters, digits, '.', '-', '_' only). */
  file: string;
  title: string;
  /** One line: what to notice. */
  description: string;
  kind: ExampleKind;
  /** The survey's class and redshift (SDSS DR16). */
  truthClass: SpectralClass;
  z: number;
  /** Optional thumbnail: flux samples scaled to 0…1, left to right. */
  spark?: number[];
}

export interface GalleryIndex {
  version: 1;
  /** Where the files came from. */
  source: string;
  examples: GalleryExample[];
}

const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseExample(v: unknown, i: number): Result<GalleryExample> {
  const bad = (what: string) => fail({ code: 'bad-text' as const, message: `examples[${i}]: ${what}` });
  if (!isRecord(v)) return bad('not an object');
  const { file, title, description, kind, truthClass, z, spark } = v;
  if (typeof file !== 'string' || !SAFE_FILE.test(file)) return bad('file must be a plain file name');
  if (typeof title !== 'string' || title.length === 0) return bad('title missing');
  if (typeof description !== 'string') return bad('description missing');
  if (!KINDS.includes(kind as ExampleKind)) return bad(`kind must be one of ${KINDS.join(', ')}`);
  if (!CLASSES.includes(truthClass as SpectralClass)) return bad(`truthClass must be one of ${CLASSES.join(', ')}`);
  if (typeof z !== 'number' || !Number.isFinite(z)) return bad('z must be a number');
  if (spark !== undefined && !(Array.isArray(spark) && spark.every((s) => typeof s === 'number' && s >= 0 && s <= 1))) {
    return bad('spark must be numbers in [0, 1]');
  }
  return ok({ file, title, description, kind: kind as ExampleKind, truthClass: truthClass as SpectralClass, z, spark: spark as number[] | undefined });
}

export function parseGalleryIndex(json: unknown): Result<GalleryIndex> {
  if (!isRecord(json) || json.version !== 1 || !Array.isArray(json.examples)) {
    return fail({ code: 'bad-text', message: 'examples/index.json must be { "version": 1, "source": …, "examples": [...] }' });
  }
  const examples: GalleryExample[] = [];
  for (let i = 0; i < json.examples.length; i++) {
    const r = parseExample(json.examples[i], i);
    if (!r.ok) return r;
    examples.push(r.value);
  }
  return ok({ version: 1, source: typeof json.source === 'string' ? json.source : '', examples });
}

/** SVG polyline points of a thumbnail `spark` in a w × h box (y down). */
export function sparkPoints(spark: readonly number[], w: number, h: number): string {
  if (spark.length < 2) return '';
  return spark.map((s, i) => `${((i / (spark.length - 1)) * w).toFixed(1)},${((1 - s) * h).toFixed(1)}`).join(' ');
}
