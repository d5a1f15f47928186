// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toCsv } from '../../../src/core/export/csvWrite.ts';
import { toJson } from '../../../src/core/export/jsonWrite.ts';
import { buildExportRecords } from '../../../src/core/export/records.ts';
import { DecisionsContext } from '../../../src/state/decisionsContext.ts';
import type { DecisionsStore } from '../../../src/state/decisionsStore.ts';
import { ExportMenu } from '../../../src/ui/decisions/ExportMenu.tsx';
import { DECISION_MAP, DECISIONS, ROWS } from '../../core/export/sampleRows.ts';
import { freshIndexedDb, newStore } from '../../state/decisionsFixtures.ts';
import { fixture, OPEN } from '../../core/interop/openRows.ts';
import { keyOf } from '../../../src/core/export/spectrumKey.ts';

let store: DecisionsStore;
let created: Blob[];
let names: string[];

beforeEach(() => {
  freshIndexedDb();
  store = newStore();
  created = [];
  names = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (created.push(b as Blob), 'blob:test'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const renderMenu = () =>
  render(
    <DecisionsContext.Provider value={store}>
      <ExportMenu rows={ROWS} />
    </DecisionsContext.Provider>,
  );

const importText = async (name: string, text: string) => {
  fireEvent.change(screen.getByTestId('import-input'), { target: { files: [new File([text], name)] } });
  await waitFor(() => screen.getByTestId('import-report'));
  await waitFor(() => expect(store.getState().pendingWrites).toBe(0));
};

describe('ExportMenu downloads', () => {
  it('downloads CSV, JSON and FITS with the decisions merged in', async () => {
    await store.getState().importDecisions(DECISIONS);
    renderMenu();
    fireEvent.click(screen.getByTestId('export-csv'));
    fireEvent.click(screen.getByTestId('export-json'));
    fireEvent.click(screen.getByTestId('export-fits'));
    expect(names.map((n) => n.replace(/\d{8}-\d{6}/, 'T'))).toEqual([
      'gasnet-results-T.csv',
      'gasnet-results-T.json',
      'gasnet-results-T.fits',
    ]);
    const csv = await created[0].text();
    expect(csv.replace(/^\uFEFF/, '')).toBe(toCsv(buildExportRecords(ROWS, DECISION_MAP)));
    const json = JSON.parse(await created[1].text());
    expect(json.rows).toEqual(JSON.parse(toJson(buildExportRecords(ROWS, DECISION_MAP), new Date(0))).rows);
    const fits = new Uint8Array(await created[2].arrayBuffer());
    expect(String.fromCharCode(...fits.subarray(0, 30))).toBe('SIMPLE  =                    T');
  });
});

describe('ExportMenu import', () => {
  it('restores decisions from a JSON export and says how many', async () => {
    renderMenu();
    await importText('old.json', toJson(buildExportRecords(ROWS, DECISION_MAP), new Date()));
    expect(screen.getByTestId('import-report').textContent).toBe('Restored 4 decisions from old.json.');
    expect(store.getState().decisions).toEqual(DECISION_MAP);
  });

  it('keeps newer local decisions on conflict and reports them', async () => {
    const newerLocal = { ...DECISIONS[0], qop: 2 as const, updatedAt: DECISIONS[0].updatedAt + 1 };
    await store.getState().importDecisions([newerLocal]);
    renderMenu();
    await importText('old.csv', toCsv(buildExportRecords(ROWS, DECISION_MAP)));
    expect(screen.getByTestId('import-report').textContent).toBe(
      'Restored 3 decisions from old.csv; 1 kept as they were (yours were newer).',
    );
    expect(store.getState().decisions[DECISIONS[0].key].qop).toBe(2);
    expect(store.getState().decisions[DECISIONS[2].key]).toEqual(DECISIONS[2]);
  });

  it('says "already there", not "yours were newer", for the CSV of decisions imported from their JSON', async () => {
    renderMenu();
    const records = buildExportRecords(ROWS, DECISION_MAP);
    await importText('old.json', toJson(records, new Date()));
    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [new File([toCsv(records)], 'old.csv')] } });
    await waitFor(() => expect(screen.getByTestId('import-report').textContent).toMatch(/old\.csv/));
    expect(screen.getByTestId('import-report').textContent).toBe('Restored 0 decisions from old.csv; 4 already there.');
    expect(store.getState().decisions).toEqual(DECISION_MAP);
  });

  it('explains a file that is not an export', async () => {
    renderMenu();
    await importText('notes.txt', 'ra,dec\n1,2\n');
    expect(screen.getByTestId('import-report').textContent).toMatch(/^notes\.txt: This CSV has no file, index, id columns/);
    expect(store.getState().decisions).toEqual({});
  });
});

describe('ExportMenu import of other tools\' files (issue 9)', () => {
  it('reads several files at once: a malformed one says which and why, the others are restored, held decisions stay', async () => {
    const held = { key: keyOf(OPEN[2]), fileName: OPEN[2].fileName, index: 0, spectrumId: OPEN[2].spectrumId, qop: 4 as const, comment: 'mine', updatedAt: Date.parse('2026-12-01T00:00:00Z') };
    await store.getState().importDecisions([held]);
    render(
      <DecisionsContext.Provider value={store}>
        <ExportMenu rows={OPEN} />
      </DecisionsContext.Provider>,
    );
    const file = (f: { name: string; text: string }) => new File([f.text], f.name);
    const files = [
      file({ name: 'broken_XY.mz', text: '# Results generated by XY for file [[spec-0375-52140-0356]]\n#ID,  Name,  Comment\n 0001,  x,  y\n' }),
      file(fixture('spec-0564-52224-0581_CD.mz')),
      file(fixture('spec-3188-54831-0169_CD.mz')),
      // A VI file says not when it was written: its modification time dates its decisions (later than the Marz files').
      new File([fixture('desi-vi_sdss-three_AB.csv').text], 'desi-vi_sdss-three_AB.csv', { lastModified: Date.parse('2026-11-30T11:00:00Z') }),
    ];
    fireEvent.change(screen.getByTestId('import-input'), { target: { files } });
    await waitFor(() => expect(screen.getByTestId('import-report').textContent).toMatch(/desi-vi_sdss-three_AB\.csv/));
    await waitFor(() => expect(store.getState().pendingWrites).toBe(0));
    const text = screen.getByTestId('import-report').textContent!;
    expect(text).toMatch(/^broken_XY\.mz: Its column line \('#ID, {2}Name, {2}Comment'\) lacks QOP, FinZ: not a Marz result file\. /);
    expect(text).toMatch(/Restored 1 decision from spec-0564-52224-0581_CD\.mz\./);
    // The Marz file is dated 2026-11-30, the held decision 2026-12-01: the held one stays.
    expect(text).toMatch(/Restored 0 decisions from spec-3188-54831-0169_CD\.mz; 1 kept as they were \(yours were newer\)\./);
    const d = store.getState().decisions;
    expect(d[held.key]).toEqual(held);
    expect(text).toMatch(/Restored 2 decisions from desi-vi_sdss-three_AB\.csv; 1 kept as they were \(yours were newer\)\.$/);
    expect(d[keyOf(OPEN[1])]).toMatchObject({ qop: 3, comment: 'Broad MgII; Hbeta on the red edge', updatedAt: Date.parse('2026-11-30T11:00:00Z') });
    expect(d[keyOf(OPEN[0])]).toMatchObject({ qop: 4, z: 0.0451 });
  });
});

describe('ExportMenu storage-failure banner', () => {
  it('appears when a decision cannot be stored and exports the table with every decision', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    renderMenu();
    expect(screen.queryByTestId('persist-error')).toBeNull();
    const d = DECISIONS[0];
    await store.getState().setDecision(d.key, { qop: 3 }, d);
    await waitFor(() => screen.getByTestId('persist-error'));
    expect(screen.getByRole('alert').textContent).toMatch(/storage for this site is full/);
    fireEvent.click(screen.getByTestId('persist-error-export'));
    const doc = JSON.parse(await created[0].text());
    expect(doc.rows).toHaveLength(ROWS.length);
    expect(doc.rows[0].decision).toMatchObject({ qop: 3 });
    expect(names[0]).toMatch(/\.json$/);
  });
});
