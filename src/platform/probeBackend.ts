/** Browser-only: what WebGPU adapter and WASM threading the page can use. */
import type { BackendProbe } from './backend.ts';

/** The parts of a WebGPU adapter the probe reads (typed here: no @webgpu/types). */
interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}
interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

/** True for adapters that run on the CPU (SwiftShader, fallback adapters). */
export function isSoftwareAdapter(adapter: AdapterLike): boolean {
  const arch = adapter.info?.architecture?.toLowerCase() ?? '';
  const desc = adapter.info?.description?.toLowerCase() ?? '';
  return (
    adapter.isFallbackAdapter === true ||
    adapter.info?.isFallbackAdapter === true ||
    arch === 'swiftshader' ||
    desc.includes('swiftshader')
  );
}

export async function probeBackend(nav: Navigator = navigator, isolated: boolean = globalThis.crossOriginIsolated === true): Promise<BackendProbe> {
  const cores = Math.max(1, nav.hardwareConcurrency || 1);
  const base = { crossOriginIsolated: isolated, cores };
  const gpu = (nav as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu) return { ...base, gpu: 'none' };
  let adapter: AdapterLike | null = null;
  try {
    adapter = await gpu.requestAdapter();
  } catch {
    adapter = null;
  }
  if (!adapter) return { ...base, gpu: 'none' };
  const label = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' / ') || 'unknown adapter';
  return { ...base, gpu: isSoftwareAdapter(adapter) ? 'software' : 'hardware', gpuLabel: label };
}
