import { readFileSync } from 'node:fs';
import { readParquetCatalog } from '/work/wt-catalog/src/core/catalog/readParquetCatalog.ts';
const b = readFileSync('/tmp/cat100k.parquet');
const buf = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
for (let i = 0; i < 2; i++) { const c0 = process.cpuUsage().user; await readParquetCatalog(buf); console.log('cpu ms', (process.cpuUsage().user - c0) / 1000); }
