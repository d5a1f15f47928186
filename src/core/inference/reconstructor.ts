/**
 * One reconstruction network (an Encoder or a UNet of one class) behind a
 * batch interface: F [B·4076] in, one Reconstruction per spectrum out.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { Reconstruction } from './types.ts';
import { ok, type Result } from '../types.ts';
import type { ModelEntry } from './manifest.ts';
import { createSession, type OrtModule, type SessionTuning } from './session.ts';
import { checkSignature, outputNames } from './signature.ts';

export interface ReconstructorOptions extends SessionTuning {
  /** @default undefined — the runtime's default ('cpu' in onnxruntime-node, 'wasm' in onnxruntime-web). */
  executionProviders?: string[];
  /** @default 64 — a call with more spectra is run in consecutive batches of at most this many. */
  maxBatch?: number;
}

export interface Reconstructor {
  readonly entry: ModelEntry;
  /**
   * Reconstruct `batch` spectra. F is [batch·4076], spectrum b at [b·4076, (b+1)·4076).
   * Returns `batch` reconstructions; their arrays are views of one buffer per run, owned by the caller.
   * Calls on one reconstructor are queued (a session runs one batch at a time).
   * @throws RangeError if F.length ≠ batch·4076 or batch is not a non-negative integer.
   */
  run(F: Float32Array, batch: number): Promise<Reconstruction[]>;
  /** Free the session. The reconstructor must not be used afterwards. */
  release(): Promise<void>;
}

const DEFAULT_MAX_BATCH = 64;

/** Open `bytes` (the ONNX file of `entry`) and check it matches the entry; 'model-load' errors otherwise. */
export async function createReconstructor(
  ort: OrtModule,
  entry: ModelEntry,
  bytes: Uint8Array,
  options: ReconstructorOptions = {},
): Promise<Result<Reconstructor>> {
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`);
  const opened = await createSession(ort, bytes, options.executionProviders, { intraOpNumThreads: options.intraOpNumThreads });
  if (!opened.ok) return { ok: false, error: { ...opened.error, message: `${entry.file}: ${opened.error.message}` } };
  const session = opened.value;
  const signature = checkSignature(session, entry);
  if (!signature.ok) {
    await session.release();
    return signature;
  }

  let queue: Promise<unknown> = Promise.resolve();
  const nIn = entry.input.length;
  const run = async (F: Float32Array, batch: number): Promise<Reconstruction[]> => {
    if (!Number.isInteger(batch) || batch < 0) throw new RangeError(`batch must be a non-negative integer, got ${batch}`);
    if (F.length !== batch * nIn) throw new RangeError(`F has ${F.length} values, expected batch·${nIn} = ${batch * nIn}`);
    const out: Reconstruction[] = [];
    for (let start = 0; start < batch; start += maxBatch) {
      const b = Math.min(maxBatch, batch - start);
      out.push(...(await runBatch(ort, session, entry, F.subarray(start * nIn, (start + b) * nIn), b)));
    }
    return out;
  };
  return ok({
    entry,
    run(F, batch) {
      const result = queue.then(() => run(F, batch));
      queue = result.catch(() => undefined);
      return result;
    },
    release: () => session.release(),
  });
}

/**
 * A float32 output with the expected dims, or a RangeError (the model broke its signature). The
 * tensor's data is already a copy the runtime made for us out of its own memory (onnxruntime-web:
 * out of the WASM heap; onnxruntime-node: out of native memory), so it is kept as it is: copying it
 * again allocated ~1.5 MB per QSO batch, which in the browser cost ~0.4 ms per spectrum (worker CPU
 * profile, bench:browser).
 */
function take(outputs: InferenceSession.ReturnType, name: string, dims: number[]): Float32Array {
  const t = outputs[name] as Tensor | undefined;
  if (!t || t.type !== 'float32' || t.dims.length !== dims.length || t.dims.some((d, i) => d !== dims[i])) {
    throw new RangeError(`output '${name}' is ${t ? `${t.type} [${t.dims.join(', ')}]` : 'missing'}, expected float32 [${dims.join(', ')}]`);
  }
  const data = t.data as Float32Array;
  t.dispose(); // drops the tensor's reference only; `data` stays ours
  return data;
}

async function runBatch(
  ort: OrtModule,
  session: InferenceSession,
  entry: ModelEntry,
  F: Float32Array,
  b: number,
): Promise<Reconstruction[]> {
  const input = new ort.Tensor('float32', F, [b, 1, entry.input.length]);
  const outputs = await session.run({ [entry.input.name]: input }, outputNames(entry));
  input.dispose();
  const nOut = entry.outputGrid.n;
  const values = take(outputs, entry.outputs.reconstruction, [b, nOut]);
  const nEigen = entry.eigen?.n ?? 10;
  const coefficients = entry.outputs.coefficients ? take(outputs, entry.outputs.coefficients, [b, nEigen]) : undefined;
  const amplitude = entry.outputs.amplitude ? take(outputs, entry.outputs.amplitude, [b]) : undefined;
  const out: Reconstruction[] = [];
  for (let i = 0; i < b; i++) {
    const r: Reconstruction = { values: values.subarray(i * nOut, (i + 1) * nOut) };
    if (coefficients) r.coefficients = coefficients.subarray(i * nEigen, (i + 1) * nEigen);
    if (amplitude) r.amplitude = amplitude[i];
    out.push(r);
  }
  return out;
}
