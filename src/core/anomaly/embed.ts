/**
 * The map's 2-D embedding of the encoder codes (docs/anomalies.md): UMAP (umap-js, the PAIR team's
 * port of McInnes et al.'s reference code). UMAP rather than the paper's t-SNE: it keeps more of the
 * global layout (how far the clusters are from one another, where the paper's Appendix A maps show
 * subclasses side by side), its cost grows about linearly with the batch where exact t-SNE grows as n²,
 * and a well-kept JavaScript implementation exists (no maintained t-SNE package does).
 */
import { UMAP } from 'umap-js';
import { seededRandom } from '../seededRandom.ts';

/** Above this many spectra the map embeds a sample (results/bench-map.json: beyond it UMAP takes too long to wait for). */
export const EMBED_MAX = 5000;
/** UMAP's neighbours and spread: the library's defaults (15, 0.1), the scale of local structure the map keeps. */
export const UMAP_NEIGHBOURS = 15;
export const UMAP_MIN_DIST = 0.1;
/** Optimisation epochs: umap-js's own choice for large sets (it takes 500 below 2 500 points, at 2.5× the time for a map that looks the same). */
export const UMAP_EPOCHS = 200;
/** Fewer points than this are not embedded. */
export const MIN_EMBED = 5;

/**
 * Which points the map embeds: all when n ≤ max; otherwise every point `keep` marks (flagged,
 * outliers) and a seeded random sample of the others up to `max`. Sorted indices.
 */
export function mapSample(n: number, keep: (i: number) => boolean, max = EMBED_MAX, seed = 1): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const kept: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < n; i++) (keep(i) ? kept : rest).push(i);
  const rnd = seededRandom(seed);
  const room = Math.max(0, max - kept.length);
  // partial Fisher–Yates: the first `room` of `rest` become a uniform sample
  for (let i = 0; i < Math.min(room, rest.length); i++) {
    const j = i + Math.floor(rnd() * (rest.length - i));
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  return [...kept.slice(0, max), ...rest.slice(0, room)].sort((a, b) => a - b);
}

/**
 * UMAP of the rows of `x` (n × d, row-major) to 2-D: [x0, y0, x1, y1, …]. `onProgress(done, total)`
 * after the neighbour graph (done = 0) and every few epochs.
 */
export function embed(x: Float64Array, n: number, d: number, onProgress?: (done: number, total: number) => void, seed = 1): Float32Array {
  if (n < MIN_EMBED) throw new RangeError(`the map needs at least ${MIN_EMBED} spectra (got ${n})`);
  const rows: number[][] = Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * d, (i + 1) * d)));
  const umap = new UMAP({ nComponents: 2, nNeighbors: Math.min(UMAP_NEIGHBOURS, n - 1), minDist: UMAP_MIN_DIST, nEpochs: UMAP_EPOCHS, random: seededRandom(seed) });
  const epochs = umap.initializeFit(rows);
  onProgress?.(0, epochs);
  const every = Math.max(1, Math.round(epochs / 50));
  for (let e = 0; e < epochs; e++) {
    umap.step();
    if ((e + 1) % every === 0) onProgress?.(e + 1, epochs);
  }
  const out = new Float32Array(n * 2);
  umap.getEmbedding().forEach((p, i) => {
    out[2 * i] = p[0];
    out[2 * i + 1] = p[1];
  });
  return out;
}
