/**
 * The committed ONNX models, run through the core's reconstructor on
 * onnxruntime-node, reproduce the PyTorch networks (fixture written by
 * tools/export_models.py from two golden SDSS spectra).
 */
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { createReconstructor, type Reconstructor } from '../../../src/core/inference/reconstructor.ts';
import { CLASSES, MODEL_FAMILIES } from '../../../src/core/types.ts';
import { maxRelative, readManifest, readModelFile, readTorchReference } from './modelFiles.ts';

const manifest = readManifest();
const ref = readTorchReference();
const N = 4076;

/** Parity target of the brief: ≤ 1e-4 of the spectrum's peak. */
const TOLERANCE = 1e-4;

async function open(family: (typeof MODEL_FAMILIES)[number], cls: (typeof CLASSES)[number], maxBatch?: number): Promise<Reconstructor> {
  const entry = findModel(manifest, family, cls);
  const r = await createReconstructor(ort, entry, readModelFile(entry.file), { maxBatch });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe.each(MODEL_FAMILIES.flatMap((f) => CLASSES.map((c) => [f, c] as const)))('%s %s', (family, cls) => {
  let rec: Reconstructor;
  beforeAll(async () => {
    rec = await open(family, cls);
  });
  afterAll(() => rec.release());

  it('reproduces PyTorch to ≤ 1e-4 of the peak', async () => {
    const out = await rec.run(ref.F, ref.batch);
    const torch = ref.outputs(family, cls);
    const n = rec.entry.outputGrid.n;
    expect(out).toHaveLength(ref.batch);
    for (let b = 0; b < ref.batch; b++) {
      expect(out[b].values).toHaveLength(n);
      const rel = maxRelative(out[b].values, torch.reconstruction.subarray(b * n, (b + 1) * n));
      expect(rel).toBeLessThanOrEqual(TOLERANCE);
      if (family === 'encoder') {
        const c = out[b].coefficients!;
        expect(c).toHaveLength(10);
        expect(maxRelative(c, torch.coefficients!.subarray(b * 10, (b + 1) * 10))).toBeLessThanOrEqual(TOLERANCE);
        expect(c.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 5);
        expect(Math.abs(out[b].amplitude! / torch.amplitude![b] - 1)).toBeLessThanOrEqual(TOLERANCE);
      } else {
        expect(out[b].coefficients).toBeUndefined();
        expect(out[b].amplitude).toBeUndefined();
      }
    }
  });

  // Not bit-identical: ORT's CPU kernels block batched convolutions and GEMMs
  // differently, which moves the last float32 bits. 1e-5 of the peak is a tenth
  // of the parity target.
  it('gives the same answer for a batch of 2 as for two singles', async () => {
    const pair = await rec.run(ref.F, 2);
    for (let b = 0; b < 2; b++) {
      const [single] = await rec.run(ref.F.slice(b * N, (b + 1) * N), 1);
      const rel = maxRelative(single.values, pair[b].values);
      expect(rel).toBeLessThanOrEqual(1e-5);
      if (family === 'encoder') {
        expect(maxRelative(single.coefficients!, pair[b].coefficients!)).toBeLessThanOrEqual(1e-5);
        expect(Math.abs(single.amplitude! / pair[b].amplitude! - 1)).toBeLessThanOrEqual(1e-5);
      }
    }
  });
});

describe('reconstructor', () => {
  it('cuts a long call into maxBatch runs and keeps the order', async () => {
    const small = await open('encoder', 'GALAXY', 1);
    const whole = await open('encoder', 'GALAXY');
    const F = new Float32Array(3 * N);
    F.set(ref.F, 0);
    F.set(ref.F.subarray(0, N), 2 * N); // spectra A, B, A
    const [a, b] = [await small.run(F, 3), await whole.run(F, 3)];
    expect(a).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect(maxRelative(a[i].values, b[i].values)).toBeLessThanOrEqual(1e-6);
    expect(a[2].values).toEqual(a[0].values);
    expect(maxRelative(a[0].values, a[1].values)).toBeGreaterThan(0.1);
    await Promise.all([small.release(), whole.release()]);
  });

  it('queues concurrent calls on one session and answers each', async () => {
    const rec = await open('unet', 'STAR');
    const first = ref.F.slice(0, N);
    const second = ref.F.slice(N, 2 * N);
    const [x, y] = await Promise.all([rec.run(first, 1), rec.run(second, 1)]);
    const torch = ref.outputs('unet', 'STAR').reconstruction;
    expect(maxRelative(x[0].values, torch.subarray(0, 4119))).toBeLessThanOrEqual(TOLERANCE);
    expect(maxRelative(y[0].values, torch.subarray(4119))).toBeLessThanOrEqual(TOLERANCE);
    await rec.release();
  });

  it('returns nothing for an empty batch and throws on a length mismatch', async () => {
    const rec = await open('encoder', 'STAR');
    expect(await rec.run(new Float32Array(0), 0)).toEqual([]);
    await expect(rec.run(new Float32Array(N + 1), 1)).rejects.toThrow(RangeError);
    await expect(rec.run(new Float32Array(N), 1.5)).rejects.toThrow(RangeError);
    // A rejected call does not block the queue.
    expect(await rec.run(ref.F.slice(0, N), 1)).toHaveLength(1);
    await rec.release();
  });

  it("refuses a model whose outputs do not match its manifest entry ('model-load')", async () => {
    const unet = findModel(manifest, 'unet', 'QSO');
    const asEncoder = { ...findModel(manifest, 'encoder', 'QSO') };
    const r = await createReconstructor(ort, asEncoder, readModelFile(unet.file));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('model-load');
      expect(r.error.message).toContain("no output 'coefficients'");
    }
    const wrongGrid = { ...unet, outputGrid: { ...unet.outputGrid, n: 8055 } };
    const g = await createReconstructor(ort, wrongGrid, readModelFile(unet.file));
    expect(g.ok ? '' : g.error.message).toContain("'reconstruction' has shape [batch, 11858], expected [B, 8055]");
  });
});
