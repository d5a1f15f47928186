/**
 * One 'detail' request: the spectrum as read (and gridded) again, and each
 * requested family's analysis as kept when its row was made (the same
 * numbers; analysisCache.ts), recomputed only when the cache has let it go.
 */
import type { OpenedSpectra } from '../core/formats/types.ts';
import { applyOverride, type FrameOverride } from '../core/prepareSpectrum.ts';
import { CLASSES, fail, ok, type GriddedSpectrum, type ModelFamily, type Result } from '../core/types.ts';
import { expandKept, type AnalysisCache, type Eigenspectra, type KeptAnalysis } from './analysisCache.ts';
import type { AnalyzerFor } from './familyAnalyzers.ts';
import { readGridded, readSpectrum, type OpenFile } from './openFiles.ts';
import { internalError, type SpectrumDetail } from './protocol.ts';
import { DEFAULT_FAMILIES } from './spectrumBatcher.ts';

export interface DetailDeps {
  open: OpenFile;
  analyzerFor: AnalyzerFor;
  cache: AnalysisCache;
  /** The encoders' eigenspectra, to redraw a kept reconstruction (analysisCache.ts); not needed when the cache keeps them whole. */
  eigenspectra?: () => Promise<Result<Eigenspectra>>;
}

export interface DetailRequest {
  fileId: number;
  file: Blob;
  fileName: string;
  index: number;
  /** @default ['encoder'] — the first gives `result`, a second one `compare`. */
  families?: readonly ModelFamily[];
  /** The user's frame / instrument choice for the file (as its analysis had). */
  override?: FrameOverride;
}

/** A family's analysis of one spectrum with its gridded pixels: kept (made whole again), or computed (and kept) now. */
async function analysisOf(
  deps: DetailDeps,
  o: OpenedSpectra,
  fileId: number,
  index: number,
  family: ModelFamily,
  override?: FrameOverride,
): Promise<Result<KeptAnalysis & { gridded: GriddedSpectrum }>> {
  const g = await readGridded(o, index, override);
  if (!g.ok) return g;
  const kept = deps.cache.get(fileId, index, family);
  if (kept) {
    const needsEigen = CLASSES.some((c) => kept.result.reconstructions[c].values === undefined);
    const eigen = needsEigen && deps.eigenspectra ? await deps.eigenspectra() : undefined;
    if (eigen && !eigen.ok) return eigen;
    const whole = expandKept(kept, g.value.gridded, eigen?.value);
    return whole.ok ? ok({ ...whole.value, gridded: g.value.gridded }) : whole;
  }
  const a = await deps.analyzerFor(family);
  if (!a.ok) return a;
  const [r] = await a.value.analyze([g.value.gridded]);
  if (!r.ok) return r;
  const fresh: KeptAnalysis = { result: r.value, correction: g.value.correction, instrument: g.value.instrument };
  deps.cache.put(fileId, index, fresh);
  return ok({ ...fresh, gridded: g.value.gridded });
}

export async function spectrumDetail(deps: DetailDeps, req: DetailRequest): Promise<Result<SpectrumDetail>> {
  const { fileId, fileName, index } = req;
  const opened = await deps.open(fileId, req.file, fileName);
  if (!opened.ok) return opened;
  const o = opened.value;
  if (!(Number.isInteger(index) && index >= 0 && index < o.count)) {
    return fail({ code: 'out-of-range', message: `${fileName} has no spectrum ${index} (it has ${o.count})` });
  }
  try {
    const spectrum = await readSpectrum(o, index);
    if (!spectrum.ok) return spectrum;
    const [first, second] = req.families ?? DEFAULT_FAMILIES;
    const main = await analysisOf(deps, o, fileId, index, first, req.override);
    if (!main.ok) return main;
    const detail: SpectrumDetail = { fileName, index, spectrum: applyOverride(spectrum.value, req.override), gridded: main.value.gridded, result: main.value.result };
    if (main.value.correction) detail.correction = main.value.correction;
    if (main.value.instrument) detail.instrument = main.value.instrument;
    if (second !== undefined && second !== first) {
      const c = await analysisOf(deps, o, fileId, index, second, req.override);
      if (c.ok) detail.compare = c.value.result;
      else detail.compareError = `${second}: ${c.error.code}: ${c.error.message}`;
    }
    return ok(detail);
  } catch (e) {
    return fail(internalError(e, `analysing spectrum ${index} of ${fileName}`));
  }
}
