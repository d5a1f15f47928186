/**
 * What was assumed about the open spectrum's wavelengths and instrument, and
 * the user's say over it for the whole file: air or vacuum, the velocity
 * frame, and whether to treat it like an SDSS pipeline product. A change is
 * saved with the decisions and the file is analysed again (issue 14).
 */
import { describeFrame } from '../../core/formats/frame.ts';
import type { FrameOverride, VelocityFrame, WavelengthMedium } from '../../core/types.ts';
import type { SpectrumDetail } from '../../worker/protocol.ts';

interface Props {
  detail: SpectrumDetail;
  /** The override in force for the file, if any. */
  override: FrameOverride | undefined;
  onOverride(next: FrameOverride | undefined): void;
}

const fmtV = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)} km/s`;

/** The reported frame and the corrections behind it, in words. */
export function correctionText(detail: Pick<SpectrumDetail, 'correction' | 'result'>): string {
  const c = detail.correction;
  if (!c || c.factor === 1) return c?.note ? `z as measured (${c.note})` : 'z as measured on the file’s wavelengths';
  const parts = [c.vBaryKms !== undefined && `barycentric ${fmtV(c.vBaryKms)}`, c.vCmbKms !== undefined && `CMB ${fmtV(c.vCmbKms)}`].filter(Boolean);
  const z = (1 + detail.result.z) * c.factor - 1;
  return `z = ${z.toFixed(5)} in the ${c.frame === 'cmb' ? 'CMB' : c.frame} frame (${parts.join(', ')}); measured on the file’s wavelengths ${detail.result.z.toFixed(5)}`;
}

function clean(o: FrameOverride): FrameOverride | undefined {
  const out: FrameOverride = {};
  if (o.medium) out.medium = o.medium;
  if (o.velocity) out.velocity = o.velocity;
  if (o.treatAs) out.treatAs = o.treatAs;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function FramePanel({ detail, override, onOverride }: Props) {
  const f = detail.spectrum.frame;
  const estimator = detail.result.estimator === 'eigenfit' ? 'eigenspectrum fit (spectrum unlike SDSS)' : 'encoder (as published)';
  const set = (patch: FrameOverride) => onOverride(clean({ ...override, ...patch }));
  return (
    <section className="frame-panel" data-testid="frame-info" aria-label="Wavelength frame and instrument">
      <p>
        <span>Wavelengths: {describeFrame(f)}</span>
        {f.medium === 'air' && <span> → vacuum</span>}
        <span> · {correctionText(detail)}</span>
        <span>
          {' '}
          · model: {detail.instrument ?? 'SDSS'}, {estimator}
        </span>
      </p>
      <p className="frame-controls">
        <label>
          air/vacuum{' '}
          <select data-testid="frame-medium" value={override?.medium ?? ''} onChange={(e) => set({ medium: (e.target.value || undefined) as WavelengthMedium | undefined })}>
            <option value="">as the file says</option>
            <option value="air">air</option>
            <option value="vacuum">vacuum</option>
          </select>
        </label>{' '}
        <label>
          frame{' '}
          <select data-testid="frame-velocity" value={override?.velocity ?? ''} onChange={(e) => set({ velocity: (e.target.value || undefined) as VelocityFrame | undefined })}>
            <option value="">as the file says</option>
            <option value="topocentric">topocentric (correct it)</option>
            <option value="heliocentric">heliocentric</option>
            <option value="barycentric">barycentric</option>
          </select>
        </label>{' '}
        <label>
          treat as{' '}
          <select data-testid="frame-treat" value={override?.treatAs ?? ''} onChange={(e) => set({ treatAs: (e.target.value || undefined) as FrameOverride['treatAs'] })}>
            <option value="">automatic</option>
            <option value="sdss">SDSS pipeline product</option>
            <option value="other">other instrument</option>
          </select>
        </label>
        {override && <span className="frame-note"> · your choice for the whole file; saved</span>}
      </p>
    </section>
  );
}
