/** After a model switch, the files of real rows that lack a family, grouped into one job per missing set. */
import { describe, expect, it } from 'vitest';
import { createFamilyLedger } from '../../src/state/familyLedger.ts';
import { missingJobs } from '../../src/state/missingJobs.ts';
import type { FileEntry } from '../../src/state/types.ts';
import { realRows } from './realRows.ts';

describe('missingJobs', () => {
  it('groups files by the families they lack; failed files, restored rows and files without a blob are skipped', async () => {
    const rows = await realRows();
    const ledger = createFamilyLedger();
    const ids = [...new Set(rows.filter((r) => !r.fileLevel).map((r) => r.fileId!))];
    const files: Record<number, FileEntry> = Object.fromEntries(rows.map((r) => [r.fileId!, { fileId: r.fileId!, name: r.row.fileName, status: 'done' }]));
    // The first half has both families already, the rest only the encoder; one file lost its blob.
    ledger.submitted(1, ids, ['encoder']);
    ledger.submitted(2, ids.slice(0, 6), ['unet']);
    for (const id of ids) ledger.fileDone(1, id, false);
    for (const id of ids.slice(0, 6)) ledger.fileDone(2, id, false);
    const blob = (id: number) => (id === ids[11] ? undefined : new File([], files[id].name));
    const jobs = missingJobs([...rows, { ...rows[0], fileId: undefined, key: 'restored' }], files, ledger, blob, ['encoder', 'unet']);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].families).toEqual(['unet']);
    expect(jobs[0].files.map((f) => f.fileId)).toEqual(ids.slice(6, 11));
    expect(jobs[0].files[0].fileName).toBe(files[ids[6]].name);
    expect(missingJobs(rows, files, ledger, blob, ['encoder'])).toEqual([]);
  });
});
