/**
 * One block of consecutive input files through the pipeline, in a worker thread or in the main
 * one: the files are opened, their spectra go to the networks together (batches across files:
 * one single-spectrum file at a time would pay the networks' per-call cost per spectrum), and
 * the answers come back per file, each file's spectra in index order, families in the order given.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeFile, resultOf } from '../../src/core/analyzeFile.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import type { OpenedSpectra } from '../../src/core/formats/types.ts';
import type { SpectrumResult } from '../../src/core/result/spectrumResult.ts';
import type { Analyzer } from '../../src/core/scan/pipeline.ts';
import { curvesHdus, curvesPrimary } from '../lib/curvesFits.ts';
import { nodeFileSource, type NodeFileSource } from '../nodeFileSource.ts';

/** Files at input positions start, start + 1, … */
export interface Block {
  start: number;
  paths: string[];
}

export interface FileResult {
  seq: number;
  path: string;
  /** Spectra in the file; 0 when it could not be opened. */
  nSpectra: number;
  /** Why the file could not be opened at all (its name first); `results` is then empty. */
  fileError?: string;
  results: SpectrumResult[];
}

export interface BlockOptions {
  /** Directory for each file's χ² curves (tools/lib/curvesFits.ts). */
  curves?: string;
}

const curvesPathOf = (dir: string, file: string) => join(dir, `${file.replace(/\.[^.]+(\.gz)?$/i, '')}.chi2.fits`);

export async function analyzeBlock(block: Block, analyzers: readonly Analyzer[], options: BlockOptions = {}): Promise<FileResult[]> {
  const out: FileResult[] = [];
  const sources: NodeFileSource[] = [];
  const opened: { at: number; file: OpenedSpectra }[] = [];
  try {
    for (let k = 0; k < block.paths.length; k++) {
      const path = block.paths[k];
      const file = basename(path);
      const r: FileResult = { seq: block.start + k, path, nSpectra: 0, results: [] };
      out.push(r);
      const source = await nodeFileSource(path).catch((e: Error) => e);
      if (source instanceof Error) {
        r.fileError = `${file}: cannot read the file (${source.message})`;
        continue;
      }
      sources.push(source);
      const o = await openSpectra(source);
      if (!o.ok) {
        r.fileError = o.error.message;
        continue;
      }
      r.nSpectra = o.value.count;
      opened.push({ at: k, file: o.value });
      if (options.curves) writeFileSync(curvesPathOf(options.curves, file), curvesPrimary(file));
    }
    // every spectrum of the block as one list: file f's spectrum j is at offset[f] + j
    const offsets: number[] = [];
    let count = 0;
    for (const o of opened) {
      offsets.push(count);
      count += o.file.count;
    }
    const locate = (i: number): number => {
      let lo = 0;
      let hi = opened.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (offsets[mid] <= i) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const all: OpenedSpectra = { fileName: '', format: '', count, read: (i) => opened[locate(i)].file.read(i - offsets[locate(i)]) };
    // Transient: each outcome is written (curves) and summarised (row) before the next batch runs.
    for await (const outcome of analyzeFile(all, analyzers, { clock: () => performance.now(), transient: true })) {
      const f = locate(outcome.index);
      const { at } = opened[f];
      const local = { ...outcome, index: outcome.index - offsets[f] };
      if (options.curves && local.result.ok) {
        appendFileSync(curvesPathOf(options.curves, basename(out[at].path)), curvesHdus({ index: local.index, id: local.spectrum?.id, family: local.family, result: local.result.value }));
      }
      out[at].results.push(resultOf(basename(out[at].path), local));
    }
  } finally {
    await Promise.all(sources.map((s) => s.close()));
  }
  const order = new Map(analyzers.map((a, i) => [a.family, i]));
  for (const r of out) r.results.sort((a, b) => a.index - b.index || order.get(a.family)! - order.get(b.family)!);
  return out;
}
