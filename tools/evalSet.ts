/**
 * `npm run eval -- --set DIR`: score every folder under DIR that has a truth.csv
 * (file,index,class,z[,z_marz]) — per folder and overall: read, right, within
 * 3e-4, wrong without a flag, right but flagged (src/core/evaluate/setScore.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeFile } from '../src/core/analyzeFile.ts';
import { scoreRow, summarize, type ScoredRow, type SetAnswer, type SetCounts, type TruthRow } from '../src/core/evaluate/setScore.ts';
import { parseCsv } from '../src/core/export/csvParse.ts';
import { fail, ok, type Result } from '../src/core/types.ts';
import { openSpectra } from '../src/core/formats/index.ts';
import { correctRedshift } from '../src/core/grid/velocityFrame.ts';
import type { PrepareOptions } from '../src/core/prepareSpectrum.ts';
import type { Analyzer } from '../src/core/scan/pipeline.ts';
import { nodeFileSource } from './nodeFileSource.ts';

/** Parse one folder's truth.csv (file,index,class,z[,z_marz]; an empty z is not scored). */
export function parseTruthCsv(text: string, folder: string): Result<TruthRow[], string> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [head, ...rows] = parsed.value;
  const col = (name: string) => head.indexOf(name);
  const [fi, ii, ci, zi, mi] = ['file', 'index', 'class', 'z', 'z_marz'].map(col);
  if (fi < 0 || ci < 0 || zi < 0) return fail(`${folder}/truth.csv needs the columns file, class and z (has ${head.join(', ')})`);
  return ok(
    rows.map((r) => {
      const marz = mi >= 0 && r[mi]?.trim() !== '' ? Number(r[mi]) : undefined;
      const z = r[zi]?.trim() === '' ? undefined : Number(r[zi]);
      const useMarz = marz !== undefined && Number.isFinite(marz);
      return {
        folder,
        file: r[fi],
        index: ii >= 0 && r[ii]?.trim() !== '' ? Number(r[ii]) : 0,
        cls: r[ci].trim().toUpperCase(),
        z: useMarz ? marz : z !== undefined && Number.isFinite(z) ? z : undefined,
        zColumn: useMarz ? 'z_marz' : 'z',
      };
    }),
  );
}

/** Folders under `root` (itself included) that hold a truth.csv, sorted. */
export function truthFolders(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (existsSync(join(dir, 'truth.csv'))) out.push(dir);
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
    }
  };
  walk(root);
  return out;
}

/** Every truth row under `root`, with what the analyzer answered for it. */
export async function evaluateSet(root: string, analyzer: Analyzer, prepare: PrepareOptions = {}): Promise<ScoredRow[]> {
  const scored: ScoredRow[] = [];
  for (const dir of truthFolders(root)) {
    const folder = relative(root, dir) || '.';
    const truth = parseTruthCsv(readFileSync(join(dir, 'truth.csv'), 'utf8'), folder);
    if (!truth.ok) throw new Error(truth.error);
    const byFile = new Map<string, TruthRow[]>();
    for (const t of truth.value) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
    for (const [file, rows] of byFile) {
      const answers = await analyzeOne(join(dir, file), analyzer, prepare);
      for (const t of rows) scored.push(scoreRow(t, answers.get(t.index) ?? { error: answers.get(-1)?.error ?? `spectrum ${t.index} not in the file` }));
    }
  }
  return scored;
}

async function analyzeOne(path: string, analyzer: Analyzer, prepare: PrepareOptions): Promise<Map<number, SetAnswer & { zObs?: number }>> {
  const out = new Map<number, SetAnswer & { zObs?: number }>();
  const source = await nodeFileSource(path);
  try {
    const opened = await openSpectra(source);
    if (!opened.ok) {
      out.set(-1, { error: opened.error.message });
      return out;
    }
    for await (const o of analyzeFile(opened.value, [analyzer], { clock: () => performance.now(), prepare })) {
      if (!o.result.ok) {
        out.set(o.index, { error: o.result.error.message });
        continue;
      }
      const r = o.result.value;
      const factor = o.correction ?? { factor: 1 };
      out.set(o.index, { cls: r.cls, z: correctRedshift(r.z, factor), zObs: r.z, flags: r.flags });
    }
  } finally {
    await source.close();
  }
  return out;
}

export const SET_COLUMNS = ['folder', 'spectra', 'read', 'with z', 'right', '≤3e-4', 'wrong unflagged', 'right flagged', 'no-z flagged'] as const;

export function countsRow(name: string, c: SetCounts): string[] {
  return [name, c.spectra, c.read, c.scored, c.right, c.within3e4, c.wrongUnflagged, c.rightFlagged, `${c.noTruthFlagged}/${c.noTruth}`].map(String);
}

export function printSet(rows: readonly ScoredRow[]): ReturnType<typeof summarize> {
  const s = summarize(rows);
  const table = [[...SET_COLUMNS], ...Object.entries(s.perFolder).map(([f, c]) => countsRow(f, c)), countsRow('all', s.overall)];
  const widths = table[0].map((_, j) => Math.max(...table.map((r) => r[j].length)));
  for (const r of table) console.log(r.map((x, j) => (j === 0 ? x.padEnd(widths[j]) : x.padStart(widths[j]))).join('  '));
  return s;
}
