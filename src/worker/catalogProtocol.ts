/** Messages between the page and the catalog worker. */
import type { CatalogColumn, CatalogError, CatalogTable } from '../core/catalog/types.ts';

export interface CatalogRequest {
  file: File;
}

export type CatalogReply = { ok: true; table: CatalogTable; ms: number } | { ok: false; error: CatalogError };

/**
 * A text column on the wire: its dictionary as one string and the end of each entry in it. Cloning a
 * million separate strings (file names, ids) cost the page's thread most of a second to receive; one
 * string is one copy, and cutting it up again (substrings) is cheap.
 */
interface PackedText {
  name: string;
  kind: 'packed-text';
  codes: Uint32Array;
  joined: string;
  ends: Uint32Array;
}

type WireColumn = Exclude<CatalogColumn, { kind: 'text' }> | PackedText;

export type CatalogWireReply = { ok: true; table: Omit<CatalogTable, 'columns'> & { columns: WireColumn[] }; ms: number } | { ok: false; error: CatalogError };

export function packReply(reply: CatalogReply): CatalogWireReply {
  if (!reply.ok) return reply;
  const columns = reply.table.columns.map((c): WireColumn => {
    if (c.kind !== 'text') return c;
    const ends = new Uint32Array(c.dict.length);
    let at = 0;
    for (let i = 0; i < c.dict.length; i++) ends[i] = at += c.dict[i].length;
    return { name: c.name, kind: 'packed-text', codes: c.codes, joined: c.dict.join(''), ends };
  });
  return { ...reply, table: { ...reply.table, columns } };
}

export function unpackReply(wire: CatalogWireReply): CatalogReply {
  if (!wire.ok) return wire;
  const columns = wire.table.columns.map((c): CatalogColumn => {
    if (c.kind !== 'packed-text') return c;
    const dict = new Array<string>(c.ends.length);
    for (let i = 0, start = 0; i < c.ends.length; i++) {
      dict[i] = c.joined.substring(start, c.ends[i]);
      start = c.ends[i];
    }
    return { name: c.name, kind: 'text', codes: c.codes, dict };
  });
  return { ...wire, table: { ...wire.table, columns } };
}

/** The typed arrays of a reply, to transfer rather than copy. */
export function wireBuffers(wire: CatalogWireReply): ArrayBuffer[] {
  if (!wire.ok) return [];
  return wire.table.columns.flatMap((c) => (c.kind === 'number' ? [c.data.buffer] : [c.codes.buffer, c.ends.buffer])) as ArrayBuffer[];
}
