import { describe, expect, it } from 'vitest';
import { parseExport } from '../../../src/core/export/parseExport.ts';
import { exportFileName, makeExportFile } from '../../../src/ui/decisions/exportFile.ts';
import { DECISION_MAP, DECISIONS, ROWS } from '../../core/export/sampleRows.ts';

const AT = new Date(Date.UTC(2025, 4, 6, 7, 8, 9));

describe('makeExportFile', () => {
  it('names files by kind and UTC time', () => {
    expect(exportFileName('csv', AT)).toBe('gasnet-results-20250506-070809.csv');
    expect(exportFileName('fits', AT)).toBe('gasnet-results-20250506-070809.fits');
  });

  it('CSV starts with a BOM and imports back every decision, orphans included', () => {
    const f = makeExportFile('csv', ROWS, DECISION_MAP, AT);
    expect(f.type).toBe('text/csv;charset=utf-8');
    expect(typeof f.data === 'string' && f.data.startsWith('\uFEFFfile,index,id,')).toBe(true);
    const back = parseExport(f.data as string);
    expect(back.ok && back.value.decisions).toEqual(DECISIONS);
  });

  it('JSON imports back; FITS is whole blocks', () => {
    const j = makeExportFile('json', ROWS, DECISION_MAP, AT);
    const back = parseExport(j.data as string);
    expect(back.ok && back.value.decisions).toEqual(DECISIONS);
    const f = makeExportFile('fits', ROWS, DECISION_MAP, AT);
    expect(f.type).toBe('application/fits');
    expect(f.data instanceof Uint8Array && f.data.length % 2880).toBe(0);
  });
});
