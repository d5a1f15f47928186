/**
 * Opening an ONNX model with whichever ONNX Runtime the caller hands in:
 * onnxruntime-web in the browser worker, onnxruntime-node (or web's Node
 * build) in tests and tools. Only types are imported here, so the core stays
 * free of any runtime.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { fail, ok, type Result } from '../types.ts';

/** The part of an ONNX Runtime module the core uses (both onnxruntime-web and -node satisfy it). */
export interface OrtModule {
  InferenceSession: {
    create(buffer: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession>;
  };
  Tensor: new (type: 'float32', data: Float32Array, dims?: readonly number[]) => Tensor;
}

export type { InferenceSession, Tensor };

/** Session settings beyond the execution providers. */
export interface SessionTuning {
  /** @default the runtime's choice (all cores in onnxruntime-node; onnxruntime-web uses env.wasm.numThreads instead). */
  intraOpNumThreads?: number;
}

/**
 * Create an inference session from a model's bytes.
 *
 * A file that is not a loadable ONNX model (truncated download, wrong file,
 * unsupported operator) is an expected failure: it comes back as
 * `{ ok: false, error: { code: 'model-load' } }`, never as a throw.
 * onnxruntime-web may take ownership of `bytes`; do not reuse them.
 *
 * @param executionProviders e.g. ['wasm'], ['webgpu'], ['cpu']; default: the runtime's own default.
 */
export async function createSession(
  ort: OrtModule,
  bytes: Uint8Array,
  executionProviders?: string[],
  tuning: SessionTuning = {},
): Promise<Result<InferenceSession>> {
  const threads = tuning.intraOpNumThreads;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) {
    throw new RangeError(`intraOpNumThreads must be an integer ≥ 0 (0 = runtime default), got ${threads}`);
  }
  if (bytes.length === 0) {
    return fail({ code: 'model-load', message: 'The model file is empty: fetch it again.' });
  }
  const options: InferenceSession.SessionOptions = {};
  if (executionProviders) options.executionProviders = executionProviders;
  if (threads !== undefined) options.intraOpNumThreads = threads;
  try {
    return ok(await ort.InferenceSession.create(bytes, options));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fail({
      code: 'model-load',
      message: `ONNX Runtime could not load the model (${reason}). The file may be truncated or corrupt: fetch it again.`,
    });
  }
}
