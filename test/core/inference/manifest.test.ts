/** The committed public/models/manifest.json against the files beside it and METHOD.md §1. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { outputGrid, upstreamInputGrid } from '../../../src/core/grid/modelGrid.ts';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { CLASSES, MODEL_FAMILIES } from '../../../src/core/types.ts';
import { readManifest, readModelFile } from './modelFiles.ts';

const manifest = readManifest();

describe('committed manifest', () => {
  it('names its source and licence', () => {
    expect(manifest.version).toBe(1);
    expect(manifest.source).toContain('MIT');
    expect(manifest.source).toContain('© 2024 Fucheng Zhong');
  });

  it.each(manifest.models.map((e) => [e.file, e] as const))('%s: bytes and sha256 match the file', (file, e) => {
    const bytes = readModelFile(file);
    expect(bytes.length).toBe(e.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.sha256);
    if (e.eigen) expect(readModelFile(e.eigen.file).length).toBe(e.eigen.n * e.outputGrid.n * 4);
  });

  it.each(manifest.models.map((e) => [e.file, e] as const))('%s: grids follow METHOD.md §1', (_, e) => {
    const grid = outputGrid(e.zMin, e.zMax);
    expect(e.outputGrid.n).toBe(grid.length);
    expect(e.outputGrid.start).toBe(grid[0]);
    expect(e.outputGrid.start + e.outputGrid.step * (e.outputGrid.n - 1)).toBeCloseTo(grid[grid.length - 1], 12);
    const input = upstreamInputGrid();
    expect([e.inputGrid.start, e.inputGrid.stop, e.inputGrid.n]).toEqual([input[0], input[input.length - 1], input.length]);
    expect(e.input).toEqual({ name: 'fluctuate', length: 4076 });
    expect(e.polyDegree).toBe(5);
  });

  it('has the N_out of METHOD.md §1 per class', () => {
    const n = Object.fromEntries(CLASSES.map((c) => [c, findModel(manifest, 'encoder', c).outputGrid.n]));
    expect(n).toEqual({ STAR: 4119, GALAXY: 8055, QSO: 11858 });
  });

  it('flips the input of the UNet STAR only, and gives eigenspectra to encoders only', () => {
    for (const family of MODEL_FAMILIES) {
      for (const cls of CLASSES) {
        const e = findModel(manifest, family, cls);
        expect(e.flipInput ?? false).toBe(family === 'unet' && cls === 'STAR');
        expect(e.eigen !== undefined).toBe(family === 'encoder');
        expect(e.outputs.coefficients !== undefined).toBe(family === 'encoder');
        expect(e.upstream).toBe(`${family === 'encoder' ? 'Encoder' : 'UNetL1SmoFlip'}_SDSS_${cls}`);
      }
    }
  });
});

describe('findModel', () => {
  it('throws for a model the manifest lacks', () => {
    const onlyEncoders = { ...manifest, models: manifest.models.filter((e) => e.family === 'encoder') };
    expect(() => findModel(onlyEncoders, 'unet', 'QSO')).toThrow(RangeError);
  });
});
