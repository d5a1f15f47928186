#!/usr/bin/env node
/**
 * Writes test/fixtures/catalog/sdss.parquet and sdss.csv from sdss-analyze.jsonl (the output of
 * `npm run --silent analyze -- --json test/fixtures/sdss`): the 85 SDSS fixtures as a catalog.
 * Run: node e2e/makeCatalogFixtures.mjs
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { catalogColumns, catalogCsv, readAnalyzeRecords } from './catalogRows.mjs';
import { ROOT } from './lib.mjs';

const dir = join(ROOT, 'test', 'fixtures', 'catalog');
const columns = catalogColumns(readAnalyzeRecords());
writeFileSync(join(dir, 'sdss.parquet'), new Uint8Array(parquetWriteBuffer({ columnData: columns })));
writeFileSync(join(dir, 'sdss.csv'), catalogCsv(columns));
console.log(`wrote ${columns[0].data.length} rows to ${dir}/sdss.parquet and sdss.csv`);
