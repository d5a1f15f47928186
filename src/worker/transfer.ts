/**
 * Copy a message's typed arrays into fresh buffers that can be transferred.
 *
 * Results may share buffers with caches the sender keeps (a redshift grid
 * reused by every scan, a batch tensor viewed per spectrum); transferring
 * those would detach them under the sender. Copying once and transferring
 * the copies costs one copy, like a plain structured clone, and never
 * detaches anything the sender still uses.
 */

type Typed =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigInt64Array;

function isTyped(v: unknown): v is Typed {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

export interface Transferable<T> {
  value: T;
  /** The fresh buffers inside `value`, each listed once. */
  transfer: ArrayBuffer[];
}

/** Deep copy of plain objects and arrays with every typed array copied into its own buffer. */
export function copyForTransfer<T>(value: T): Transferable<T> {
  const transfer: ArrayBuffer[] = [];
  const walk = (v: unknown): unknown => {
    if (isTyped(v)) {
      const c = v.slice();
      transfer.push(c.buffer as ArrayBuffer);
      return c;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`copyForTransfer: only plain objects can be posted, got ${proto?.constructor?.name ?? 'unknown'}`);
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return { value: walk(value) as T, transfer };
}
