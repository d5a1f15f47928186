/**
 * Untrusted text (FITS header values) made safe for Plotly strings, which
 * interpret a subset of HTML: drops markup characters and control codes and
 * caps the length.
 */
export function plainText(s: string, maxLength = 40): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = s.replace(/[<>&"'\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}
