import { describe, expect, it } from 'vitest';
import { readEigenspectra } from '../../../src/core/inference/eigenspectra.ts';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { CLASSES } from '../../../src/core/types.ts';
import { maxRelative, readManifest, readModelFile, readTorchReference } from './modelFiles.ts';

const manifest = readManifest();
const ref = readTorchReference();

describe('readEigenspectra', () => {
  it.each(CLASSES)('%s: A·Σ c_j·E_j from the eigen file equals the network reconstruction', (cls) => {
    const entry = findModel(manifest, 'encoder', cls);
    const r = readEigenspectra(readModelFile(entry.eigen!.file), entry);
    if (!r.ok) throw new Error(r.error.message);
    const E = r.value;
    const n = entry.outputGrid.n;
    expect(E).toHaveLength(10);
    for (const row of E) expect(row).toHaveLength(n);
    const torch = ref.outputs('encoder', cls);
    for (let b = 0; b < ref.batch; b++) {
      const c = torch.coefficients!.subarray(b * 10, (b + 1) * 10);
      const A = torch.amplitude![b];
      const mix = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < 10; j++) s += c[j] * E[j][i];
        mix[i] = A * s;
      }
      expect(maxRelative(mix, torch.reconstruction.subarray(b * n, (b + 1) * n))).toBeLessThanOrEqual(1e-5);
    }
  });

  it('reads from an unaligned view', () => {
    const entry = findModel(manifest, 'encoder', 'STAR');
    const bytes = readModelFile(entry.eigen!.file);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const a = readEigenspectra(bytes, entry);
    const b = readEigenspectra(shifted.subarray(1), entry);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.value[9]).toEqual(a.value[9]);
  });

  it("returns 'model-load' for a file of the wrong size", () => {
    const entry = findModel(manifest, 'encoder', 'GALAXY');
    const r = readEigenspectra(new Uint8Array(100), entry);
    expect(r.ok ? '' : r.error.code).toBe('model-load');
  });

  it('throws for a model without eigenspectra (a caller bug)', () => {
    expect(() => readEigenspectra(new Uint8Array(4), findModel(manifest, 'unet', 'STAR'))).toThrow(RangeError);
  });
});
