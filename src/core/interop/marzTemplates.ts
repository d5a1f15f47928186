/**
 * Marz's templates (Samreay/Marz js/templates.js, version 1.3.9): id, name, and the class each
 * stands for. Ids 1–5 are stars, 6–11 galaxies, 12 the quasar; '0' means no template.
 */
import type { SpectralClass } from '../types.ts';

export const MARZ_TEMPLATES: ReadonlyArray<{ id: string; name: string; cls: SpectralClass }> = [
  { id: '1', name: 'A Star', cls: 'STAR' },
  { id: '2', name: 'K Star', cls: 'STAR' },
  { id: '3', name: 'M3 Star', cls: 'STAR' },
  { id: '4', name: 'M5 Star', cls: 'STAR' },
  { id: '5', name: 'G Star', cls: 'STAR' },
  { id: '6', name: 'Early Type Absorption Galaxy', cls: 'GALAXY' },
  { id: '7', name: 'Intermediate Type Galaxy', cls: 'GALAXY' },
  { id: '8', name: 'Late Type Emission Galaxy', cls: 'GALAXY' },
  { id: '9', name: 'Composite Galaxy', cls: 'GALAXY' },
  { id: '10', name: 'High Redshift Star Forming Galaxy', cls: 'GALAXY' },
  { id: '11', name: 'Transitional Galaxy', cls: 'GALAXY' },
  { id: '12', name: 'Quasar', cls: 'QSO' },
];

/**
 * The template written for a class. Our classes carry no sub-type, so each gets one
 * representative: the G star (the commonest SDSS stellar type), the intermediate-type galaxy
 * (neither absorption- nor emission-dominated) and the quasar.
 */
const TEMPLATE_OF_CLASS: Readonly<Record<SpectralClass, string>> = { STAR: '5', GALAXY: '7', QSO: '12' };

export function marzTemplateOf(cls: SpectralClass | undefined): string {
  return cls === undefined ? '0' : TEMPLATE_OF_CLASS[cls];
}

/** Marz's getNameForTemplate: 'Unspecified' for an id it does not know (and for '0'). */
export function marzTemplateName(id: string): string {
  return MARZ_TEMPLATES.find((t) => t.id === id)?.name ?? 'Unspecified';
}

/** The class of a template id; undefined for '0' (none) and for ids Marz does not ship. */
export function classOfMarzTemplate(id: string): SpectralClass | undefined {
  return MARZ_TEMPLATES.find((t) => t.id === id)?.cls;
}
