import { beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/core/export/types.ts';
import { etaSeconds, moveSelection, msPerSpectrum, rowClass, visibleRows } from '../../src/state/selectors.ts';
import { IDLE_PROGRESS } from '../../src/state/progressSlice.ts';
import type { ResultRow } from '../../src/state/types.ts';
import { NO_FILTER } from '../../src/state/viewSlice.ts';
import { realRows } from './realRows.ts';

let rows: ResultRow[];
beforeAll(async () => {
  rows = await realRows();
});

const decide = (r: ResultRow, d: Partial<Decision>): Decision => ({
  key: r.key,
  fileName: r.row.fileName,
  index: r.row.index,
  spectrumId: r.row.spectrumId,
  updatedAt: 1,
  ...d,
});

describe('visibleRows', () => {
  it('has real rows of every class and one failed file to work on', () => {
    const classes = new Set(rows.map(rowClass));
    expect(classes).toEqual(new Set(['STAR', 'GALAXY', 'QSO', 'error']));
    expect(rows).toHaveLength(13);
  });

  it('sorts by z both ways, failed rows (no z) last both times, stable', () => {
    const up = visibleRows(rows, { key: 'z', dir: 'asc' }, NO_FILTER, {});
    const down = visibleRows(rows, { key: 'z', dir: 'desc' }, NO_FILTER, {});
    const zUp = up.filter((r) => r.row.z !== undefined).map((r) => r.row.z!);
    expect(zUp).toEqual([...zUp].sort((a, b) => a - b));
    expect(down.filter((r) => r.row.z !== undefined).map((r) => r.row.z!)).toEqual([...zUp].reverse());
    expect(rowClass(up.at(-1)!)).toBe('error');
    expect(rowClass(down.at(-1)!)).toBe('error');
  });

  it("sorts R with 'unique' above every number, and by χ², file, class", () => {
    const byR = visibleRows(rows, { key: 'robustness', dir: 'asc' }, NO_FILTER, {}).filter((r) => rowClass(r) !== 'error');
    const firstUnique = byR.findIndex((r) => r.row.robustness === undefined);
    if (firstUnique >= 0) expect(byR.slice(firstUnique).every((r) => r.row.robustness === undefined)).toBe(true);
    const chi = visibleRows(rows, { key: 'chi2', dir: 'desc' }, NO_FILTER, {}).map((r) => r.chi2Best).filter(Number.isFinite);
    expect(chi).toEqual([...chi].sort((a, b) => b - a));
    const files = visibleRows(rows, { key: 'file', dir: 'asc' }, NO_FILTER, {}).map((r) => r.row.fileName);
    expect(files).toEqual([...files].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
  });

  it('filters by class (error included), z range, χ², R and flags', () => {
    const qso = visibleRows(rows, undefined, { ...NO_FILTER, classes: ['QSO'] }, {});
    expect(qso.length).toBeGreaterThan(0);
    expect(qso.every((r) => r.row.cls === 'QSO')).toBe(true);
    expect(visibleRows(rows, undefined, { ...NO_FILTER, classes: ['error'] }, {}).map((r) => r.row.fileName)).toEqual(['odd.fits']);
    const mid = visibleRows(rows, undefined, { ...NO_FILTER, zMin: 0.01, zMax: 1 }, {});
    expect(mid.every((r) => r.row.z! >= 0.01 && r.row.z! <= 1)).toBe(true);
    expect(mid.length).toBe(rows.filter((r) => r.row.z !== undefined && r.row.z >= 0.01 && r.row.z <= 1).length);
    const highChi = visibleRows(rows, undefined, { ...NO_FILTER, chi2Min: 1.2 }, {});
    expect(highChi.every((r) => r.chi2Best >= 1.2)).toBe(true);
    const lowR = visibleRows(rows, undefined, { ...NO_FILTER, robustnessMax: 0.5 }, {});
    expect(lowR.every((r) => r.row.robustness !== undefined && r.row.robustness < 0.5)).toBe(true);
    const flagged = visibleRows(rows, undefined, { ...NO_FILTER, flaggedOnly: true }, {});
    expect(flagged.every((r) => r.row.flags.length > 0)).toBe(true);
    expect(flagged.length).toBe(rows.filter((r) => r.row.flags.length > 0).length);
  });

  it('filters and sorts by the user QOP from the decisions store', () => {
    const [a, b, c] = rows;
    const decisions = { [a.key]: decide(a, { qop: 3 }), [b.key]: decide(b, { qop: 4 }), [c.key]: decide(c, { comment: 'odd line' }) };
    expect(visibleRows(rows, undefined, { ...NO_FILTER, qop: 3 }, decisions)).toEqual([a]);
    expect(visibleRows(rows, undefined, { ...NO_FILTER, qop: 'none' }, decisions)).toHaveLength(rows.length - 2);
    const byQop = visibleRows(rows, { key: 'qop', dir: 'desc' }, NO_FILTER, decisions);
    expect(byQop.slice(0, 2)).toEqual([b, a]);
    expect(visibleRows(rows, { key: 'comment', dir: 'asc' }, NO_FILTER, decisions)[0]).toBe(c);
  });
});

describe('moveSelection', () => {
  it('moves within the visible rows, clamped, and starts at an end when nothing is selected', () => {
    expect(moveSelection(rows, undefined, 1)).toBe(rows[0].key);
    expect(moveSelection(rows, undefined, -1)).toBe(rows.at(-1)!.key);
    expect(moveSelection(rows, rows[0].key, 1)).toBe(rows[1].key);
    expect(moveSelection(rows, rows[0].key, -1)).toBe(rows[0].key);
    expect(moveSelection(rows, rows.at(-1)!.key, 20)).toBe(rows.at(-1)!.key);
    expect(moveSelection(rows.slice(2), rows[0].key, 1)).toBe(rows[2].key);
    expect(moveSelection([], rows[0].key, 1)).toBeUndefined();
  });
});

describe('progress reads', () => {
  it('time per spectrum and ETA from counts', () => {
    expect(msPerSpectrum(IDLE_PROGRESS)).toBeUndefined();
    const p = { ...IDLE_PROGRESS, running: true, startedAt: 0, filesTotal: 4, filesOpened: 2, spectraKnown: 20, spectraDone: 10, workerMs: 50, workerSpectra: 10 };
    expect(msPerSpectrum(p)).toBe(5);
    // 10 done in 1 s; 20 known + 2 unopened files × 10 = 40 total → 30 left → 3 s.
    expect(etaSeconds(p, 1000)).toBeCloseTo(3, 10);
    expect(etaSeconds({ ...p, running: false }, 1000)).toBeUndefined();
  });
});

describe('sorting by σ_z', () => {
  it('orders by zErr both ways, rows without one (failed, or NaN) last', () => {
    const up = visibleRows(rows, { key: 'zErr', dir: 'asc' }, NO_FILTER, {});
    const down = visibleRows(rows, { key: 'zErr', dir: 'desc' }, NO_FILTER, {});
    const has = (r: ResultRow) => r.row.zErr !== undefined && Number.isFinite(r.row.zErr);
    const eUp = up.filter(has).map((r) => r.row.zErr!);
    expect(eUp.length).toBeGreaterThan(5);
    expect(eUp).toEqual([...eUp].sort((a, b) => a - b));
    expect(eUp[0]).toBeLessThan(eUp.at(-1)!);
    expect(down.filter(has).map((r) => r.row.zErr!)).toEqual([...eUp].reverse());
    expect(has(up.at(-1)!)).toBe(false);
    expect(has(down.at(-1)!)).toBe(false);
  });
});

describe('visibleRows: outlier score and map selection (issue 13)', () => {
  const scored = () => rows.map((r, i) => (rowClass(r) === 'error' ? r : { ...r, row: { ...r.row, outlier: 1 + i / 10 } }));

  it('filters by a minimum outlier score (rows without one drop out) and sorts by it, unscored last', () => {
    const rs = scored();
    const kept = visibleRows(rs, undefined, { ...NO_FILTER, outlierMin: 1.5 }, {});
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((r) => r.row.outlier! >= 1.5)).toBe(true);
    const down = visibleRows(rs, { key: 'outlier', dir: 'desc' }, NO_FILTER, {});
    const s = down.filter((r) => r.row.outlier !== undefined).map((r) => r.row.outlier!);
    expect(s).toEqual([...s].sort((a, b) => b - a));
    expect(down.at(-1)!.row.outlier).toBeUndefined();
  });

  it('shows only the rows of a map selection, in table order', () => {
    const pick = new Set([rows[5].key, rows[2].key]);
    expect(visibleRows(rows, undefined, { ...NO_FILTER, keys: pick }, {}).map((r) => r.key)).toEqual([rows[2].key, rows[5].key]);
  });
});
