/**
 * `gasnet merge DIR [--files-from LIST] --out catalog.parquet|catalog.fits`: the chunks that
 * `analyze --out DIR` tasks committed, joined into one catalog in input order, after checking that
 * every input spectrum is there exactly once (tools/lib/catalogCheck.ts) against the input list
 * (--files-from, or the inputs files each task wrote). Missing or twice-present spectra are named
 * and nothing is written; exit code 1. Parquet is written row group by row group; a FITS table
 * needs every row in memory first (its text columns' widths come from the longest value).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { catalogFits, loadParquetWriter, parquetColumns, parquetStream, readParquetRows, writeAtomic, type CatalogRow } from '../lib/catalogFile.ts';
import { checkCatalog, type CatalogCheck, type CatalogKeyRow } from '../lib/catalogCheck.ts';
import { committedChunks, inputManifests, readInputManifest } from '../lib/chunkStore.ts';
import { inputList } from '../lib/inputList.ts';
import type { ModelFamily } from '../../src/core/types.ts';

const USAGE = 'usage: gasnet merge DIR [--files-from LIST|-] --out catalog.parquet|catalog.fits';
/** Problems named one by one before the rest are only counted. */
const SHOW = 20;

export async function runMerge(argv: string[]): Promise<number> {
  let dir: string | undefined;
  let out: string | undefined;
  let filesFrom: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = argv[++i];
    else if (a === '--files-from') filesFrom = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith('--') || dir !== undefined) {
      console.error(`unexpected ${a}\n${USAGE}`);
      return 2;
    } else dir = a;
  }
  if (dir === undefined || out === undefined || !/\.(parquet|fits?)$/i.test(out)) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(dir)) {
    console.error(`${dir}: no such directory`);
    return 2;
  }
  try {
    return await mergeDir(dir, { out, filesFrom });
  } catch (e) {
    console.error(String((e as Error).message ?? e));
    return 1;
  }
}

/** The expected input list: from --files-from, else from the tasks' inputs files (gaps are reported). */
async function expectedInputs(dir: string, filesFrom: string | undefined): Promise<{ paths: string[]; families?: ModelFamily[]; problems: string[] }> {
  const problems: string[] = [];
  if (filesFrom !== undefined) {
    const paths: string[] = [];
    for await (const p of inputList([], filesFrom).paths()) paths.push(p);
    let families: ModelFamily[] | undefined;
    for (const m of inputManifests(dir)) {
      for await (const x of readInputManifest(join(dir, m.name))) {
        if ('header' in x) families ??= x.header.families;
        break;
      }
    }
    return { paths, families, problems };
  }
  const manifests = inputManifests(dir);
  if (manifests.length === 0) throw new Error(`${dir} holds no inputs files: give the input list with --files-from LIST`);
  const paths: (string | undefined)[] = [];
  let families: ModelFamily[] | undefined;
  let total = 0;
  for (const m of manifests) {
    let k = m.start;
    for await (const x of readInputManifest(join(dir, m.name))) {
      if ('header' in x) {
        total = Math.max(total, x.header.total);
        families ??= x.header.families;
      } else {
        if (paths[k] !== undefined && paths[k] !== x.path) problems.push(`input ${k}: two inputs files disagree (${paths[k]} and ${x.path})`);
        paths[k++] = x.path;
      }
    }
  }
  while (paths.length < total) paths.push(undefined);
  let gapStart = -1;
  for (let i = 0; i <= paths.length; i++) {
    const hole = i < paths.length && paths[i] === undefined;
    if (hole && gapStart < 0) gapStart = i;
    if (!hole && gapStart >= 0) {
      problems.push(`inputs ${gapStart}…${i - 1} of ${total}: no task wrote its inputs file (never started?)`);
      gapStart = -1;
    }
  }
  return { paths: paths.map((p) => p ?? ''), families, problems };
}

export async function mergeDir(dir: string, options: { out: string; filesFrom?: string }): Promise<number> {
  const expected = await expectedInputs(dir, options.filesFrom);
  const chunks = committedChunks(dir);
  const fits = /\.fits?$/i.test(options.out);
  if (!fits) await loadParquetWriter();
  const columns = chunks.length > 0 ? await parquetColumns(join(dir, chunks[0].name)) : [];
  const first = chunks.length > 0 ? await readParquetRows(join(dir, chunks[0].name)) : [];
  const version = String(first[0]?.model_version ?? '');
  const parquet = fits ? undefined : parquetStream(options.out, columns, { gasnet_model_version: version });
  const kept: CatalogRow[] = [];
  const keys: CatalogKeyRow[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const part = i === 0 ? first : await readParquetRows(join(dir, chunks[i].name));
    for (const r of part) keys.push({ path: r.path, seq: r.seq, n_spectra: r.n_spectra, index: r.index, family: r.family });
    if (fits) kept.push(...part);
    else parquet!.write(part);
  }
  const check: CatalogCheck = checkCatalog(expected.paths, keys, expected.families);
  const problems = [...expected.problems, ...check.problems];
  if (problems.length > 0 || check.missing.length > 0 || check.duplicated.length > 0) {
    for (const p of problems.slice(0, SHOW)) console.error(p);
    const name = (what: string, list: string[]) => {
      if (list.length === 0) return;
      console.error(`${list.length} spectra ${what}:`);
      for (const s of list.slice(0, SHOW)) console.error(`  ${s}`);
      if (list.length > SHOW) console.error(`  … and ${list.length - SHOW} more`);
    };
    name('missing', check.missing);
    name('present more than once', check.duplicated);
    console.error(`${options.out} not written: rerun the tasks whose inputs are missing (they resume), then merge again`);
    return 1;
  }
  if (fits) writeAtomic(options.out, catalogFits(kept, columns, { MODELVER: version.slice(0, 68) }, new Date()));
  else parquet!.finish();
  console.error(`${options.out}: ${check.rows} rows, ${expected.paths.length} input files, every spectrum once`);
  return 0;
}
