import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/core/analyzeFile.ts';
import { bytesSource } from '../../src/core/fits/index.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import { blobSource } from '../../src/core/fits/index.ts';
import { toSpectrumResult } from '../../src/core/result/spectrumResult.ts';
import { fail } from '../../src/core/types.ts';
import { createEngine } from '../../src/worker/analysisEngine.ts';
import type { WorkerResponse } from '../../src/worker/protocol.ts';
import { performance } from 'node:perf_hooks';
import { fixtureBlob, nodeAnalyzerFor, nodeEngine, opened, sdssTruth, sharedAnalyzer } from './nodeEngine.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './nodeEngine.ts';
import { loadEigenspectra } from '../../tools/lib/nodeModels.ts';

const GALAXY = 'spec-0375-52140-0356.fits';
const truth = sdssTruth();

async function run(path: string, fileName: string, batchSize = 8, cancelAfter = Infinity) {
  const engine = await nodeEngine(batchSize);
  const out: WorkerResponse[] = [];
  let batches = 0;
  await engine.analyzeFile({ jobId: 1, fileId: 7, file: fixtureBlob(path), fileName }, (m) => {
    out.push(m);
    if (m.type === 'results') batches++;
  }, () => batches >= cancelAfter);
  return out;
}

describe('analysis engine', () => {
  it('reports opened → results → file-done for a real SDSS file, with SDSS class and z', async () => {
    const out = await run(`sdss/${GALAXY}`, GALAXY);
    expect(out.map((m) => m.type)).toEqual(['opened', 'results', 'file-done']);
    const opened = out[0] as Extract<WorkerResponse, { type: 'opened' }>;
    expect(opened).toMatchObject({ format: 'sdss-spec', count: 1, fileId: 7, jobId: 1 });
    const res = out[1] as Extract<WorkerResponse, { type: 'results' }>;
    expect(res.failures).toEqual([]);
    const [row] = res.rows;
    const t = truth.get(GALAXY)!;
    expect(row.cls).toBe(t.cls);
    expect(Math.abs(row.z! - t.z) / (1 + t.z)).toBeLessThan(3e-4);
    expect(row).toMatchObject({ fileName: GALAXY, index: 0, family: 'encoder' });
    expect(row.chi2![row.cls!]).toBe(Math.min(row.chi2!.STAR, row.chi2!.GALAXY, row.chi2!.QSO));
    expect(res.ms).toBeGreaterThan(0);
    expect(out[2]).toEqual({ type: 'file-done', jobId: 1, fileId: 7, cancelled: false });
  });

  it('gives exactly the numbers of the core analyzeFile run directly (worker = main thread)', async () => {
    const out = await run(`sdss/${GALAXY}`, GALAXY);
    const row = (out[1] as Extract<WorkerResponse, { type: 'results' }>).rows[0];
    const opened = await openSpectra(bytesSource(GALAXY, new Uint8Array(readFileSync(join(FIXTURES, 'sdss', GALAXY)))));
    if (!opened.ok) throw new Error(opened.error.message);
    const direct = [];
    for await (const o of analyzeFile(opened.value, [await sharedAnalyzer()])) direct.push(o);
    const r = direct[0].result;
    if (!r.ok) throw new Error(r.error.message);
    expect(row.z).toBe(r.value.z);
    expect(row.chi2).toEqual(r.value.chi2);
    expect(row.robustness).toBe(r.value.robustness);
    expect(row.flags).toEqual(r.value.flags);
  });

  it('batches a multi-spectrum file and stops after the current batch when cancelled', async () => {
    const all = await run('formats/sdss_spPlate.fits', 'plate.fits', 1);
    const results = all.filter((m) => m.type === 'results') as Extract<WorkerResponse, { type: 'results' }>[];
    expect(results.map((r) => r.rows.length)).toEqual([1, 1, 1]);
    expect(results.flatMap((r) => r.rows.map((x) => x.index))).toEqual([0, 1, 2]);
    expect(results.flatMap((r) => r.rows.map((x) => x.cls))).toEqual(['STAR', 'GALAXY', 'QSO']);

    const cut = await run('formats/sdss_spPlate.fits', 'plate.fits', 1, 1);
    expect(cut.filter((m) => m.type === 'results')).toHaveLength(1);
    expect(cut.at(-1)).toEqual({ type: 'file-done', jobId: 1, fileId: 7, cancelled: true });
  });

  it('turns a file no adapter reads into one file-level failure with the core code', async () => {
    const out = await run('formats/unknown_layout.fits', 'odd.fits');
    expect(out.map((m) => m.type)).toEqual(['results', 'file-done']);
    const f = (out[0] as Extract<WorkerResponse, { type: 'results' }>).failures[0];
    expect(f.index).toBeUndefined();
    expect(f.error.code).toBe('no-matching-format');
    expect(f.error.message.length).toBeGreaterThan(10);
  });

  it('turns bytes that are not FITS into a file-level failure', async () => {
    const engine = await nodeEngine();
    const out: WorkerResponse[] = [];
    const text = new Blob(['this is not a spectrum\n'.repeat(200)]);
    await engine.analyzeFile({ jobId: 2, fileId: 3, file: text, fileName: 'notes.fits' }, (m) => out.push(m), () => false);
    const f = (out[0] as Extract<WorkerResponse, { type: 'results' }>).failures[0];
    expect(f.index).toBeUndefined();
    expect(['not-fits', 'no-matching-format', 'bad-text']).toContain(f.error.code);
  });

  it("answers a detail with the numbers of the spectrum's row, without running the networks again", async () => {
    const counted = countingEngine();
    const out: WorkerResponse[] = [];
    await counted.engine.analyzeFile({ jobId: 1, fileId: 9, file: fixtureBlob('formats/sdss_spPlate.fits'), fileName: 'plate.fits' }, (m) => out.push(m), () => false);
    const rows = out.flatMap((m) => (m.type === 'results' ? m.rows : []));
    expect(rows).toHaveLength(3);
    const runsAfterJob = counted.runs;
    for (const row of rows) {
      const d = await counted.engine.detail({ fileId: 9, file: fixtureBlob('formats/sdss_spPlate.fits'), fileName: 'plate.fits', index: row.index });
      if (!d.ok) throw new Error(d.error.message);
      // Exactly the row: the contract rebuilt from the detail equals what the table got.
      const { ms, ...fromRow } = row;
      expect(ms).toBeGreaterThan(0);
      const profile = d.value.instrument ? { name: d.value.instrument } : undefined;
      const rebuilt = toSpectrumResult({ fileName: 'plate.fits', index: row.index, spectrumId: d.value.spectrum.id }, d.value.spectrum, d.value.result, undefined, d.value.correction, profile);
      expect(rebuilt).toEqual(fromRow);
      expect(d.value.gridded.flux).toHaveLength(4076);
      expect(d.value.result.scans.QSO.chi2.length).toBeGreaterThan(1000);
      // The reconstruction redrawn from the kept coefficients spans the class's output grid.
      const best = d.value.result.scans[row.cls!];
      expect(d.value.result.reconstructions[row.cls!].values.length).toBe(best.chi2.length + 4076 - 1);
    }
    expect(counted.runs).toBe(runsAfterJob);

    const bad = await counted.engine.detail({ fileId: 9, file: fixtureBlob('formats/sdss_spPlate.fits'), fileName: 'plate.fits', index: 3 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('out-of-range');
  });

  it('recomputes a detail the cache let go, and keeps it for the next request', async () => {
    const counted = countingEngine(1); // a byte budget of one: only the newest analysis stays
    const out: WorkerResponse[] = [];
    await counted.engine.analyzeFile({ jobId: 1, fileId: 9, file: fixtureBlob('formats/sdss_spPlate.fits'), fileName: 'plate.fits' }, (m) => out.push(m), () => false);
    const rows = out.flatMap((m) => (m.type === 'results' ? m.rows : []));
    const before = counted.runs;
    const req = { fileId: 9, file: fixtureBlob('formats/sdss_spPlate.fits'), fileName: 'plate.fits', index: 0 };
    const d = await counted.engine.detail(req);
    if (!d.ok) throw new Error(d.error.message);
    expect(counted.runs).toBe(before + 1);
    expect(d.value.result.cls).toBe(rows[0].cls);
    // Batch of 1 instead of the job's batch: the same answer to well within the GF threshold.
    expect(Math.abs(d.value.result.z - rows[0].z!) / (1 + rows[0].z!)).toBeLessThan(1e-6);
    await counted.engine.detail(req);
    expect(counted.runs).toBe(before + 1);
  });
});

/** An engine over the Node analyzers that counts network batches run. */
function countingEngine(cacheBytes?: number) {
  const counted = { runs: 0, engine: undefined as unknown as ReturnType<typeof createEngine> };
  counted.engine = createEngine({
    openFile: (file, name) => openSpectra(blobSource(file, name)),
    analyzerFor: async (family) => {
      const a = await nodeAnalyzerFor(family);
      if (!a.ok) return a;
      return { ok: true, value: { family, analyze: (b) => ((counted.runs += 1), a.value.analyze(b)) } };
    },
    batchSize: 8,
    now: () => performance.now(),
    cacheBytes,
    // As in the browser: encoder reconstructions kept as coefficients, redrawn from the eigenspectra.
    eigenspectra: async () => ({ ok: true, value: await loadEigenspectra() }),
  });
  return counted;
}

describe('analysis engine with two model families', () => {
  const plate = () => fixtureBlob('formats/sdss_spPlate.fits');

  it('runs the UNet only when a job names it, giving each spectrum one row per family', async () => {
    const engine = await nodeEngine(2);
    const out: WorkerResponse[] = [];
    await engine.analyzeFile({ jobId: 1, fileId: 4, file: plate(), fileName: 'plate.fits' }, (m) => out.push(m), () => false);
    expect(opened).not.toContain('unet');
    await engine.analyzeFile({ jobId: 2, fileId: 4, file: plate(), fileName: 'plate.fits', families: ['encoder', 'unet'] }, (m) => out.push(m), () => false);
    expect(opened).toContain('unet');
    const second = out.filter((m) => m.type === 'results' && m.jobId === 2) as Extract<WorkerResponse, { type: 'results' }>[];
    const rows = second.flatMap((m) => m.rows);
    expect(rows.map((r) => `${r.family}:${r.index}`).sort()).toEqual(['encoder:0', 'encoder:1', 'encoder:2', 'unet:0', 'unet:1', 'unet:2']);
    // The same three objects by both networks: a star, a galaxy, a quasar.
    for (const family of ['encoder', 'unet'] as const) {
      expect(rows.filter((r) => r.family === family).sort((a, b) => a.index - b.index).map((r) => r.cls)).toEqual(['STAR', 'GALAXY', 'QSO']);
    }
    expect(out.filter((m) => m.type === 'file-done').at(-1)).toEqual({ type: 'file-done', jobId: 2, fileId: 4, cancelled: false });
  });

  it('detail with two families returns both analyses of the spectrum', async () => {
    const engine = await nodeEngine();
    const d = await engine.detail({ fileId: 5, file: plate(), fileName: 'plate.fits', index: 1, families: ['encoder', 'unet'] });
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.result.family).toBe('encoder');
    expect(d.value.compare?.family).toBe('unet');
    expect(d.value.compare?.cls).toBe('GALAXY');
    expect(Math.abs(d.value.compare!.z - d.value.result.z) / (1 + d.value.result.z)).toBeLessThan(3e-4);
    expect(d.value.compare!.reconstructions.GALAXY.coefficients).toBeUndefined();
    const single = await engine.detail({ fileId: 5, file: plate(), fileName: 'plate.fits', index: 1, families: ['unet'] });
    if (!single.ok) throw new Error(single.error.message);
    expect(single.value.result.family).toBe('unet');
    expect(single.value.compare).toBeUndefined();
    expect(single.value.result.z).toBe(d.value.compare!.z);
  });

  it('a family whose models cannot be loaded fails every spectrum for that family only', async () => {
    const engine = createEngine({
      openFile: (file, name) => openSpectra(blobSource(file, name)),
      analyzerFor: async (family) => (family === 'unet' ? fail({ code: 'model-load', message: 'Could not fetch unet-star.onnx (HTTP 503).' }) : nodeAnalyzerFor(family)),
      batchSize: 8,
      now: () => performance.now(),
    });
    const out: WorkerResponse[] = [];
    await engine.analyzeFile({ jobId: 3, fileId: 6, file: plate(), fileName: 'plate.fits', families: ['encoder', 'unet'] }, (m) => out.push(m), () => false);
    const res = out.filter((m) => m.type === 'results') as Extract<WorkerResponse, { type: 'results' }>[];
    expect(res.flatMap((m) => m.rows).map((r) => r.family)).toEqual(['encoder', 'encoder', 'encoder']);
    const failures = res.flatMap((m) => m.failures);
    expect(failures.map((f) => [f.index, f.family, f.error.code])).toEqual([
      [0, 'unet', 'model-load'],
      [1, 'unet', 'model-load'],
      [2, 'unet', 'model-load'],
    ]);
    const d = await engine.detail({ fileId: 6, file: plate(), fileName: 'plate.fits', index: 0, families: ['encoder', 'unet'] });
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.compare).toBeUndefined();
    expect(d.value.compareError).toMatch(/^unet: model-load: Could not fetch unet-star\.onnx/);
  });
});
