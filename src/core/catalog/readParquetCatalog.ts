/**
 * A Parquet catalog: flat number and text columns through the fast path
 * (parquetFlatColumns.ts), any other column through hyparquet (pure
 * JavaScript, reads what pyarrow, DuckDB and hyparquet-writer write), its
 * column chunks copied straight into the catalog's typed arrays as they are
 * decoded, never assembled into row objects.
 */
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { kindByName } from './catalogSchema.ts';
import { toNumber, TextColumnBuilder } from './columnBuild.ts';
import { flatColumnPlan, NotFlat, readFlatColumn } from './parquetFlatColumns.ts';
import type { CatalogColumn } from './types.ts';

/** "PAR1" at both ends of the file. */
export function isParquet(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

type Sink = { set(rowStart: number, values: ArrayLike<unknown>): void; done(): CatalogColumn };

function numberSink(name: string, nRows: number): Sink {
  const data = new Float64Array(nRows).fill(Number.NaN);
  return {
    set(rowStart, values) {
      const n = Math.min(values.length, nRows - rowStart);
      if (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array) {
        data.set(values.subarray(0, n), rowStart);
        return;
      }
      for (let i = 0; i < n; i++) {
        const v = values[i];
        data[rowStart + i] = typeof v === 'number' ? v : toNumber(v);
      }
    },
    done: () => ({ name, kind: 'number', data }),
  };
}

function textSink(name: string, nRows: number): Sink {
  const b = new TextColumnBuilder(name, nRows);
  return {
    set(rowStart, values) {
      const n = Math.min(values.length, nRows - rowStart);
      for (let i = 0; i < n; i++) b.set(rowStart + i, values[i]);
    },
    done: () => b.done(),
  };
}

const NUMERIC_TYPES = new Set(['BOOLEAN', 'INT32', 'INT64', 'INT96', 'FLOAT', 'DOUBLE']);

/** Read every top-level primitive column; nested columns are skipped with a note in `issues`. */
export async function readParquetCatalog(bytes: ArrayBuffer): Promise<{ nRows: number; columns: CatalogColumn[]; issues: string[] }> {
  const metadata = parquetMetadata(bytes);
  const nRows = Number(metadata.num_rows);
  const issues: string[] = [];
  const sinks = new Map<string, Sink>();
  const fast = new Map<string, CatalogColumn>();
  const order: string[] = [];
  const file = new Uint8Array(bytes);
  const leaves = metadata.row_groups[0]?.columns.map((c) => c.meta_data?.path_in_schema.join('.')) ?? [];
  for (const child of parquetSchema(metadata).children) {
    const el = child.element;
    if (child.children.length > 0 || el.type === undefined) {
      issues.push(`column "${el.name}" is nested (list or struct) and is not shown`);
      continue;
    }
    const conv = el.converted_type;
    const numeric = NUMERIC_TYPES.has(el.type) && (conv === undefined || conv.startsWith('INT') || conv.startsWith('UINT') || conv === 'DECIMAL');
    const kind = kindByName(el.name) ?? (numeric ? 'number' : 'text');
    order.push(el.name);
    const leaf = leaves.indexOf(el.name);
    const plan = leaf >= 0 ? flatColumnPlan(el, kind, metadata.row_groups.map((g) => g.columns[leaf])) : undefined;
    if (plan) {
      try {
        fast.set(el.name, readFlatColumn(file, metadata, leaf, el, plan, nRows));
        continue;
      } catch (e) {
        if (!(e instanceof NotFlat)) throw e;
      }
    }
    sinks.set(el.name, kind === 'number' ? numberSink(el.name, nRows) : textSink(el.name, nRows));
  }
  if (sinks.size > 0) {
    await parquetRead({
      file: bytes,
      metadata,
      columns: [...sinks.keys()],
      onChunk: ({ columnName, columnData, rowStart }) => sinks.get(columnName)?.set(rowStart, columnData),
    });
  }
  return { nRows, columns: order.map((n) => fast.get(n) ?? sinks.get(n)!.done()), issues };
}
