/**
 * Contract between the app shell and the spectrum view: what the shell hands
 * over for one selected spectrum, and the props of `<SpectrumView>`.
 */
import type { GriddedSpectrum, SpectralClass, Spectrum } from '../../core/types.ts';
import type { AnalysisResult } from '../../core/scan/types.ts';
import type { ModelManifest } from '../../core/inference/manifest.ts';

/** One analysed spectrum, as the view needs it. */
export interface SpectrumDetail {
  fileName: string;
  /** Index of the spectrum within its file. */
  index: number;
  /** The spectrum as the adapter read it (original wavelengths, flux units). */
  spectrum: Spectrum;
  /** The spectrum on the 4076-pixel model input grid. */
  gridded: GriddedSpectrum;
  /** The analysis by the family whose answers the table shows (the encoder's when both are on). */
  result: AnalysisResult;
  /** Compare view (both families on): the other family's analysis of the same spectrum. */
  compare?: AnalysisResult;
  /** Why `compare` is missing although it was asked for (e.g. the UNet files could not be fetched). */
  compareError?: string;
}

/**
 * Props of `<SpectrumView>`. `z`/`cls` are what is displayed (the user's
 * manual choice or the pipeline's); the view reports changes through the
 * callbacks and never stores them itself.
 *
 * Keys handled inside the view when it has focus: '[' or 'p' = previous
 * (lower-χ²-ranked → higher-ranked) minimum, ']' or 'n' = next minimum of the
 * displayed class. The shell owns ↑/↓, j/k, digits and 'u'.
 */
export interface SpectrumViewProps {
  detail: SpectrumDetail;
  manifest: ModelManifest;
  /** Loaded eigenspectra per class, float32 row-major [nEigen · N_out] (encoders only). */
  eigen: Partial<Record<SpectralClass, Float32Array>>;
  /** Currently displayed redshift. */
  z: number;
  /** Currently displayed class. */
  cls: SpectralClass;
  onZChange: (z: number) => void;
  onClassChange: (cls: SpectralClass) => void;
  /** Teaching mode: explanations next to each plot and the find-the-redshift exercise. */
  guided: boolean;
}

/** Props of `<Gallery>` (src/ui/teach/Gallery.tsx). */
export interface GalleryProps {
  /** Called with the fetched example file when the user picks one. */
  onOpen: (files: File[]) => void;
}
