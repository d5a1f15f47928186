/**
 * The one definition of a good model-grid pixel, used by the gridding's
 * too-few-pixels check and by the continuum fit and χ² weights: it has
 * information (ivar > 0), a finite flux, and was covered by the input.
 */
import { N_INPUT } from './modelGrid.ts';

/** What the test needs of a gridded spectrum: [4076] arrays. */
export interface GridPixels {
  flux: ArrayLike<number>;
  ivar: ArrayLike<number>;
  noData?: ArrayLike<number>;
}

export function isGoodPixel(g: GridPixels, k: number): boolean {
  return g.ivar[k] > 0 && Number.isFinite(g.flux[k]) && !(g.noData && g.noData[k]);
}

/** Good pixels among the 4076. */
export function countGoodPixels(g: GridPixels): number {
  let n = 0;
  for (let k = 0; k < N_INPUT; k++) if (isGoodPixel(g, k)) n++;
  return n;
}
