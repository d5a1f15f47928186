/** Messages for people when browser storage fails: what happened and what to do. */

/** What was being saved when storage failed. */
export type PersistWhat = 'open' | 'decision' | 'session';

function describe(e: unknown): { name: string; text: string } {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e)) {
    const err = e as { name?: unknown; message?: unknown };
    return { name: String(err.name ?? 'Error'), text: String(err.message ?? '') };
  }
  return { name: 'Error', text: String(e) };
}

export function isQuotaError(e: unknown): boolean {
  const { name, text } = describe(e);
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(text);
}

export function persistErrorMessage(what: PersistWhat, e: unknown): string {
  const { name, text } = describe(e);
  const cause = text ? `${name}: ${text}` : name;
  if (what === 'open') {
    return (
      `Browser storage (IndexedDB) could not be opened (${cause}), so decisions are kept only while this page is open. ` +
      'Download the JSON export before leaving to keep them.'
    );
  }
  const item = what === 'decision' ? 'Your latest decisions are' : "This session's table is";
  if (isQuotaError(e)) {
    return (
      `The browser's storage for this site is full. ${item} shown here but NOT saved, and would be lost on reload. ` +
      'Download the JSON export now; then free space (for example clear other sites’ data) and press Retry.'
    );
  }
  return (
    `Saving to browser storage failed (${cause}). ${item} shown here but NOT saved. ` +
    'Download the JSON export now, then press Retry.'
  );
}
