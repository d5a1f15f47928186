/**
 * The catalog worker's entry: reads one catalog file (Parquet, FITS or CSV)
 * into columns off the page's thread and hands the typed arrays over by
 * transfer, not copy. One worker per file, ended by the page when done.
 */
/// <reference lib="webworker" />
import { columnBuffers } from '../core/catalog/columnBuild.ts';
import { readCatalog } from '../core/catalog/readCatalog.ts';
import type { CatalogReply, CatalogRequest } from './catalogProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (e: MessageEvent<CatalogRequest>) => {
  const { file } = e.data;
  const t0 = performance.now();
  let reply: CatalogReply;
  try {
    const read = await readCatalog(file);
    reply = read.ok ? { ok: true, table: read.value, ms: performance.now() - t0 } : { ok: false, error: read.error };
  } catch (err) {
    // A bug, not bad input: still answer, so the page does not wait forever.
    reply = { ok: false, error: { file: file.name, message: `${file.name}: the catalog reader failed: ${err instanceof Error ? err.message : String(err)}` } };
  }
  self.postMessage(reply, reply.ok ? columnBuffers(reply.table.columns) : []);
};
