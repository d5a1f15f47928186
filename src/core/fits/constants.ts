/**
 * Numbers and codes of the FITS standard (v4.0) that the reader needs, named
 * once here. Limits that guard against hostile files are at the bottom.
 */

/** A header or data unit is a whole number of these blocks. */
export const BLOCK_BYTES = 2880;
/** One header card (keyword record). */
export const CARD_BYTES = 80;
/** Columns 1–8 hold the keyword; columns 9–10 hold the value indicator "= ". */
export const KEYWORD_LENGTH = 8;

/** Bytes per pixel for each legal BITPIX. */
export const BITPIX_BYTES: Readonly<Record<number, number>> = {
  8: 1, // unsigned byte
  16: 2, // int16 (uint16 with BZERO 32768)
  32: 4, // int32 (uint32 with BZERO 2^31)
  64: 8, // int64 (uint64 with BZERO 2^63)
  [-32]: 4, // IEEE float32
  [-64]: 8, // IEEE float64
};

/** Binary-table TFORM letters and the bytes one element occupies (X: bits, counted apart). */
export const TFORM_BYTES: Readonly<Record<string, number>> = {
  L: 1, // logical 'T' / 'F' / 0 (null)
  X: 0, // bit array: ceil(repeat / 8) bytes
  B: 1, // unsigned byte (signed with TZERO −128)
  I: 2, // int16 (uint16 with TZERO 32768)
  J: 4, // int32 (uint32 with TZERO 2^31)
  K: 8, // int64 (uint64 with TZERO 2^63)
  A: 1, // character
  E: 4, // float32
  D: 8, // float64
  C: 8, // complex float32 (re, im)
  M: 16, // complex float64 (re, im)
  P: 8, // 32-bit heap descriptor (count, offset)
  Q: 16, // 64-bit heap descriptor (count, offset)
};

/** TZERO values that turn a signed integer column into an unsigned one. */
export const UNSIGNED_TZERO: Readonly<Record<string, number>> = {
  I: 32768,
  J: 2147483648,
  K: 9223372036854775808,
};

/** The first bytes of a gzip stream (RFC 1952). */
export const GZIP_MAGIC: readonly [number, number] = [0x1f, 0x8b];

// ---- Guards against hostile or broken files -------------------------------

/** A header without END within this many blocks is rejected (36 000 cards). */
export const MAX_HEADER_BLOCKS = 1000;
/** Header blocks read per request while looking for END. */
export const HEADER_READ_BLOCKS = 4;
/** Stop walking the HDU chain after this many HDUs (an issue is recorded). */
export const MAX_HDUS = 10_000;
/** A long string assembled from CONTINUE cards is cut at this many characters. */
export const MAX_LONG_STRING_CHARS = 65_536;
/** NAXIS and TFIELDS are at most 999 by the standard. */
export const MAX_NAXIS = 999;
export const MAX_TFIELDS = 999;
/** Table rows are read and decoded in pieces of about this many bytes. */
export const TABLE_READ_CHUNK_BYTES = 8 * 1024 * 1024;
/** Default cap on the decompressed size of a gzip file (2 GiB). */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 2 * 1024 * 1024 * 1024;
