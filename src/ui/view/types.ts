/**
 * Props of the spectrum view and the gallery. The spectrum's detail itself is
 * the worker's reply (`SpectrumDetail`, src/worker/protocol.ts).
 */
import type { SpectralClass } from '../../core/types.ts';
import type { SpectrumDetail } from '../../worker/protocol.ts';
import type { ModelManifest } from '../../core/inference/manifest.ts';

/**
 * Props of `<SpectrumView>`. `z`/`cls` are what is displayed (the user's
 * manual choice or the pipeline's); the view reports changes through the
 * callbacks and never stores them itself.
 *
 * The keys are the shell's (src/ui/keyboard.ts).
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
  /** Told whether guided mode's exercise hides the answer (so the shell hides it elsewhere too). */
  onAnswerHidden?: (hidden: boolean) => void;
}

/** Props of `<Gallery>` (src/ui/teach/Gallery.tsx). */
export interface GalleryProps {
  /** Called with the fetched example file when the user picks one. */
  onOpen: (files: File[]) => void;
  /** Guided mode: cards show no title, description, class or z (they would give the exercise away). @default false */
  hideAnswers?: boolean;
}
