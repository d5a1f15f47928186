import { describe, expect, it } from 'vitest';
import { MAX_WORKERS, planBackend, type BackendProbe } from '../../src/platform/backend.ts';

const probe = (p: Partial<BackendProbe>): BackendProbe => ({ gpu: 'none', crossOriginIsolated: true, cores: 8, ...p });

describe('planBackend', () => {
  it('auto uses a hardware WebGPU adapter', () => {
    expect(planBackend('auto', probe({ gpu: 'hardware' })).backend).toBe('webgpu');
  });

  it('auto avoids a software (SwiftShader/fallback) adapter: WASM is ~130× faster there', () => {
    const plan = planBackend('auto', probe({ gpu: 'software' }));
    expect(plan.backend).toBe('wasm');
    expect(plan.reason).toMatch(/software/);
  });

  it('a forced WebGPU runs even on a software adapter, and says so', () => {
    const plan = planBackend('webgpu', probe({ gpu: 'software' }));
    expect(plan.backend).toBe('webgpu');
    expect(plan.reason).toMatch(/software/);
  });

  it('a forced WebGPU without any adapter falls back to WASM with a reason', () => {
    const plan = planBackend('webgpu', probe({ gpu: 'none' }));
    expect(plan.backend).toBe('wasm');
    expect(plan.reason).toMatch(/no adapter/);
  });

  it('forced WASM ignores a hardware adapter', () => {
    expect(planBackend('wasm', probe({ gpu: 'hardware' })).backend).toBe('wasm');
  });

  it('workers = min(cores, 4), at least 1', () => {
    expect(planBackend('auto', probe({ cores: 2 })).workers).toBe(2);
    expect(planBackend('auto', probe({ cores: 16 })).workers).toBe(MAX_WORKERS);
    expect(planBackend('auto', probe({ cores: 0 })).workers).toBe(1);
    expect(planBackend('auto', probe({ cores: 1 })).workers).toBe(1);
  });

  it('threads only when cross-origin isolated, sharing the cores between workers', () => {
    expect(planBackend('wasm', probe({ cores: 8, crossOriginIsolated: true })).threads).toBe(2);
    expect(planBackend('wasm', probe({ cores: 2, crossOriginIsolated: true })).threads).toBe(1);
    expect(planBackend('wasm', probe({ cores: 8, crossOriginIsolated: false })).threads).toBe(1);
  });
});
