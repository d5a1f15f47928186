export { ABSORPTION_LINES, EMISSION_LINES } from './lineLists.ts';
export { airToVacuum, allLines, linesInRange } from './markers.ts';
export type { LineMarker } from './markers.ts';
