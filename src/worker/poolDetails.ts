/**
 * Detail requests of the worker pool: each goes to the worker that analysed
 * its spectrum (that worker kept the numbers: analysisCache.ts; a split file's
 * ranges went to several workers), or to the least
 * busy one when that worker is gone; its answer is matched back by request id,
 * and a worker's death fails the requests it held.
 */
import type { FrameOverride } from '../core/types.ts';
import { fail, ok, type ModelFamily, type Result } from '../core/types.ts';
import type { SpectrumDetail, SpectrumRange, WorkerRequest, WorkerResponse } from './protocol.ts';

/** The part of a pool slot this needs. */
export interface DetailSlot {
  worker: { postMessage(message: WorkerRequest): void };
  detailsPending: number;
}

export interface PoolDetails<S extends DetailSlot> {
  /** The file (its spectra in `range`, or all of them) was sent to `slot` for analysis. */
  analysedOn(fileId: number, slot: S, range?: SpectrumRange): void;
  /** Ask the owner of the file among `live` (or the first of `live`, ordered least busy first). */
  request(
    live: readonly S[],
    fileId: number,
    file: Blob,
    fileName: string,
    index: number,
    families: readonly ModelFamily[],
    override?: FrameOverride,
  ): Promise<Result<SpectrumDetail>>;
  /** A 'detail' or 'detail-error' reply. */
  answer(slot: S, m: Extract<WorkerResponse, { type: 'detail' | 'detail-error' }>): void;
  /** Fail the requests held by `slot` (every slot when undefined). */
  failHeldBy(slot: S | undefined, message: string): void;
}

export function createPoolDetails<S extends DetailSlot>(): PoolDetails<S> {
  const pending = new Map<number, { slot: S; resolve: (r: Result<SpectrumDetail>) => void }>();
  /** Per file, where its spectra went (later sends win: a retry or a re-analysis). */
  const owners = new Map<number, Array<{ slot: S; range?: SpectrumRange }>>();
  let nextRequest = 1;
  return {
    analysedOn(fileId, slot, range) {
      // A new whole-file send (re-analysis) replaces the file's history; ranges add to it.
      const list = range === undefined || range.start === 0 ? [] : (owners.get(fileId) ?? []);
      list.push({ slot, ...(range && { range }) });
      owners.set(fileId, list);
    },
    request(live, fileId, file, fileName, index, families, override) {
      const o = owners
        .get(fileId)
        ?.findLast((x) => x.range === undefined || (index >= x.range.start && index < x.range.end))?.slot;
      const slot = o && live.includes(o) ? o : live[0];
      const requestId = nextRequest++;
      slot.detailsPending++;
      return new Promise((resolve) => {
        pending.set(requestId, { slot, resolve });
        slot.worker.postMessage({ type: 'detail', requestId, fileId, file, fileName, index, families: [...families], ...(override && { override }) });
      });
    },
    answer(slot, m) {
      const d = pending.get(m.requestId);
      if (!d) return;
      pending.delete(m.requestId);
      slot.detailsPending--;
      d.resolve(m.type === 'detail' ? ok(m.detail) : fail(m.error));
    },
    failHeldBy(slot, message) {
      for (const [id, d] of pending) {
        if (slot !== undefined && d.slot !== slot) continue;
        pending.delete(id);
        d.resolve(fail({ code: 'internal', message }));
      }
    },
  };
}
