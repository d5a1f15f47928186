import { describe, expect, it } from 'vitest';
import { catalogRoles } from '../../../src/core/catalog/catalogSchema.ts';
import { joinedCsv, joinedJson } from '../../../src/core/catalog/joinDecisions.ts';
import { readCatalog } from '../../../src/core/catalog/readCatalog.ts';
import { parseCsv } from '../../../src/core/export/csvParse.ts';
import { spectrumKey } from '../../../src/core/export/spectrumKey.ts';
import type { Decision } from '../../../src/core/export/types.ts';
import { fixtureFile } from './fixtureFiles.ts';

const decision = (file: string, id: string, patch: Partial<Decision>): Decision => ({
  key: spectrumKey(file, 0, id),
  fileName: file,
  index: 0,
  spectrumId: id,
  updatedAt: Date.UTC(2026, 10, 30, 12, 0, 0),
  ...patch,
});

describe('joining decisions to catalog rows', async () => {
  const read = await readCatalog(fixtureFile('sdss.csv'));
  if (!read.ok) throw new Error(read.error.message);
  const t = read.value;
  const roles = catalogRoles(t.columns)!;
  const rows = Uint32Array.from([5, 0, 1]);
  const decisions = {
    a: decision('spec-0375-52140-0356.fits', 'spec-0375-52140-0356', { qop: 3, comment: '=clean, "nice"' }),
    // Same file and index, another id: not this catalog row's spectrum.
    b: decision('spec-0504-52316-0040.fits', 'other-id', { qop: 1 }),
  };

  it('CSV: the catalog columns, then user_* columns filled where a decision matches', () => {
    const text = joinedCsv(t, roles, rows, decisions).join('');
    expect(text.startsWith('\uFEFFfile,index,id,')).toBe(true);
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, ...lines] = parsed.value;
    expect(header).toContain('ms');
    expect(header.slice(-6)).toEqual(['user_qop', 'user_z', 'user_class', 'user_comment', 'user_frame', 'user_updated_at']);
    expect(lines.length).toBe(3);
    const col = (name: string) => header.indexOf(name);
    expect(lines[1][col('file')]).toBe('spec-0375-52140-0356.fits');
    expect(lines[1][col('user_qop')]).toBe('3');
    expect(lines[1][col('user_comment')]).toBe(`'=clean, "nice"`); // defused as in the app's export
    expect(lines[1][col('user_updated_at')]).toBe('2026-11-30T12:00:00.000Z');
    expect(lines[2][col('user_qop')]).toBe('');
    expect(lines[0][col('user_qop')]).toBe('');
  });

  it('JSON: one object per row with every column, missing cells null', () => {
    const doc = JSON.parse(joinedJson(t, roles, rows, decisions, new Date(0)).join('')) as { format: string; catalog: string; rows: Record<string, unknown>[] };
    expect(doc.format).toBe('gasnet-explorer-catalog');
    expect(doc.catalog).toBe('sdss.csv');
    expect(doc.rows.map((r) => r.file)).toEqual(Array.from(rows, (r) => roles.file.dict[roles.file.codes[r]]));
    expect(doc.rows[1]).toMatchObject({ file: 'spec-0375-52140-0356.fits', class: 'GALAXY', user_qop: 3, user_comment: '=clean, "nice"', error: null });
    expect(doc.rows[2].user_qop).toBeNull();
  });

  it('an earlier joined export keeps its decisions where none is newer', async () => {
    const first = joinedCsv(t, roles, Uint32Array.from({ length: t.nRows }, (_, i) => i), decisions).join('');
    const again = await readCatalog(new File([first], 'joined.csv'));
    if (!again.ok) throw new Error(again.error.message);
    const roles2 = catalogRoles(again.value.columns)!;
    const doc = JSON.parse(joinedJson(again.value, roles2, Uint32Array.from([0]), {}, new Date(0)).join('')) as { rows: Record<string, unknown>[]; columns: string[] };
    expect(doc.rows[0]).toMatchObject({ file: 'spec-0375-52140-0356.fits', user_qop: 3 });
    expect(doc.columns.filter((c) => c === 'user_qop').length).toBe(1);
  });
});
