/** Text from a file's header or cells, made safe to put in a message: no control characters, bounded length. */

const MAX_CHARS = 60;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `'text'` quoted, control characters replaced by '?', cut to 60 characters with '…'. */
export function quoteUntrusted(text: string): string {
  const clean = text.replace(CONTROL, '?');
  return `'${clean.length > MAX_CHARS ? clean.slice(0, MAX_CHARS) + '…' : clean}'`;
}
