/**
 * The χ²-against-z plot ([data-testid="plot-chi2"]); clicking a curve or a
 * minimum picks that z (and class). In the compare view the other family's
 * three curves are drawn dashed beside the shown family's solid ones.
 */
import { useCallback, useMemo } from 'react';
import type { PlotMouseEvent } from 'plotly.js-dist-min';
import type { AnalysisResult } from '../../core/scan/types.ts';
import { CLASSES, type SpectralClass } from '../../core/types.ts';
import { chi2Layout, chi2Traces, chi2YAxis } from './chi2Figure.ts';
import { compareChi2Traces, FAMILY_LABEL, joinedScans, withFamilyNames } from './compareFigure.ts';
import { LiveOverlay } from './LiveOverlay.tsx';
import { chi2LiveSpec } from './liveSpecs.ts';
import { Plot } from './Plot.tsx';
import { useAxisMap } from './useAxisMap.ts';

export interface Chi2PlotProps {
  result: AnalysisResult;
  cls: SpectralClass;
  /** The live redshift (drawn on a canvas while it moves). */
  z: number;
  /** z once it has stopped moving (drawn by Plotly). */
  zSettled: number;
  uirevision: string;
  onPick: (cls: SpectralClass, z: number) => void;
  /** Compare view: the other model family's analysis of the same spectrum. */
  compare?: AnalysisResult;
}

/** The class and redshift a click on the χ² plot points at, or undefined for a click on nothing usable. */
export function pickFromClick(event: Pick<PlotMouseEvent, 'points'>): { cls: SpectralClass; z: number } | undefined {
  const p = event.points[0];
  if (!p) return undefined;
  const cls = (p.data as { meta?: unknown }).meta;
  const z = (p as { customdata?: unknown }).customdata;
  if (typeof z !== 'number' || !CLASSES.includes(cls as SpectralClass)) return undefined;
  return { cls: cls as SpectralClass, z };
}

export function Chi2Plot({ result, cls, z, zSettled, uirevision, onPick, compare }: Chi2PlotProps) {
  const traces = useMemo(() => {
    const own = chi2Traces(result.scans, result.cls);
    return compare ? [...withFamilyNames(own, result.family), ...compareChi2Traces(compare.scans, compare.family)] : own;
  }, [result.scans, result.cls, result.family, compare]);
  const robustness = result.scans[cls].robustness;
  const yaxis = useMemo(() => chi2YAxis(compare ? joinedScans(result.scans, compare.scans) : result.scans), [result.scans, compare]);
  const compareR = compare?.scans[cls].robustness;
  const compareNote = useMemo(
    () => (compare ? { shown: FAMILY_LABEL[result.family], other: FAMILY_LABEL[compare.family], robustness: compareR } : undefined),
    [compare, result.family, compareR],
  );
  const [map, onGraph] = useAxisMap();
  const live = zSettled !== z && map !== undefined;
  const zPlotly = live ? zSettled : z;
  const layout = useMemo(
    () => chi2Layout({ cls, z: zPlotly, robustness, yaxis, uirevision, zLine: !live, compare: compareNote }),
    [cls, zPlotly, robustness, yaxis, uirevision, live, compareNote],
  );
  const liveSpec = useMemo(() => (live ? chi2LiveSpec(cls, z) : undefined), [live, cls, z]);
  const onClick = useCallback(
    (e: PlotMouseEvent) => {
      const pick = pickFromClick(e);
      if (pick) onPick(pick.cls, pick.z);
    },
    [onPick],
  );
  return (
    <Plot
      testId="plot-chi2"
      label={compare ? 'Reduced χ² against redshift for the three classes, both model families' : 'Reduced χ² against redshift for the three classes'}
      data={traces}
      layout={layout}
      height={320}
      onClick={onClick}
      onGraph={onGraph}
    >
      {liveSpec && map && <LiveOverlay map={map} spec={liveSpec} />}
    </Plot>
  );
}
