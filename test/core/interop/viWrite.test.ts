import { describe, expect, it } from 'vitest';
import { buildExportRecords } from '../../../src/core/export/records.ts';
import { keyOf } from '../../../src/core/export/spectrumKey.ts';
import type { Decision } from '../../../src/core/export/types.ts';
import { readDecisionsFile } from '../../../src/core/interop/readInspectorFile.ts';
import { desiViFileName, prospectComment, toDesiVi } from '../../../src/core/interop/viWrite.ts';
import { OPEN } from './openRows.ts';

const decision = (i: number, d: Partial<Decision>): Decision => ({ key: keyOf(OPEN[i]), fileName: OPEN[i].fileName, index: 0, spectrumId: OPEN[i].spectrumId, updatedAt: 1000, ...d });

describe('toDesiVi', () => {
  const decisions = Object.fromEntries(
    [decision(0, { qop: 1, comment: 'Hα at 6863 Å, maybe "blended"' }), decision(2, { qop: 6 }), decision(1, { cls: 'GALAXY', z: 0.2712 })].map((d) => [d.key, d]),
  );
  const text = toDesiVi(buildExportRecords(OPEN, decisions), 'GX');

  it("writes Prospect's columns in its order, one row per inspected spectrum, '\\n' line ends", () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('TARGETID,Spec_version,Redrock_version,Template_version,Redrock_spectype,Redrock_z,Redrock_deltachi2,VI_scanner,VI_quality,VI_issue,VI_z,VI_spectype,VI_comment');
    expect(lines.slice(1)).toEqual([
      'spec-0375-52140-0356,SDSS,-1,-1,GALAXY,0.0450,5803.2,GX,1,,,,Halpha at 6863 Angstrom; maybe ""blended""',
      'spec-0564-52224-0581,SDSS,-1,-1,QSO,0.5170,1520.7,GX,-1,RC,0.2712,GALAXY,',
      'spec-3188-54831-0169,SDSS,-1,-1,STAR,0.0001,20411.9,GX,4,,,STAR,',
      '',
    ]);
    expect(desiViFileName('gasnet-20261130', 'GX')).toBe('desi-vi_gasnet-20261130_GX.csv');
  });

  it('reads back as the same decisions, except what the DESI scale cannot hold (the comment as Prospect stores it)', () => {
    const r = readDecisionsFile({ name: 'desi-vi_x_GX.csv', text, lastModified: 5000 }, OPEN);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.decisions.map(({ spectrumId, qop, cls, z, comment, updatedAt }) => ({ spectrumId, qop, cls, z, comment, updatedAt }))).toEqual([
      { spectrumId: 'spec-0375-52140-0356', qop: 1, cls: undefined, z: undefined, comment: 'Halpha at 6863 Angstrom; maybe "blended"', updatedAt: 5000 },
      { spectrumId: 'spec-0564-52224-0581', qop: undefined, cls: 'GALAXY', z: 0.2712, comment: undefined, updatedAt: 5000 },
      { spectrumId: 'spec-3188-54831-0169', qop: 6, cls: undefined, z: undefined, comment: undefined, updatedAt: 5000 },
    ]);
  });

  it("stores a comment as Prospect's comment box does: ASCII, commas to semicolons, Greek and Å spelled out", () => {
    expect(prospectComment('Lyα, β; 銀河\nÅ')).toBe('Lyalpha; beta; ?? Angstrom');
  });
});
