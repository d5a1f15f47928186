/**
 * The map worker: batch-level work kept off the analysis workers and the page — the outlier score of
 * every spectrum within its class, and the map's UMAP embedding with progress. One request at a time.
 */
import { batchOutlierScores, outlierFlags } from '../core/anomaly/batchOutliers.ts';
import { embed } from '../core/anomaly/embed.ts';
import type { MapRequest, MapResponse } from './mapProtocol.ts';

const post = (m: MapResponse, transfer: Transferable[] = []) => (self as unknown as { postMessage(m: MapResponse, t: Transferable[]): void }).postMessage(m, transfer);

self.onmessage = (ev: MessageEvent<MapRequest>) => {
  const req = ev.data;
  try {
    if (req.type === 'outliers') {
      const scores = batchOutlierScores(req.rows);
      post({ type: 'outliers', id: req.id, scores, flagged: outlierFlags(req.rows, scores) });
    } else {
      const xy = embed(req.codes, req.n, req.d, (done, total) => post({ type: 'progress', id: req.id, done, total }));
      post({ type: 'embedding', id: req.id, xy }, [xy.buffer]);
    }
  } catch (e) {
    post({ type: 'error', id: req.id, message: (e as Error).message });
  }
};
