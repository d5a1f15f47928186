/** Browser side: read a catalog file in a worker of its own. */
import type { CatalogReply, CatalogRequest } from './catalogProtocol.ts';

export function readCatalogInWorker(file: File): Promise<CatalogReply> {
  const worker = new Worker(new URL('./catalogWorker.ts', import.meta.url), { type: 'module', name: 'gasnet-catalog' });
  return new Promise<CatalogReply>((resolve) => {
    worker.onmessage = (e: MessageEvent<CatalogReply>) => resolve(e.data);
    worker.onerror = (e) => resolve({ ok: false, error: { file: file.name, message: `${file.name}: the catalog reader stopped: ${e.message || 'worker error'}` } });
    worker.postMessage({ file } satisfies CatalogRequest);
  }).finally(() => worker.terminate());
}
