/**
 * Untrusted text (FITS header values) made safe for Plotly strings, which
 * interpret a subset of HTML (<b>, <a href>, <br>, entities): control codes
 * are dropped, the length is capped, and &, < and > become entities, which
 * Plotly draws as the characters themselves. So the text is shown as it is
 * in the file, and no tag or link can come out of it.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function plainText(s: string, maxLength = 40): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = s.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const capped = cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
  return capped.replace(/[&<>]/g, (c) => ENTITIES[c]);
}
