/** Messages between the page and the catalog worker. */
import type { CatalogError, CatalogTable } from '../core/catalog/types.ts';

export interface CatalogRequest {
  file: File;
}

export type CatalogReply = { ok: true; table: CatalogTable; ms: number } | { ok: false; error: CatalogError };
