import { describe, expect, it } from 'vitest';
import { readDesiVi } from '../../../src/core/interop/viRead.ts';
import { fixture, OPEN } from './openRows.ts';

const read = (text: string, name = 'desi-vi_x_AB.csv', open = OPEN) => {
  const r = readDesiVi(name, text, open);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('readDesiVi', () => {
  it("reads Prospect's layout: empty VI_z/VI_spectype accept the file's Redrock_* answer (else the pipeline's); DESI quality on the QOP scale", () => {
    const f = fixture('desi-vi_sdss-three_AB.csv');
    const got = read(f.text, f.name);
    expect(got.inspector).toBe('AB');
    expect(got.issues).toEqual([]);
    expect(got.answers.map(({ ident, ...a }) => ({ id: ident.spectrumId, ...a }))).toEqual([
      { id: 'spec-0375-52140-0356', z: 0.0451, zTolerance: 5e-5, qop: 4 },
      { id: 'spec-0564-52224-0581', z: 0.517, zTolerance: 5e-5, qop: 3, comment: 'Broad MgII; Hbeta on the red edge' },
      // A sure star (DESI 4 with VI_spectype STAR) is Marz's QOP 6.
      { id: 'spec-3188-54831-0169', cls: 'STAR', z: 0.0001, zTolerance: 5e-5, qop: 6, comment: 'F star; Balmer absorption' },
    ]);
  });

  it('reads RFC 4180 quoting as well (Prospect test/t/test_read_vi.csv) and DESI 0 and 1 as QOP 1', () => {
    const text =
      'TARGETID,EXPID,NIGHT,TILEID,Spec_version,Redrock_version,Template_version,Redrock_spectype,Redrock_z,VI_scanner,VI_quality,VI_issue,VI_z,VI_spectype,VI_comment\n' +
      'spec-0375-52140-0356,12345,20200703,65432,0.33.3,0.22.2,1.0,GALAXY,0.22,Desi Arnaz,1,R,0.23,QSO,"This is a comment containing a , comma."\n' +
      'spec-0564-52224-0581,-1,20200703,65432,0.33.3,0.22.2,1.0,STAR,0.0003,Desi Arnaz,0,C,0.0004,STAR,"This looks nice"\n';
    const got = read(text);
    expect(got.inspector).toBe('Desi Arnaz');
    expect(got.answers.map((a) => [a.cls, a.z, a.qop, a.comment])).toEqual([
      ['QSO', 0.23, 1, 'This is a comment containing a , comma.'],
      ['STAR', 0.0004, 1, 'This looks nice'],
    ]);
  });

  it("undoes Prospect's own escaping of a bare cell (doubled quotes)", () => {
    const text = 'TARGETID,VI_quality,VI_comment\nspec-0375-52140-0356,2,say ""hi""\n';
    expect(read(text).answers[0]).toMatchObject({ qop: 2, comment: 'say "hi"' });
  });

  it('skips bad lines with their reason, names TARGETIDs that are not open, and refuses a file that is not a VI file', () => {
    const text =
      'TARGETID,VI_quality,VI_spectype,VI_z\n' +
      'spec-0375-52140-0356,7,,\n' +
      'spec-0564-52224-0581,3,ELF,\n' +
      'spec-3188-54831-0169,3,,zero\n' +
      '39627652595714901,4,GALAXY,0.5\n' +
      'spec-3188-54831-0169,2,STAR\n' +
      'spec-3188-54831-0169,2,STAR,0.0001\n';
    const got = read(text);
    expect(got.issues).toEqual([
      "line 2: VI_quality '7' is not one of -1, 0, 1, 2, 3, 4",
      "line 3: spectype 'ELF' is not STAR, GALAXY or QSO",
      "line 4: redshift 'zero' is not a number",
      'line 6: not 4 cells as the header has',
    ]);
    expect(got.notOpen).toEqual(["TARGETID '39627652595714901'"]);
    expect(got.answers).toHaveLength(1);
    const r = readDesiVi('x.csv', 'file,index,id\n', OPEN);
    expect(!r.ok && r.error.message).toBe('A DESI VI file has TARGETID and VI_quality columns; this one does not.');
  });

  it('matches a DESI TARGETID, narrowed by EXPID when a spectra file holds several exposures of it', () => {
    const desi = (expId: number, index: number) => ({ ...OPEN[0], fileName: 'spectra.fits', index, spectrumId: `39627652595714901-${expId}`, meta: { format: 'desi-spectra', ids: { TARGETID: '39627652595714901', EXPID: expId } } });
    const open = [desi(1001, 0), desi(1002, 1)];
    const got = read('TARGETID,EXPID,VI_quality\n39627652595714901,1002,3\n', 'v.csv', open);
    expect(got.answers.map((a) => a.ident.index)).toEqual([1]);
    expect(read('TARGETID,VI_quality\n39627652595714901,3\n', 'v.csv', open).issues).toEqual(["line 2: TARGETID '39627652595714901' names 2 open spectra"]);
  });
});
