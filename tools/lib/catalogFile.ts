/**
 * Catalog files: rows of CATALOG_COLUMNS (src/core/export/catalogColumns.ts) as Parquet
 * (hyparquet-writer; text → UTF-8 string, float → double, int → int32, missing → null) or as the
 * project's FITS binary table (src/core/export/fitsTableWrite.ts); and rows read back from
 * Parquet. Files are written atomically: a temporary name in the same directory, synced, then
 * renamed, so a reader (or a rerun after kill -9) sees a whole file or none.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ParquetWriter } from 'hyparquet-writer';
import { CATALOG_COLUMNS, type CatalogRecord } from '../../src/core/export/catalogColumns.ts';
import type { ColumnKind } from '../../src/core/export/columns.ts';
import { fitsTableBytes, type TableColumn } from '../../src/core/export/fitsTableWrite.ts';
import { card } from '../../src/core/export/fitsCard.ts';

/** A catalog row as read back: column name → value (null when missing). */
export type CatalogRow = Record<string, string | number | null>;

const PARQUET_TYPE: Record<ColumnKind, 'STRING' | 'DOUBLE' | 'INT32'> = { text: 'STRING', float: 'DOUBLE', int: 'INT32' };

/** Bytes to `path`, or nothing there if the process dies on the way. */
export function writeAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.tmp-${basename(path)}.${process.pid}`);
  const fd = openSync(tmp, 'w');
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dir = openSync(dirname(path), 'r'); // the rename itself survives a power cut only once the directory is synced
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    // some file systems refuse to sync a directory; the rename is still atomic
  }
}

const kv = (meta: Record<string, string>) => Object.entries(meta).map(([key, value]) => ({ key, value }));

/**
 * The Parquet libraries, imported when a command first needs them: importing hyparquet and
 * hyparquet-writer took ~90 ms here, a fifth of `gasnet analyze`'s start-up, and a run that only
 * prints its answers uses neither.
 */
let writerLib: typeof import('hyparquet-writer') | undefined;
/** Load the Parquet writer; call (and await) before catalogParquet or parquetStream. */
export async function loadParquetWriter(): Promise<void> {
  writerLib ??= await import('hyparquet-writer');
}
function parquetWriterLib(): typeof import('hyparquet-writer') {
  if (!writerLib) throw new Error('the Parquet writer is not loaded: await loadParquetWriter() first');
  return writerLib;
}

/** Parquet bytes of catalog records; `meta` goes into the file's key-value metadata. */
export function catalogParquet(records: readonly CatalogRecord[], meta: Record<string, string>): Uint8Array {
  const columnData = CATALOG_COLUMNS.map((c) => ({
    name: c.name,
    type: PARQUET_TYPE[c.kind],
    nullable: true,
    data: records.map((r) => c.value(r) ?? null),
  }));
  return new Uint8Array(parquetWriterLib().parquetWriteBuffer({ columnData, kvMetadata: kv(meta), createdBy: 'gasnet-explorer' }));
}

/** The kind of each column of a Parquet file (the catalog's own kinds, or from the Parquet type). */
export async function parquetColumns(path: string): Promise<{ name: string; kind: ColumnKind }[]> {
  const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
  const meta = await parquetMetadataAsync(await asyncBufferFromFile(path));
  return meta.schema.slice(1).map((e) => ({
    name: e.name,
    kind: e.type === 'BYTE_ARRAY' ? 'text' : e.type === 'INT32' || e.type === 'INT64' ? 'int' : 'float',
  }));
}

export async function readParquetRows(path: string): Promise<CatalogRow[]> {
  const { asyncBufferFromFile, parquetReadObjects } = await import('hyparquet');
  return (await parquetReadObjects({ file: await asyncBufferFromFile(path) })) as CatalogRow[];
}

/** Parquet schema elements as the writer types them (it carries its own copy of hyparquet's types). */
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

type Kinds = readonly { name: string; kind: ColumnKind }[];

/** A Parquet file written row group by row group, renamed into place by `finish`. */
export function parquetStream(path: string, columns: Kinds, meta: Record<string, string>) {
  const { ByteWriter, ParquetWriter } = parquetWriterLib();
  const writer = new ByteWriter();
  const schema: SchemaElement[] = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c): SchemaElement => (c.kind === 'text' ? { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' } : { name: c.name, type: c.kind === 'int' ? 'INT32' : 'DOUBLE', repetition_type: 'OPTIONAL' })),
  ];
  const pw = new ParquetWriter({ writer, schema, kvMetadata: kv(meta), createdBy: 'gasnet-explorer' });
  return {
    write(rows: readonly CatalogRow[]) {
      if (rows.length === 0) return;
      void pw.write({ columnData: columns.map((c) => ({ name: c.name, data: rows.map((r) => r[c.name] ?? null) })), rowGroupSize: rows.length });
    },
    finish() {
      pw.finish();
      writeAtomic(path, new Uint8Array(writer.getBuffer()));
    },
  };
}

/** A FITS binary table 'GASNET_RESULTS' of rows read back, with the catalog's units. */
export function catalogFits(rows: readonly CatalogRow[], columns: Kinds, meta: Record<string, string>, at: Date): Uint8Array {
  const units = new Map(CATALOG_COLUMNS.map((c) => [c.name, c.unit]));
  const cols: TableColumn<CatalogRow>[] = columns.map((c) => ({
    name: c.name,
    kind: c.kind,
    unit: units.get(c.name),
    value: (r) => {
      const v = r[c.name];
      return v === null || v === undefined ? undefined : typeof v === 'bigint' ? Number(v) : v;
    },
  }));
  const extra = Object.entries(meta).map(([k, v]) => card(k, v.length > 68 ? v.slice(0, 68) : v));
  return fitsTableBytes(cols, rows, at, extra);
}
