/**
 * An opened FITS file: the HDU list (headers parsed), table layouts computed
 * from those headers, and data read on demand through the byte source.
 */
import type { InputError, Result } from '../types.ts';
import type { ByteSource, ColumnData, FitsFile, Hdu, ImageData, TableColumnInfo } from './types.ts';
import type { HduEntry } from './hdu.ts';
import { type RowRange, readImage } from './image.ts';
import { type BinLayout, binTableLayout, columnInfo } from './tableLayout.ts';
import { readBinColumns } from './bintable.ts';
import { SourceReadError } from './byteSource.ts';
import { fitsFail } from './errors.ts';
import { type AsciiLayout, asciiTableLayout, readAsciiColumns } from './asciitable.ts';

type Layout = { kind: 'bintable'; layout: BinLayout } | { kind: 'table'; layout: AsciiLayout };

export class OpenedFits implements FitsFile {
  readonly name: string;
  readonly size: number;
  readonly hdus: readonly Hdu[];
  readonly issues: readonly string[];
  readonly #source: ByteSource;
  readonly #layouts = new Map<number, Result<Layout, InputError>>();
  readonly #columnInfos = new Map<number, readonly TableColumnInfo[]>();

  constructor(source: ByteSource, entries: readonly HduEntry[], issues: readonly string[]) {
    this.#source = source;
    this.name = source.name;
    this.size = source.size;
    this.hdus = Object.freeze(entries.map((e) => e.hdu));
    const all = [...issues];
    for (const hdu of this.hdus) {
      const layout = this.#layoutOf(hdu);
      if (layout !== undefined && !layout.ok) all.push(layout.error.message);
    }
    this.issues = Object.freeze(all);
  }

  byName(extname: string): Hdu | undefined {
    const want = extname.toUpperCase();
    return this.hdus.find((h) => h.extname === want);
  }

  columns(hdu: Hdu): TableColumnInfo[] {
    const layout = this.#layoutOf(this.#own(hdu));
    if (layout === undefined || !layout.ok) return [];
    // Adapters look columns up by name many times per spectrum (an SDSS SPECOBJ row has ~200):
    // describe them once per HDU, hand out copies of the list.
    let infos = this.#columnInfos.get(hdu.index);
    if (infos === undefined) {
      infos = layout.value.layout.columns.map((c) => Object.freeze(columnInfo(c)));
      this.#columnInfos.set(hdu.index, infos);
    }
    return infos.slice();
  }

  async readImage(hdu: Hdu, rows?: RowRange): Promise<Result<ImageData>> {
    return this.#guard(readImage(this.#source, this.#own(hdu), rows));
  }

  async readColumns(hdu: Hdu, names: string[], rows?: RowRange): Promise<Result<Record<string, ColumnData>>> {
    const layout = this.#layoutOf(this.#own(hdu));
    if (layout === undefined) throw new TypeError(`readColumns: HDU ${hdu.index} is a ${hdu.kind}, not a table`);
    if (!layout.ok) return layout;
    const { value } = layout;
    return this.#guard(
      value.kind === 'bintable'
        ? readBinColumns(this.#source, hdu, value.layout, names, rows)
        : readAsciiColumns(this.#source, hdu, value.layout, names, rows),
    );
  }

  /** I/O failures of the source become 'internal' errors; bugs propagate. */
  async #guard<T>(pending: Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await pending;
    } catch (e) {
      if (e instanceof SourceReadError) return fitsFail('internal', { file: this.name }, e.message);
      throw e;
    }
  }

  /** The HDU must come from this file (a programmer error otherwise). */
  #own(hdu: Hdu): Hdu {
    if (this.hdus[hdu.index] !== hdu) throw new TypeError(`HDU ${hdu.index} does not belong to ${this.name}`);
    return hdu;
  }

  /** Layout of a table HDU (computed once), undefined for non-tables. */
  #layoutOf(hdu: Hdu): Result<Layout, InputError> | undefined {
    if (hdu.kind !== 'bintable' && hdu.kind !== 'table') return undefined;
    let layout = this.#layouts.get(hdu.index);
    if (layout === undefined) {
      if (hdu.kind === 'bintable') {
        const bin = binTableLayout(hdu, this.name);
        layout = bin.ok ? { ok: true, value: { kind: 'bintable', layout: bin.value } } : bin;
      } else {
        const ascii = asciiTableLayout(hdu, this.name);
        layout = ascii.ok ? { ok: true, value: { kind: 'table', layout: ascii.value } } : ascii;
      }
      this.#layouts.set(hdu.index, layout);
    }
    return layout;
  }
}
