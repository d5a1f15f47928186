/** A spectral line for markers. */
export type LineKind = 'emission' | 'absorption';

export interface SpectralLine {
  /** Label for people (ion and wavelength as the source list names it). */
  name: string;
  /** Rest wavelength in vacuum Å (converted from air where the source gives air). */
  restA: number;
  kind: LineKind;
  /** Labelled by default; minor lines are drawn without a label unless asked. */
  major: boolean;
  /** File of `upstream-gasnet3/lines/` the line was copied from. */
  source: 'SDSS_EL.csv' | 'lines_EL.csv' | 'lines_ABS.csv';
  /** The wavelength exactly as the source list gives it. */
  upstreamA: number;
  /** Medium of `upstreamA`: the GaSNet lists give optical lines (≥ 2000 Å) in air, SDSS_EL in vacuum. */
  medium: 'air' | 'vacuum';
}
