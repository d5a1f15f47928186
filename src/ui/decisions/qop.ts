/**
 * Quality of the redshift (QOP), with the meaning Marz and OzDES give it
 * (Hinton et al. 2016, "Marz: Manual and Automatic Redshifting Software"):
 * higher is surer, 6 marks a star or other non-galaxy.
 */
import type { Qop } from '../../core/export/types.ts';

export interface QopInfo {
  label: string;
  /** One line for people (tooltip). */
  help: string;
}

export const QOP_INFO: Readonly<Record<Qop, QopInfo>> = {
  4: { label: 'Great', help: 'QOP 4 — great: redshift certain (≥ 99 % confidence), several clear features' },
  3: { label: 'Good', help: 'QOP 3 — good: redshift very likely right (~95 %)' },
  2: { label: 'Possible', help: 'QOP 2 — possible: a plausible redshift, not reliable on its own' },
  1: { label: 'Unknown', help: 'QOP 1 — unknown: no redshift can be given (noise, artefacts)' },
  6: { label: 'Star', help: 'QOP 6 — a star or other non-galaxy object' },
};
