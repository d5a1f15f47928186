import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/core/inference/session.ts';
import { readModelFile } from './modelFiles.ts';

describe('createSession', () => {
  it('opens a committed model and reports its input and outputs', async () => {
    const r = await createSession(ort, readModelFile('encoder-star.onnx'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.inputNames).toEqual(['fluctuate']);
    expect(r.value.outputNames).toEqual(['reconstruction', 'coefficients', 'amplitude']);
    await r.value.release();
  });

  it('honours an explicit execution provider list and thread count', async () => {
    const r = await createSession(ort, readModelFile('encoder-star.onnx'), ['cpu'], { intraOpNumThreads: 1 });
    expect(r.ok).toBe(true);
    if (r.ok) await r.value.release();
  });

  it('throws on a thread count that is not an integer ≥ 0 (a caller bug)', async () => {
    await expect(createSession(ort, readModelFile('encoder-star.onnx'), undefined, { intraOpNumThreads: -3 })).rejects.toThrow(RangeError);
    await expect(createSession(ort, readModelFile('encoder-star.onnx'), undefined, { intraOpNumThreads: 1.5 })).rejects.toThrow(RangeError);
  });

  it.each([
    ['random bytes', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)],
    ['a truncated model', () => readModelFile('unet-star.onnx').subarray(0, 100_000)],
    ['an HTML error page', () => new TextEncoder().encode('<!doctype html><title>404</title>')],
    ['an empty file', () => new Uint8Array(0)],
  ])("returns a 'model-load' error for %s instead of throwing", async (_, bytes) => {
    const r = await createSession(ort, bytes());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('model-load');
      expect(r.error.message).toMatch(/fetch it again/);
    }
  });

  it("maps an unknown execution provider to 'model-load'", async () => {
    const r = await createSession(ort, readModelFile('encoder-star.onnx'), ['no-such-ep']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('model-load');
  });
});
