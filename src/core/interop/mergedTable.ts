/**
 * The merged table of several inspectors: per spectrum, the pipeline's answer, each inspector's
 * answer (class, z, QOP, comment; empty where they gave none), the view's own decision, and the
 * resolved answer with where it came from. Written as CSV (csvWrite's quoting and defusing).
 */
import { csvText } from '../export/csvWrite.ts';
import { keyOf } from '../export/spectrumKey.ts';
import type { Decision } from '../export/types.ts';
import type { SpectrumResult } from '../result/spectrumResult.ts';
import { finalOf, finalOfDecision } from './answers.ts';
import { disagreement, type DisagreementReason } from './disagreements.ts';
import type { FinalAnswer, InspectorAnswer } from './types.ts';

export interface Inspector {
  name: string;
  /** By spectrumKey. */
  answers: Readonly<Record<string, InspectorAnswer>>;
}

/** A resolution: 'own' keeps the view's decision, a number picks that inspector (0-based). */
export type Resolution = 'own' | number;

export interface MergedSpectrum {
  key: string;
  row: SpectrumResult;
  /** One per inspector, undefined where they gave no answer. */
  answers: Array<FinalAnswer | undefined>;
  own: FinalAnswer;
  reasons: DisagreementReason[];
  resolved?: FinalAnswer;
  /** 'own', an inspector's name, 'agreed', 'pipeline', or 'unresolved'. */
  resolvedFrom: string;
}

/** Every open spectrum some inspector answered, with the comparison and what resolves it. */
export function mergeSpectra(
  rows: readonly SpectrumResult[],
  inspectors: readonly Inspector[],
  decisions: Readonly<Record<string, Decision>>,
  resolutions: Readonly<Record<string, Resolution>>,
): MergedSpectrum[] {
  const out: MergedSpectrum[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    const answers = inspectors.map((i) => (i.answers[key] ? finalOf(i.answers[key], row) : undefined));
    if (answers.every((a) => a === undefined)) continue;
    const own = finalOfDecision(decisions[key], row);
    // Your own decision is one more inspector's answer: importing B's file shows where B and you differ.
    const reasons = disagreement(decisions[key] ? [...answers, own] : answers);
    const choice = resolutions[key];
    const m: MergedSpectrum = { key, row, answers, own, reasons, resolvedFrom: 'unresolved' };
    if (choice === 'own') Object.assign(m, { resolved: own, resolvedFrom: 'own' });
    else if (typeof choice === 'number' && answers[choice]) Object.assign(m, { resolved: answers[choice], resolvedFrom: inspectors[choice].name });
    else if (reasons.length === 0) {
      const given = answers.findIndex((a) => a !== undefined);
      const single = answers.filter((a) => a !== undefined).length === 1;
      Object.assign(m, { resolved: answers[given], resolvedFrom: single ? inspectors[given].name : 'agreed' });
    }
    out.push(m);
  }
  return out;
}

/** Inspector names as column prefixes: letters, digits and '_' only, unique. */
export function columnPrefixes(names: readonly string[]): string[] {
  const used = new Set<string>(['pipeline', 'own', 'resolved']);
  return names.map((n) => {
    const base = n.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'inspector';
    let p = base;
    for (let k = 2; used.has(p); k++) p = `${base}_${k}`;
    used.add(p);
    return p;
  });
}

const cells = (a: FinalAnswer | undefined) => [a?.cls, a?.z, a?.qop, a?.comment];

/** The merged table as CSV text (CRLF lines). */
export function mergedCsv(merged: readonly MergedSpectrum[], inspectorNames: readonly string[]): string {
  const prefixes = columnPrefixes(inspectorNames);
  const four = (p: string) => [`${p}_class`, `${p}_z`, `${p}_qop`, `${p}_comment`];
  const header = ['file', 'index', 'id', 'pipeline_class', 'pipeline_z', ...prefixes.flatMap(four), ...four('own'), ...four('resolved'), 'resolved_from', 'disagreement'];
  return csvText(
    header,
    merged.map((m) => [
      m.row.fileName,
      m.row.index,
      m.row.spectrumId,
      m.row.cls,
      m.row.z,
      ...m.answers.flatMap(cells),
      ...cells(m.own),
      ...cells(m.resolved),
      m.resolvedFrom,
      m.reasons.join(';'),
    ]),
  );
}
