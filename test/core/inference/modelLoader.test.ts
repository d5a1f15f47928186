import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { createModelLoader, type FetchBytes } from '../../../src/core/inference/modelLoader.ts';
import { maxRelative, readManifest, readModelFile, readTorchReference } from './modelFiles.ts';

const manifest = readManifest();

/** A fetchBytes over public/models that records what it was asked for. */
function recordingFetch(): { fetchBytes: FetchBytes; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetchBytes: async (file) => {
      asked.push(file);
      return readModelFile(file);
    },
  };
}

describe('createModelLoader', () => {
  it('fetches nothing until a model is asked for, then only that family', async () => {
    const { fetchBytes, asked } = recordingFetch();
    const loader = createModelLoader(ort, manifest, fetchBytes);
    expect(asked).toEqual([]);
    const star = await loader.reconstructor('encoder', 'STAR');
    expect(star.ok).toBe(true);
    expect(asked).toEqual(['encoder-star.onnx']);
    const family = await loader.family('encoder');
    expect(family.ok).toBe(true);
    expect(asked.sort()).toEqual(['encoder-galaxy.onnx', 'encoder-qso.onnx', 'encoder-star.onnx']);
    if (family.ok && star.ok) {
      expect(family.value.STAR).toBe(star.value);
      expect(family.value.QSO.entry.cls).toBe('QSO');
    }
    await loader.release();
  });

  it('opens each model once even when asked for concurrently', async () => {
    const { fetchBytes, asked } = recordingFetch();
    const loader = createModelLoader(ort, manifest, fetchBytes);
    const [a, b] = await Promise.all([loader.reconstructor('unet', 'QSO'), loader.reconstructor('unet', 'QSO')]);
    expect(asked).toEqual(['unet-qso.onnx']);
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    await loader.release();
  });

  it('gives working reconstructors', async () => {
    const ref = readTorchReference();
    const loader = createModelLoader(ort, manifest, recordingFetch().fetchBytes, { maxBatch: 1 });
    const unets = await loader.family('unet');
    if (!unets.ok) throw new Error(unets.error.message);
    const out = await unets.value.GALAXY.run(ref.F, 2);
    const torch = ref.outputs('unet', 'GALAXY').reconstruction;
    expect(maxRelative(out[1].values, torch.subarray(8055))).toBeLessThanOrEqual(1e-4);
    await loader.release();
  });

  it("turns a failed fetch into 'model-load' and retries on the next request", async () => {
    let calls = 0;
    const loader = createModelLoader(ort, manifest, async (file) => {
      calls++;
      if (calls === 1) throw new Error('network down');
      return readModelFile(file);
    });
    const first = await loader.reconstructor('encoder', 'GALAXY');
    expect(first.ok).toBe(false);
    if (!first.ok) {
      expect(first.error.code).toBe('model-load');
      expect(first.error.message).toContain('encoder-galaxy.onnx');
      expect(first.error.message).toContain('network down');
    }
    const second = await loader.reconstructor('encoder', 'GALAXY');
    expect(second.ok).toBe(true);
    expect(calls).toBe(2);
    await loader.release();
  });

  it("rejects a download whose size differs from the manifest ('model-load')", async () => {
    const loader = createModelLoader(ort, manifest, async (file) => readModelFile(file).subarray(1));
    const r = await loader.family('encoder');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('model-load');
      const n = manifest.models.find((e) => e.file === 'encoder-star.onnx')!.bytes;
      expect(r.error.message).toContain(`encoder-star.onnx has ${n - 1} bytes, the manifest says ${n}`);
    }
  });

  it("reports a corrupt file of the right size as 'model-load'", async () => {
    const loader = createModelLoader(ort, manifest, async (file) => new Uint8Array(readModelFile(file).length).fill(7));
    const r = await loader.reconstructor('unet', 'STAR');
    expect(r.ok ? 'ok' : r.error.code).toBe('model-load');
    expect(r.ok ? '' : r.error.message).toContain('unet-star.onnx');
  });
});
