/**
 * Opening a user's file: sniff FITS / gzip / text from the bytes, find the
 * first adapter (in the order below) whose `match` accepts the FITS headers,
 * and hand back an OpenedSpectra that reads spectra one at a time.
 * Specific layouts come before generic ones: SDSS spec before any table,
 * spPlate before spSpec (both are SDSS images with COEFF0), LAMOST before the
 * generic table (its DR8+ COADD table would match that too). The AAT/UKST
 * layouts follow: GAMA's 5-row images before the 2dFGRS/MGC SPECTRUM images
 * and 6dFGS 'all' files (all row images on a WCS), OzDES (SPECTRUM_<MJD>
 * epochs) before 2dfdr/Marz (FIBRES table) and 2QZ (1-D + VARIANCE), which
 * both would otherwise see an OzDES coadd's shape. IRAF equispec/multispec,
 * FRODOSpec and the 6dFGS table then come before the generic 1-D WCS image and
 * table readers, which would read them with the wrong bands or frame.
 * A DESI Redrock catalogue matches nothing and is named as such.
 */
import { gunzipSource } from '../fits/gzip.ts';
import { openFits } from '../fits/index.ts';
import type { ByteSource, FitsFile } from '../fits/types.ts';
import type { InputError, Result, Spectrum } from '../types.ts';
import { fail, ok } from '../types.ts';
import { desiCoadd, desiSpectra } from './desi.ts';
import { describeHdus } from './describe.ts';
import { frodospec } from './frodospec.ts';
import { gama } from './gama.ts';
import { genericTable } from './genericTable.ts';
import { iraf } from './iraf.ts';
import { lamost } from './lamost.ts';
import { ozdes } from './ozdes.ts';
import { sdssSpec } from './sdssSpec.ts';
import { sdssSpPlate } from './sdssSpPlate.ts';
import { sdssSpSpec } from './sdssSpSpec.ts';
import { sixdfgs } from './sixdfgs.ts';
import { sixdfgsTable } from './sixdfgsTable.ts';
import { SNIFF_BYTES, sniff } from './sniff.ts';
import { redrockMessage } from './redrock.ts';
import { parseTextSpectrum } from './text.ts';
import { twodf } from './twodf.ts';
import { twodfgrs } from './twodfgrs.ts';
import { twoqz } from './twoqz.ts';
import type { FormatAdapter, OpenedSpectra } from './types.ts';
import { wcs1d } from './wcs1d.ts';

export type { FormatAdapter, OpenedSpectra } from './types.ts';

/** Every FITS adapter, most specific first. */
export const ADAPTERS: readonly FormatAdapter[] = [
  sdssSpec,
  sdssSpPlate,
  sdssSpSpec,
  desiCoadd,
  desiSpectra,
  lamost,
  gama,
  twodfgrs,
  sixdfgs,
  ozdes,
  twodf,
  twoqz,
  iraf,
  frodospec,
  sixdfgsTable,
  wcs1d,
  genericTable,
];

export interface OpenSpectraOptions {
  /** Largest text file read (bytes). @default 256 MiB */
  maxTextBytes?: number;
  /** Largest size a gzip file may inflate to (bytes). @default 2 GiB */
  maxDecompressedBytes?: number;
}

const SUPPORTED =
  'SDSS spec/spec-lite/spSpec/spPlate, SDSS-V spec, DESI coadd/spectra, LAMOST LRS, 2dF/AAOmega (Marz, 2dFGRS, MGC, 2QZ/2SLAQ, OzDES, GAMA), ' +
  '6dFGS, IRAF equispec/multispec, Liverpool FRODOSpec, ' +
  '1-D FITS images with a wavelength WCS, FITS tables with wavelength/flux/error columns, and CSV/text tables';

/** The first adapter that recognises the file, or undefined. */
export function findAdapter(file: FitsFile): FormatAdapter | undefined {
  return ADAPTERS.find((a) => a.match(file));
}

/** Open any supported spectrum file (FITS, gzip-compressed FITS or text). */
export async function openSpectra(source: ByteSource, options: OpenSpectraOptions = {}): Promise<Result<OpenedSpectra>> {
  const { maxTextBytes = 256 * 1024 * 1024, maxDecompressedBytes = 2 * 1024 ** 3 } = options;
  // An empty file is named as such: sniffing it would call it "not FITS", which sends people looking for the wrong fault.
  if (source.size === 0) return emptyFile(source.name);
  let src = source;
  let kind = sniff(await src.read(0, SNIFF_BYTES));
  if (kind === 'gzip') {
    const inflated = await gunzipSource(src, maxDecompressedBytes);
    if (!inflated.ok) return inflated;
    src = inflated.value;
    if (src.size === 0) return emptyFile(source.name, ' once decompressed');
    kind = sniff(await src.read(0, SNIFF_BYTES));
  }
  switch (kind) {
    case 'fits':
      return openFitsSpectra(src, source.name);
    case 'text':
      return openText(src, source.name, maxTextBytes);
    default:
      return fail({
        code: 'not-fits',
        message: `${source.name} is not a FITS file (it does not start with SIMPLE), a gzip-compressed FITS file or a text table. Supported: ${SUPPORTED}.`,
      });
  }
}

function emptyFile(fileName: string, after = ''): Result<OpenedSpectra> {
  return fail({
    code: 'not-fits',
    message: `${fileName} is empty (0 bytes${after}): nothing to read. Check that the download or copy finished and open it again.`,
  });
}

async function openFitsSpectra(src: ByteSource, fileName: string): Promise<Result<OpenedSpectra>> {
  const opened = await openFits(src);
  if (!opened.ok) return opened;
  const file = opened.value;
  const adapter = findAdapter(file);
  const catalogue = adapter ? undefined : redrockMessage(file, fileName);
  if (catalogue) return fail({ code: 'no-spectrum', message: catalogue });
  if (!adapter) {
    return fail({
      code: 'no-matching-format',
      message:
        `${fileName}: no reader recognises this FITS layout. HDUs seen: ${describeHdus(file).join('; ')}. ` +
        `Supported: ${SUPPORTED}. If this is a spectrum, save it as a table with wavelength, flux and error columns (FITS or CSV) and open that.`,
    });
  }
  let rows: number[] | undefined;
  if (adapter.selectRows) {
    const sel = await adapter.selectRows(file);
    if (!sel.ok) return sel;
    rows = sel.value;
  }
  const count = rows ? rows.length : adapter.count(file);
  if (count === 0) {
    return fail({
      code: 'no-spectrum',
      message: `${fileName} is a ${adapter.description.split(':')[0]} file but holds no science spectrum (${adapter.count(file)} rows, none selected). Choose another file.`,
    });
  }
  return ok({
    fileName,
    format: adapter.id,
    count,
    ...(file.issues && file.issues.length > 0 && { issues: file.issues }),
    read(index: number): Promise<Result<Spectrum>> {
      if (!Number.isInteger(index) || index < 0 || index >= count) {
        throw new RangeError(`spectrum index ${index} outside 0..${count - 1}`);
      }
      return adapter.read(file, rows ? rows[index] : index);
    },
  });
}

interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
type TextDecoderCtor = new (label: string) => TextDecoderLike;

async function openText(src: ByteSource, fileName: string, maxBytes: number): Promise<Result<OpenedSpectra>> {
  if (src.size > maxBytes) {
    return fail({
      code: 'too-large',
      message: `${fileName} is a ${(src.size / 1024 ** 2).toFixed(0)} MB text file; text spectra up to ${(maxBytes / 1024 ** 2).toFixed(0)} MB are read. Convert it to FITS or split it.`,
    });
  }
  const bytes = await src.read(0, src.size);
  const Ctor = (globalThis as { TextDecoder?: TextDecoderCtor }).TextDecoder;
  const text = Ctor ? new Ctor('utf-8').decode(bytes) : latin1(bytes);
  // Blank lines only: say the file is empty rather than "no data lines found" at line N.
  if (text.trim() === '') {
    return fail({ code: 'bad-text', message: `${fileName} is empty (${src.size} bytes of blank space, no data): nothing to read.` });
  }
  const parsed = parseTextSpectrum(text, fileName);
  if (!parsed.ok) return fail<InputError>({ ...parsed.error, message: `${fileName}: ${parsed.error.message}` });
  const spectrum = parsed.value;
  return ok({
    fileName,
    format: 'text',
    count: 1,
    read(index: number): Promise<Result<Spectrum>> {
      if (index !== 0) throw new RangeError(`text files hold one spectrum; index ${index} asked`);
      return Promise.resolve(ok(spectrum));
    },
  });
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
