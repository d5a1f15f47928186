/** Detail requests go to the worker that analysed the file and are matched back by id; a dead worker fails its own. */
import { describe, expect, it } from 'vitest';
import { createPoolDetails } from '../../src/worker/poolDetails.ts';
import type { WorkerRequest } from '../../src/worker/protocol.ts';
import { fixtureBlob, nodeEngine } from './nodeEngine.ts';

function slot(name: string) {
  const sent: WorkerRequest[] = [];
  return { name, sent, detailsPending: 0, worker: { postMessage: (m: WorkerRequest) => sent.push(m) } };
}

describe('pool details', () => {
  it("routes to the file's worker, answers with that worker's real detail, and fails a dead worker's requests", async () => {
    const d = createPoolDetails<ReturnType<typeof slot>>();
    const [a, b] = [slot('a'), slot('b')];
    const plate = fixtureBlob('formats/sdss_spPlate.fits');
    d.analysedOn(9, b);
    // b analysed file 9: it gets the request although a is listed first (less busy).
    const answer = d.request([a, b], 9, plate, 'plate.fits', 1, ['encoder']);
    expect(a.sent).toEqual([]);
    expect(b.sent[0]).toMatchObject({ type: 'detail', fileId: 9, index: 1, families: ['encoder'] });
    expect(b.detailsPending).toBe(1);
    const engine = await nodeEngine();
    const detail = await engine.detail({ fileId: 9, file: plate, fileName: 'plate.fits', index: 1 });
    if (!detail.ok) throw new Error(detail.error.message);
    d.answer(b, { type: 'detail', requestId: (b.sent[0] as { requestId: number }).requestId, detail: detail.value });
    const r = await answer;
    expect(r.ok && r.value.result.cls).toBe('GALAXY');
    expect(b.detailsPending).toBe(0);

    // Once b is gone, a file it analysed goes to the least busy live worker; a's death fails it.
    const orphan = d.request([a], 9, plate, 'plate.fits', 0, ['encoder']);
    expect(a.sent).toHaveLength(1);
    d.failHeldBy(a, 'the analysis worker stopped');
    expect(await orphan).toEqual({ ok: false, error: { code: 'internal', message: 'the analysis worker stopped' } });
  });
});
