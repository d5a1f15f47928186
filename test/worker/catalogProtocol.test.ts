import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/core/catalog/readCatalog.ts';
import { packReply, unpackReply, wireBuffers } from '../../src/worker/catalogProtocol.ts';
import { fixtureFile } from '../core/catalog/fixtureFiles.ts';

describe('a catalog crossing from the worker to the page', () => {
  it('arrives with every column and cell as read (text dictionaries packed into one string each)', async () => {
    const read = await readCatalog(fixtureFile('sdss.parquet'));
    if (!read.ok) throw new Error(read.error.message);
    const table = read.value;
    const reply = { ok: true as const, table, ms: 1 };
    const wire = packReply(reply);
    expect(wire.ok && wire.table.columns.some((c) => c.kind === 'packed-text')).toBe(true);
    const copied = structuredClone(wire);
    const back = unpackReply(copied);
    expect(back).toEqual(reply);
    // Every typed array is handed over, none copied.
    expect(wireBuffers(wire)).toHaveLength(table.columns.length + table.columns.filter((c) => c.kind === 'text').length);
  });
  it('an error passes as it is', () => {
    const reply = { ok: false as const, error: { file: 'cut.parquet', message: 'cut.parquet: not a readable catalog: x' } };
    expect(unpackReply(packReply(reply))).toEqual(reply);
  });
});
