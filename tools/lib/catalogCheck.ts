/**
 * Nothing lost, nothing twice: given the input list and the rows of a catalog (their path, seq,
 * n_spectra, index and family), which spectra are missing and which are present more than once.
 * A file holding n spectra must have rows 0…n−1 for each model family; a file that could not be
 * opened (n_spectra 0) one row per family, index 0, saying why. Pure, so `merge` and its tests
 * share it.
 */
import type { ModelFamily } from '../../src/core/types.ts';

export interface CatalogKeyRow {
  path: string | number | null;
  seq: string | number | null;
  n_spectra: string | number | null;
  index: string | number | null;
  family: string | number | null;
}

export interface CatalogCheck {
  rows: number;
  /** 'path[index] family', in input order. */
  missing: string[];
  duplicated: string[];
  /** Rows that name no input, or disagree with the list or with each other. */
  problems: string[];
}

/** Index in a file: 20 bits (a million spectra per file). */
const INDEX_SPAN = 2 ** 20;

export function checkCatalog(expected: readonly string[], rows: readonly CatalogKeyRow[], families?: readonly ModelFamily[]): CatalogCheck {
  const famList: string[] = families ? [...families] : [...new Set(rows.map((r) => String(r.family)))].sort((a, b) => (a === 'encoder' ? -1 : b === 'encoder' ? 1 : a < b ? -1 : 1));
  if (famList.length === 0) famList.push('encoder');
  const famIndex = new Map(famList.map((f, i) => [f, i]));
  const F = famList.length;
  const problems: string[] = [];
  const nOf = new Int32Array(expected.length).fill(-1);
  const keys = new Float64Array(rows.length);
  let k = 0;
  for (const r of rows) {
    const seq = Number(r.seq);
    const index = Number(r.index);
    const fam = famIndex.get(String(r.family));
    if (!Number.isInteger(seq) || seq < 0 || seq >= expected.length) {
      problems.push(`a row of ${String(r.path)} is at input ${String(r.seq)}, outside the list of ${expected.length}`);
      continue;
    }
    if (r.path !== expected[seq]) {
      problems.push(`input ${seq} is ${expected[seq]} in the list but ${String(r.path)} in a chunk: the chunks come from another input list`);
      continue;
    }
    if (fam === undefined) {
      problems.push(`${expected[seq]}[${index}]: model family ${String(r.family)} was not asked for`);
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= INDEX_SPAN) {
      problems.push(`${expected[seq]}: bad spectrum index ${String(r.index)}`);
      continue;
    }
    const n = Number(r.n_spectra);
    if (nOf[seq] === -1) nOf[seq] = n;
    else if (nOf[seq] !== n) problems.push(`${expected[seq]}: rows disagree on how many spectra it holds (${nOf[seq]} and ${n})`);
    keys[k++] = (seq * INDEX_SPAN + index) * F + fam;
  }
  const sorted = keys.subarray(0, k).sort();
  const missing: string[] = [];
  const duplicated: string[] = [];
  const name = (seq: number, index: number, fam: number) => `${expected[seq]}[${index}] ${famList[fam]}`;
  let at = 0;
  for (let seq = 0; seq < expected.length; seq++) {
    const n = Math.max(1, nOf[seq]);
    for (let index = 0; index < n; index++) {
      for (let fam = 0; fam < F; fam++) {
        const key = (seq * INDEX_SPAN + index) * F + fam;
        while (at < sorted.length && sorted[at] < key) {
          const extra = sorted[at++]; // a row beyond the file's spectra
          const f = extra % F;
          const rest = (extra - f) / F;
          problems.push(`${name(Math.floor(rest / INDEX_SPAN), rest % INDEX_SPAN, f)}: beyond the file's ${Math.max(1, nOf[Math.floor(rest / INDEX_SPAN)])} spectra`);
        }
        let count = 0;
        while (at < sorted.length && sorted[at] === key) {
          count++;
          at++;
        }
        if (count === 0) missing.push(name(seq, index, fam));
        else if (count > 1) duplicated.push(`${name(seq, index, fam)} (${count}×)`);
      }
    }
  }
  return { rows: rows.length, missing, duplicated, problems };
}
