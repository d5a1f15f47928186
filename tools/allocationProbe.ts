/**
 * Record the largest typed array and ArrayBuffer the code under test allocates
 * (fuzzing: "no allocation larger than the file justifies"). Installs
 * subclasses of the typed-array constructors and of ArrayBuffer on
 * globalThis, which module code resolves at call time; views made over an
 * existing buffer (subarray, `new Uint8Array(buffer)`) are not allocations
 * and are not counted. `uninstall` puts the originals back.
 *
 * Test and tool use only: it slows allocation-heavy code a little.
 */

type TypedCtor =
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | Int8ArrayConstructor
  | Int16ArrayConstructor
  | Int32ArrayConstructor
  | Uint8ArrayConstructor
  | Uint16ArrayConstructor
  | Uint32ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor;

const NAMES = [
  'Float32Array',
  'Float64Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Uint8Array',
  'Uint16Array',
  'Uint32Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

export interface AllocationProbe {
  /** Bytes of the largest allocation since the last reset. */
  largest(): number;
  /** What allocated it ('Float64Array', 'ArrayBuffer', …). */
  largestKind(): string;
  reset(): void;
  uninstall(): void;
}

export function installAllocationProbe(): AllocationProbe {
  const g = globalThis as unknown as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  const BaseBuffer = ArrayBuffer;
  let largest = 0;
  let kind = '';
  const note = (bytes: number, what: string) => {
    if (bytes > largest) {
      largest = bytes;
      kind = what;
    }
  };

  for (const name of NAMES) {
    const Base = g[name] as TypedCtor;
    originals.set(name, Base);
    const Probe = class extends (Base as unknown as new (...args: unknown[]) => { byteLength: number }) {
      constructor(...args: unknown[]) {
        super(...args);
        const first = args[0];
        const isView = first instanceof BaseBuffer || (typeof SharedArrayBuffer !== 'undefined' && first instanceof SharedArrayBuffer);
        if (!isView) note(this.byteLength, name);
      }
    };
    Object.defineProperty(Probe, 'name', { value: name });
    g[name] = Probe;
  }

  originals.set('ArrayBuffer', BaseBuffer);
  const BufferProbe = class extends BaseBuffer {
    constructor(...args: unknown[]) {
      super(...(args as [number])); // all arguments pass through (a resizable buffer's options too)
      note(this.byteLength, 'ArrayBuffer');
    }
  };
  Object.defineProperty(BufferProbe, 'name', { value: 'ArrayBuffer' });
  g.ArrayBuffer = BufferProbe;

  return {
    largest: () => largest,
    largestKind: () => kind,
    reset() {
      largest = 0;
      kind = '';
    },
    uninstall() {
      for (const [name, ctor] of originals) g[name] = ctor;
    },
  };
}
