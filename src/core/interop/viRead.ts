/**
 * Reading a DESI visual-inspection CSV (Prospect's VI file, viWrite.ts; also files others wrote with
 * RFC 4180 quoting, like Prospect's test/t/test_read_vi.csv). Lines are matched to open spectra by
 * TARGETID (and EXPID when given). An empty VI_z or VI_spectype means the inspector accepted the
 * Redrock_* answer of the file, or the pipeline's when the file has none.
 */
import { fail, ok, type Result } from '../types.ts';
import { CLASSES, type SpectralClass } from '../types.ts';
import { parseCsv } from '../export/csvParse.ts';
import type { ImportError } from '../export/types.ts';
import type { SpectrumResult } from '../result/spectrumResult.ts';
import { toleranceOf } from './answers.ts';
import { qopOfDesiQuality } from './desiQuality.ts';
import { findByTargetId } from './openSpectra.ts';
import type { InspectorAnswer, InspectorFile } from './types.ts';
import { quoteUntrusted } from './untrusted.ts';

/** True when the first line names the columns of a VI file. */
export function looksLikeDesiVi(firstLine: string): boolean {
  const names = firstLine.split(',').map((s) => s.trim());
  return names.includes('TARGETID') && names.includes('VI_quality');
}

/** One line's cells: Prospect's own escaping ('""' in a bare cell) or RFC 4180 quoting. */
function cellsOf(line: string, width: number): string[] | undefined {
  const bare = line.split(',');
  if (bare.length === width && !bare.some((c) => c.startsWith('"'))) return bare.map((c) => c.replace(/""/g, '"'));
  const parsed = parseCsv(line);
  return parsed.ok && parsed.value[0]?.length === width ? parsed.value[0] : undefined;
}

const classOf = (s: string): SpectralClass | undefined => {
  const u = s.trim().toUpperCase();
  return (CLASSES as readonly string[]).includes(u) ? (u as SpectralClass) : undefined;
};

export function readDesiVi(fileName: string, text: string, open: readonly SpectrumResult[], lastModified?: number): Result<InspectorFile, ImportError> {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  if (!looksLikeDesiVi(lines[0] ?? '')) {
    return fail({ code: 'missing-columns', message: 'A DESI VI file has TARGETID and VI_quality columns; this one does not.' });
  }
  const col = (cells: string[], name: string) => {
    const j = header.indexOf(name);
    return j < 0 ? '' : (cells[j] ?? '').trim();
  };
  const answers: InspectorAnswer[] = [];
  const issues: string[] = [];
  const notOpen: string[] = [];
  const scanners = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const lineNo = i + 1;
    const cells = cellsOf(lines[i], header.length);
    if (!cells) {
      issues.push(`line ${lineNo}: not ${header.length} cells as the header has`);
      continue;
    }
    const targetId = col(cells, 'TARGETID');
    const qText = col(cells, 'VI_quality');
    const quality = qText === '' ? -1 : Number(qText);
    if (!Number.isInteger(quality) || quality < -1 || quality > 4) {
      issues.push(`line ${lineNo}: VI_quality ${quoteUntrusted(qText)} is not one of -1, 0, 1, 2, 3, 4`);
      continue;
    }
    const typed = col(cells, 'VI_spectype') || col(cells, 'Redrock_spectype');
    const cls = classOf(typed);
    if (typed !== '' && cls === undefined) {
      issues.push(`line ${lineNo}: spectype ${quoteUntrusted(typed)} is not STAR, GALAXY or QSO`);
      continue;
    }
    const viZ = col(cells, 'VI_z');
    const rrZ = col(cells, 'Redrock_z');
    const zText = viZ !== '' ? viZ : rrZ !== '-1' ? rrZ : '';
    const z = zText === '' ? undefined : Number(zText);
    if (z !== undefined && !Number.isFinite(z)) {
      issues.push(`line ${lineNo}: redshift ${quoteUntrusted(zText)} is not a number`);
      continue;
    }
    const expId = col(cells, 'EXPID');
    const hits = findByTargetId(open, targetId, expId === '' || expId === '-1' ? undefined : expId);
    if (hits.length === 0) {
      notOpen.push(`TARGETID ${quoteUntrusted(targetId)}`);
      continue;
    }
    if (hits.length > 1) {
      issues.push(`line ${lineNo}: TARGETID ${quoteUntrusted(targetId)} names ${hits.length} open spectra`);
      continue;
    }
    const row = hits[0];
    const scanner = col(cells, 'VI_scanner');
    if (scanner !== '') scanners.add(scanner);
    const answer: InspectorAnswer = { ident: { fileName: row.fileName, index: row.index, spectrumId: row.spectrumId }, zTolerance: zText === '' ? 0 : toleranceOf(zText) };
    if (cls !== undefined) answer.cls = cls;
    if (z !== undefined) answer.z = z;
    if (quality >= 0) answer.qop = qopOfDesiQuality(quality, cls ?? row.cls);
    const comment = col(cells, 'VI_comment');
    if (comment !== '') answer.comment = comment;
    answers.push(answer);
  }
  // Prospect names its download desi-vi_<title>_<scanner>.csv.
  const fromName = /_([^_]+)\.csv$/i.exec(fileName)?.[1];
  const inspector = scanners.size === 1 ? [...scanners][0] : (fromName ?? fileName);
  return ok({ format: 'desi-vi', inspector, answers, writtenAt: lastModified, notOpen, issues });
}
