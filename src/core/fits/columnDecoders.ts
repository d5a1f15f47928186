/**
 * Decoders for binary-table columns: one per TFORM family, each writing into
 * an output array allocated once for all requested rows. Rows arrive in
 * chunks; `decode` is called per chunk with the chunk's first output row.
 * Loops read big-endian values through a DataView without allocating per
 * element (except 64-bit integers, which pass through bigint).
 */
import type { ColumnData } from './types.ts';
import type { BinColumn } from './tableLayout.ts';
import { UNSIGNED_TZERO } from './constants.ts';
import { copyFloatsBE } from './bigEndian.ts';

export interface ColumnDecoder {
  readonly result: ColumnData;
  /** Decode `nRows` rows from `view` (row r at byte r·rowBytes) into output rows outRow0.. */
  decode(view: DataView, bytes: Uint8Array, nRows: number, rowBytes: number, outRow0: number): void;
}

type Getter = (view: DataView, at: number) => number;

const NUMBER_GETTERS: Readonly<Record<string, [Getter, number]>> = {
  B: [(v, at) => v.getUint8(at), 1],
  I: [(v, at) => v.getInt16(at), 2],
  J: [(v, at) => v.getInt32(at), 4],
  E: [(v, at) => v.getFloat32(at), 4],
  D: [(v, at) => v.getFloat64(at), 8],
  C: [(v, at) => v.getFloat32(at), 4], // complex: re, im interleaved
  M: [(v, at) => v.getFloat64(at), 8],
};

/** A decoder for `column` and `total` output rows (P/Q columns are not handled here). */
export function columnDecoder(column: BinColumn, total: number): ColumnDecoder {
  const { letter, repeat, offset } = column;
  const scaled = column.tscal !== 1 || column.tzero !== 0;
  switch (letter) {
    case 'A': {
      const data: string[] = new Array<string>(total);
      return {
        result: { kind: 'string', repeat: 1, data },
        decode(_view, bytes, nRows, rowBytes, outRow0) {
          for (let r = 0; r < nRows; r++) data[outRow0 + r] = fieldText(bytes, r * rowBytes + offset, repeat);
        },
      };
    }
    case 'L': {
      const data = new Uint8Array(total * repeat);
      return {
        result: { kind: 'boolean', repeat, data },
        decode(_view, bytes, nRows, rowBytes, outRow0) {
          for (let r = 0; r < nRows; r++) {
            const at = r * rowBytes + offset;
            const out = (outRow0 + r) * repeat;
            for (let j = 0; j < repeat; j++) data[out + j] = bytes[at + j] === 0x54 ? 1 : 0; // 'T'
          }
        },
      };
    }
    case 'X': {
      const data = new Uint8Array(total * repeat);
      return {
        result: { kind: 'boolean', repeat, data },
        decode(_view, bytes, nRows, rowBytes, outRow0) {
          for (let r = 0; r < nRows; r++) {
            const at = r * rowBytes + offset;
            const out = (outRow0 + r) * repeat;
            for (let b = 0; b < repeat; b++) data[out + b] = (bytes[at + (b >> 3)] >> (7 - (b & 7))) & 1;
          }
        },
      };
    }
    case 'K':
      return int64Decoder(column, total, scaled);
    default:
      return numberDecoder(column, total, scaled);
  }
}

function numberDecoder(column: BinColumn, total: number, scaled: boolean): ColumnDecoder {
  const [get, size] = NUMBER_GETTERS[column.letter];
  const complex = column.letter === 'C' || column.letter === 'M';
  const count = complex ? 2 * column.repeat : column.repeat;
  const { offset, tscal, tzero } = column;
  const tnull = typeof column.tnull === 'number' && !'EDCM'.includes(column.letter) ? column.tnull : NaN;
  // Float32 holds E, C, B and I exactly; J, D, M and scaled values need Float64.
  const data = !scaled && 'EBIC'.includes(column.letter) ? new Float32Array(total * count) : new Float64Array(total * count);
  // Unscaled floats: raw bytes copied and byte-swapped in place (no per-element work in JS calls).
  const rawFloats = !scaled && (data instanceof Float32Array ? 'EC' : 'DM').includes(column.letter);
  return {
    result: { kind: 'number', repeat: count, data },
    decode(view, bytes, nRows, rowBytes, outRow0) {
      if (rawFloats) {
        copyFloatsBE(bytes, nRows, rowBytes, offset, count, data, outRow0 * count);
        return;
      }
      if (column.letter === 'J' && !scaled) {
        // Masks (SDSS and_mask) are J columns of thousands of rows: a monomorphic loop, no getter call.
        for (let r = 0; r < nRows; r++) {
          const at = r * rowBytes + offset;
          const out = (outRow0 + r) * count;
          for (let j = 0; j < count; j++) {
            const raw = view.getInt32(at + 4 * j);
            data[out + j] = raw === tnull ? NaN : raw;
          }
        }
        return;
      }
      for (let r = 0; r < nRows; r++) {
        const at = r * rowBytes + offset;
        const out = (outRow0 + r) * count;
        for (let j = 0; j < count; j++) {
          const raw = get(view, at + j * size);
          data[out + j] = raw === tnull ? NaN : scaled ? raw * tscal + tzero : raw;
        }
      }
    },
  };
}

const SIGN_BIT_64 = 0x8000000000000000n;

/** K: exact bigint when unscaled, BigUint64 for the TZERO 2^63 convention, else Float64 (TNULL → NaN). */
function int64Decoder(column: BinColumn, total: number, scaled: boolean): ColumnDecoder {
  const { offset, repeat, tscal, tzero, tzeroRaw } = column;
  const n = total * repeat;
  const isUnsigned = tscal === 1 && (tzeroRaw === SIGN_BIT_64 || tzeroRaw === UNSIGNED_TZERO.K);
  const tnull = column.tnull === undefined ? undefined : BigInt(column.tnull);
  const each = (nRows: number, rowBytes: number, outRow0: number, put: (k: number, at: number) => void): void => {
    for (let r = 0; r < nRows; r++) {
      const at = r * rowBytes + offset;
      const out = (outRow0 + r) * repeat;
      for (let j = 0; j < repeat; j++) put(out + j, at + 8 * j);
    }
  };
  if (tnull === undefined && isUnsigned) {
    const data = new BigUint64Array(n);
    return {
      result: { kind: 'biguint', repeat, data },
      decode: (view, _b, nRows, rowBytes, outRow0) =>
        each(nRows, rowBytes, outRow0, (k, at) => (data[k] = view.getBigUint64(at) ^ SIGN_BIT_64)),
    };
  }
  if (tnull === undefined && !scaled) {
    const data = new BigInt64Array(n);
    return {
      result: { kind: 'bigint', repeat, data },
      decode: (view, _b, nRows, rowBytes, outRow0) =>
        each(nRows, rowBytes, outRow0, (k, at) => (data[k] = view.getBigInt64(at))),
    };
  }
  const data = new Float64Array(n);
  const zero = typeof tzeroRaw === 'bigint' || Number.isSafeInteger(tzeroRaw) ? BigInt(tzeroRaw as bigint | number) : undefined;
  return {
    result: { kind: 'number', repeat, data },
    decode: (view, _b, nRows, rowBytes, outRow0) =>
      each(nRows, rowBytes, outRow0, (k, at) => {
        const raw = view.getBigInt64(at);
        if (raw === tnull) data[k] = NaN;
        else if (tscal === 1 && zero !== undefined) data[k] = Number(raw + zero);
        else data[k] = Number(raw) * tscal + tzero;
      }),
  };
}

/** Characters of an 'A' field: stops at the first NUL, trailing blanks removed. Untrusted text. */
export function fieldText(bytes: Uint8Array, at: number, width: number): string {
  let end = at;
  const stop = at + width;
  while (end < stop && bytes[end] !== 0) end++;
  while (end > at && bytes[end - 1] === 0x20) end--;
  let s = '';
  for (let i = at; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}
