/**
 * Which part of a survey's input list one task of a job array takes. Pure functions: the same
 * list and weights give every task the same cuts, so N tasks cover the list once, whatever order
 * they start in, and a rerun of one task takes the same part again.
 *
 * The list is cut into contiguous ranges of whole blocks (BLOCK_FILES consecutive files, counted
 * from the start of the whole list): a block is what the networks see as one batch, and a spectrum's
 * answer may move in its last digit with the batch it is in, so keeping blocks whole makes N shards
 * merged equal one process over the whole list, row for row. Each range holds about 1/N of the
 * total weight (file size in bytes by default: ~ the number of spectra a file holds).
 */

/** Files per network block (and the granularity of shards and committed chunks). */
export const BLOCK_FILES = 16;

/** Task `index` (0-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

const WHOLE: Shard = { index: 0, count: 1 };

/** '2/8' → { index: 2, count: 8 } (I is 0-based: 0 ≤ I < N). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`--shard takes I/N, e.g. 0/8 (got '${text}')`);
  return checkedShard(Number(m[1]), Number(m[2]), `--shard ${text}`);
}

function checkedShard(index: number, count: number, from: string): Shard {
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`${from}: the number of shards must be ≥ 1`);
  if (!Number.isSafeInteger(index) || index < 0 || index >= count) {
    throw new Error(`${from}: shard index ${index} is outside 0…${count - 1} (the index counts from 0)`);
  }
  return { index, count };
}

/**
 * The shard when --shard is not given: a Slurm array task (SLURM_ARRAY_TASK_ID counted from
 * SLURM_ARRAY_TASK_MIN, in steps of SLURM_ARRAY_TASK_STEP, over SLURM_ARRAY_TASK_COUNT or MIN…MAX
 * tasks), or a Kubernetes Indexed Job's JOB_COMPLETION_INDEX with `shards` (--shards N) parts;
 * otherwise the whole list. `shards` given without an index variable is an error.
 */
export function shardFromEnv(env: Readonly<Record<string, string | undefined>>, shards?: number): Shard {
  const int = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v.trim())) throw new Error(`${name}=${v} is not a whole number`);
    return Number(v);
  };
  const k8s = int('JOB_COMPLETION_INDEX');
  if (k8s !== undefined) {
    if (shards === undefined) throw new Error('JOB_COMPLETION_INDEX is set: say how many shards with --shards N (the Job\'s completions)');
    return checkedShard(k8s, shards, 'JOB_COMPLETION_INDEX');
  }
  const id = int('SLURM_ARRAY_TASK_ID');
  if (id !== undefined) {
    const min = int('SLURM_ARRAY_TASK_MIN') ?? 0;
    const step = int('SLURM_ARRAY_TASK_STEP') ?? 1;
    const max = int('SLURM_ARRAY_TASK_MAX');
    const count = shards ?? int('SLURM_ARRAY_TASK_COUNT') ?? (max !== undefined ? Math.floor((max - min) / Math.max(step, 1)) + 1 : undefined);
    if (count === undefined) throw new Error('SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX: give --shard I/N');
    if ((id - min) % Math.max(step, 1) !== 0) throw new Error(`SLURM_ARRAY_TASK_ID=${id} is not on the array's step ${step} from ${min}`);
    return checkedShard((id - min) / Math.max(step, 1), count, 'SLURM_ARRAY_TASK_ID');
  }
  if (shards !== undefined) throw new Error('--shards N needs an index: --shard I/N, SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX');
  return WHOLE;
}

/**
 * Input positions [start, end) of shard `s` over files of the given weights (> 0 each; a missing
 * file weighs 1). Ranges are whole blocks of `blockFiles`, contiguous, in order, disjoint, and
 * together cover every file; a block goes to the shard whose share of the total weight holds the
 * block's middle, so each shard gets ≈ total/N (within one block's weight). Shards may be empty
 * when there are fewer blocks than shards.
 */
export function shardRange(weights: ArrayLike<number>, s: Shard, blockFiles = BLOCK_FILES): { start: number; end: number } {
  const n = weights.length;
  if (s.count === 1) return { start: 0, end: n };
  const blocks = Math.ceil(n / blockFiles);
  const blockWeight = new Float64Array(blocks);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w > 0)) throw new RangeError(`weight of input ${i} must be > 0, got ${w}`);
    blockWeight[Math.floor(i / blockFiles)] += w;
    total += w;
  }
  let before = 0;
  let first = blocks;
  let last = blocks;
  for (let b = 0; b < blocks; b++) {
    const owner = Math.min(s.count - 1, Math.floor(((before + blockWeight[b] / 2) * s.count) / total));
    if (owner === s.index && first === blocks) first = b;
    if (owner > s.index) {
      last = b;
      break;
    }
    before += blockWeight[b];
  }
  if (first === blocks || first >= last) {
    // no block of its own: an empty range where the next shard starts
    const at = Math.min(n, (first === blocks ? last : first) * blockFiles);
    return { start: at, end: at };
  }
  return { start: first * blockFiles, end: Math.min(n, last * blockFiles) };
}
