/**
 * Does an opened session have the inputs and outputs its manifest entry
 * promises? Checked once at load, so that `run` can trust the shapes.
 */
import type { InferenceSession } from 'onnxruntime-common';
import { fail, ok, type Result } from '../types.ts';
import type { ModelEntry } from './manifest.ts';

/** Output names of an entry, reconstruction first. */
export function outputNames(entry: ModelEntry): string[] {
  const { reconstruction, coefficients, amplitude } = entry.outputs;
  return [reconstruction, coefficients, amplitude].filter((n): n is string => n !== undefined);
}

/** The static dims a tensor must have (undefined = dynamic batch, not checked). */
function expectedDims(entry: ModelEntry, name: string): (number | undefined)[] {
  if (name === entry.input.name) return [undefined, 1, entry.input.length];
  if (name === entry.outputs.reconstruction) return [undefined, entry.outputGrid.n];
  if (name === entry.outputs.coefficients) return [undefined, entry.eigen?.n ?? 10];
  return [undefined];
}

function shapeProblem(
  meta: readonly InferenceSession.ValueMetadata[] | undefined,
  entry: ModelEntry,
  name: string,
): string | undefined {
  // Runtimes that report no metadata are trusted; shapes are checked again in `run`.
  const m = meta?.find((x) => x.name === name);
  if (!m || !m.isTensor || m.shape.length === 0) return undefined;
  if (m.type !== 'float32') return `'${name}' is ${m.type}, expected float32`;
  const want = expectedDims(entry, name);
  const same =
    m.shape.length === want.length && want.every((d, i) => d === undefined || m.shape[i] === d);
  if (same) return undefined;
  const show = (s: readonly (number | string | undefined)[]): string => `[${s.map((d) => d ?? 'B').join(', ')}]`;
  return `'${name}' has shape ${show(m.shape)}, expected ${show(want)}`;
}

/** ok when the session takes `entry.input` and yields every output of `entry` with the right shapes. */
export function checkSignature(session: InferenceSession, entry: ModelEntry): Result<void> {
  const problems: string[] = [];
  if (!session.inputNames.includes(entry.input.name)) problems.push(`no input '${entry.input.name}'`);
  for (const name of outputNames(entry)) {
    if (!session.outputNames.includes(name)) problems.push(`no output '${name}'`);
  }
  if (problems.length === 0) {
    const inputProblem = shapeProblem(session.inputMetadata, entry, entry.input.name);
    if (inputProblem) problems.push(inputProblem);
    for (const name of outputNames(entry)) {
      const p = shapeProblem(session.outputMetadata, entry, name);
      if (p) problems.push(p);
    }
  }
  if (problems.length === 0) return ok(undefined);
  return fail({
    code: 'model-load',
    message: `${entry.file} does not match the manifest (${problems.join('; ')}): the model files are from different exports; reload them.`,
  });
}
