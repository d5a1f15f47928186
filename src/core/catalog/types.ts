/**
 * A survey catalog held column by column: one typed array per numeric column
 * and a dictionary-coded array per text column, so a million rows sort,
 * filter and cross a worker boundary (transferable buffers) without one
 * object per row.
 */

/** Missing numbers are NaN. */
export interface NumberColumn {
  name: string;
  kind: 'number';
  data: Float64Array;
}

/**
 * Row r's text is dict[codes[r]]; code 0 is always '' (missing or empty). The dictionary may hold
 * repeats (columns of mostly distinct values skip the lookup: columnBuild.ts).
 */
export interface TextColumn {
  name: string;
  kind: 'text';
  codes: Uint32Array;
  dict: string[];
}

export type CatalogColumn = NumberColumn | TextColumn;

export type CatalogFormat = 'parquet' | 'fits' | 'csv';

export interface CatalogTable {
  /** The catalog file's name (for messages and export names). */
  source: string;
  format: CatalogFormat;
  nRows: number;
  /** In the file's order. Every table has a text column named `file`. */
  columns: CatalogColumn[];
  /** Oddities that did not stop the read (plain text). */
  issues: string[];
}

/** Why a file could not be read as a catalog; `message` names the file and the reason. */
export interface CatalogError {
  file: string;
  message: string;
}
