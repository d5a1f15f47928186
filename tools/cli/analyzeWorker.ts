/** A worker thread of `analyze --jobs N`: loads the networks once, then analyses the blocks it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Analyzer } from '../../src/core/scan/pipeline.ts';
import { analyzeBlock, type Block } from './analyzeBlock.ts';
import { loadBlockAnalyzers, type WorkerSetup } from './blockRunner.ts';

const port = parentPort!;
const setup = workerData as WorkerSetup;
let analyzers: Analyzer[];
try {
  analyzers = await loadBlockAnalyzers(setup);
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: String((e as Error).message ?? e) });
  process.exit(1);
}
port.on('message', (block: Block) => {
  analyzeBlock(block, analyzers, { curves: setup.curves }).then(
    (results) => port.postMessage({ ok: true, results }),
    (e: Error) => port.postMessage({ ok: false, error: `${block.paths[0] ?? ''}…: ${e.message}` }),
  );
});
