/**
 * The same core code on onnxruntime-web's Node build (WASM backend): the
 * runtime is an argument, so the browser path is exercised without a browser.
 */
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { createReconstructor } from '../../../src/core/inference/reconstructor.ts';
import { maxRelative, readManifest, readModelFile, readTorchReference } from './modelFiles.ts';

describe('reconstructor on onnxruntime-web (wasm)', () => {
  it('reproduces PyTorch for the GALAXY encoder', async () => {
    ortWeb.env.wasm.numThreads = 1;
    const entry = findModel(readManifest(), 'encoder', 'GALAXY');
    const r = await createReconstructor(ortWeb, entry, readModelFile(entry.file), { executionProviders: ['wasm'] });
    if (!r.ok) throw new Error(r.error.message);
    const ref = readTorchReference();
    const torch = ref.outputs('encoder', 'GALAXY');
    const out = await r.value.run(ref.F, ref.batch);
    const n = entry.outputGrid.n;
    for (let b = 0; b < ref.batch; b++) {
      expect(maxRelative(out[b].values, torch.reconstruction.subarray(b * n, (b + 1) * n))).toBeLessThanOrEqual(1e-4);
      expect(maxRelative(out[b].coefficients!, torch.coefficients!.subarray(b * 10, (b + 1) * 10))).toBeLessThanOrEqual(1e-4);
      expect(Math.abs(out[b].amplitude! / torch.amplitude![b] - 1)).toBeLessThanOrEqual(1e-4);
    }
    await r.value.release();
  });

  it("returns 'model-load' for a corrupt model", async () => {
    const entry = findModel(readManifest(), 'encoder', 'STAR');
    const r = await createReconstructor(ortWeb, entry, readModelFile(entry.file).subarray(0, 5000));
    expect(r.ok ? 'ok' : r.error.code).toBe('model-load');
  });
});
