/**
 * Table rows made by the real engine from committed fixtures: a dozen SDSS
 * spectra (stars, galaxies, quasars) and one file no adapter reads.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerResponse } from '../../src/worker/protocol.ts';
import { rowFromFailure, rowFromResult } from '../../src/state/rows.ts';
import type { ResultRow } from '../../src/state/types.ts';
import { FIXTURES, fixtureBlob, nodeEngine } from '../worker/nodeEngine.ts';

/** The first `n` SDSS fixtures by name. */
export function sdssFiles(n: number): string[] {
  return readdirSync(join(FIXTURES, 'sdss'))
    .filter((f) => f.endsWith('.fits'))
    .sort()
    .slice(0, n);
}

let cached: Promise<ResultRow[]> | undefined;

/** Rows of 12 SDSS files plus a failed file ('odd.fits'), in that order. */
export function realRows(): Promise<ResultRow[]> {
  cached ??= (async () => {
    const engine = await nodeEngine();
    const rows: ResultRow[] = [];
    const take = (m: WorkerResponse) => {
      if (m.type !== 'results') return;
      rows.push(...m.rows.map((r) => rowFromResult(m.fileId, r)), ...m.failures.map((f) => rowFromFailure(f, 'encoder')));
    };
    let fileId = 1;
    for (const f of sdssFiles(12)) {
      await engine.analyzeFile({ jobId: 1, fileId: fileId++, file: fixtureBlob(`sdss/${f}`), fileName: f }, take, () => false);
    }
    await engine.analyzeFile({ jobId: 1, fileId: fileId++, file: fixtureBlob('formats/unknown_layout.fits'), fileName: 'odd.fits' }, take, () => false);
    return rows;
  })();
  return cached;
}
