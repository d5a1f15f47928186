import { describe, expect, it } from 'vitest';
import { isSoftwareAdapter, probeBackend } from '../../src/platform/probeBackend.ts';

// Adapter shapes as Chromium 156 reports them (STACK.md §6: headless with --enable-unsafe-webgpu).
const swiftshader = { info: { vendor: 'google', architecture: 'swiftshader', description: '' } };
const hardware = { info: { vendor: 'nvidia', architecture: 'ampere', description: '' } };

const nav = (gpu: unknown, cores = 4) => ({ hardwareConcurrency: cores, gpu }) as unknown as Navigator;

describe('probeBackend', () => {
  it('recognises SwiftShader and fallback adapters as software', () => {
    expect(isSoftwareAdapter(swiftshader)).toBe(true);
    expect(isSoftwareAdapter({ isFallbackAdapter: true, info: { vendor: 'x', architecture: '' } })).toBe(true);
    expect(isSoftwareAdapter({ info: { isFallbackAdapter: true } })).toBe(true);
    expect(isSoftwareAdapter(hardware)).toBe(false);
  });

  it('reports no GPU without navigator.gpu, a null adapter, or a throwing requestAdapter', async () => {
    expect((await probeBackend(nav(undefined), true)).gpu).toBe('none');
    expect((await probeBackend(nav({ requestAdapter: async () => null }), true)).gpu).toBe('none');
    expect((await probeBackend(nav({ requestAdapter: async () => Promise.reject(new Error('denied')) }), true)).gpu).toBe('none');
  });

  it('labels the adapter and passes cores and isolation through', async () => {
    const p = await probeBackend(nav({ requestAdapter: async () => swiftshader }, 2), false);
    expect(p).toEqual({ gpu: 'software', gpuLabel: 'google / swiftshader', crossOriginIsolated: false, cores: 2 });
    expect((await probeBackend(nav({ requestAdapter: async () => hardware }), true)).gpu).toBe('hardware');
  });
});
