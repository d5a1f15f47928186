/**
 * The model switch: the encoders, the UNets, or both (the table then shows
 * the encoder's answers and marks where the UNet disagrees; the spectrum
 * view overlays both). The UNet files (~3 MB each) are fetched only once
 * UNet or Both is chosen, then kept by the browser.
 */
import type { ModelChoice } from '../../state/types.ts';
import { MODEL_CHOICES } from '../../state/familyAnswers.ts';

const LABEL: Record<ModelChoice, string> = { encoder: 'Encoder', unet: 'UNet', both: 'Both (compare)' };

export interface ModelControlProps {
  choice: ModelChoice;
  onChoose(choice: ModelChoice): void;
}

export function ModelControl({ choice, onChoose }: ModelControlProps) {
  return (
    <label className="model-choice" title="Which GaSNet-III networks analyse the spectra. Both: the table shows the encoder's answers, ≠ marks where the UNet disagrees.">
      model{' '}
      <select value={choice} data-testid="model-choice" onChange={(e) => onChoose(e.target.value as ModelChoice)}>
        {MODEL_CHOICES.map((c) => (
          <option key={c} value={c}>
            {LABEL[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
