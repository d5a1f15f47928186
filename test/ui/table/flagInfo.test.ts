/**
 * Issue 11 in the table: the second-redshift fixture (a real SDSS galaxy with a background galaxy's
 * lines at z₂ = 0.7, tools/makeSecondZFixture.ts) analysed by the real engine becomes a row whose
 * flags cell names 'second-redshift' with its meaning, and which the flag filter and 'flagged only' find.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rowFromResult } from '../../../src/state/rows.ts';
import { visibleRows } from '../../../src/state/selectors.ts';
import type { ResultRow } from '../../../src/state/types.ts';
import { NO_FILTER } from '../../../src/state/viewSlice.ts';
import { COLUMNS } from '../../../src/ui/table/columns.ts';
import { ANOMALY_FLAGS, FLAG_INFO, flagsTitle } from '../../../src/ui/table/flagInfo.ts';
import type { WorkerResponse } from '../../../src/worker/protocol.ts';
import { realRows } from '../../state/realRows.ts';
import { fixtureBlob, nodeEngine } from '../../worker/nodeEngine.ts';

const FILE = 'spec-0375-52140-0356-z2-0.7.fits';
const column = (key: string) => COLUMNS.find((c) => c.key === key)!;

let injected: ResultRow;
let plain: ResultRow[];
beforeAll(async () => {
  const engine = await nodeEngine();
  const got: ResultRow[] = [];
  const take = (m: WorkerResponse) => {
    if (m.type === 'results') got.push(...m.rows.map((r) => rowFromResult(m.fileId, r)));
  };
  await engine.analyzeFile({ jobId: 1, fileId: 99, file: fixtureBlob(`second-z/${FILE}`), fileName: FILE }, take, () => false);
  injected = got[0];
  plain = await realRows();
});

describe('flags in the table', () => {
  it('describes every flag, the two of issue 11 included', () => {
    expect(ANOMALY_FLAGS).toEqual(expect.arrayContaining(['small-deltachi2', 'second-redshift', 'close-classes']));
    expect(flagsTitle(['second-redshift', 'from-an-old-session'])).toBe(`second-redshift: ${FLAG_INFO['second-redshift']}\nfrom-an-old-session`);
    expect(flagsTitle([])).toBe('');
  });

  it("the injected spectrum's row carries 'second-redshift' in its flags cell, explained in the title", () => {
    expect(injected.row.cls).toBe('GALAXY');
    expect(injected.row.secondRedshift?.z2).toBeCloseTo(0.7, 2);
    expect(column('flags').text(injected, undefined)).toMatch(/\bsecond-redshift\b/);
    expect(column('flags').cellTitle!(injected, undefined)).toContain(`second-redshift: ${FLAG_INFO['second-redshift']}`);
  });

  it("the flag filter keeps exactly the rows with that flag; 'flagged only' finds the injected one", () => {
    const all = [...plain, injected];
    const second = visibleRows(all, undefined, { ...NO_FILTER, flag: 'second-redshift' }, {});
    expect(second).toContain(injected);
    expect(second).toEqual(all.filter((r) => r.row.flags.includes('second-redshift')));
    const flagged = visibleRows(all, undefined, { ...NO_FILTER, flaggedOnly: true }, {});
    expect(flagged).toContain(injected);
    // A flag no row has leaves none; no flag chosen leaves all.
    expect(visibleRows(plain, undefined, { ...NO_FILTER, flag: 'few-pixels' }, {})).toEqual(plain.filter((r) => r.row.flags.includes('few-pixels')));
    expect(visibleRows(all, undefined, NO_FILTER, {})).toHaveLength(all.length);
  });
});
