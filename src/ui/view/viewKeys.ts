/**
 * Keys the spectrum view handles itself when it has focus (the shell owns
 * ↑/↓, j/k, digits and 'u'): ']' or 'n' = next minimum, '[' or 'p' = previous.
 */
export type ViewKeyAction = 'next-minimum' | 'previous-minimum';

export function viewKeyAction(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): ViewKeyAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (e.key === ']' || e.key === 'n') return 'next-minimum';
  if (e.key === '[' || e.key === 'p') return 'previous-minimum';
  return undefined;
}

/** True when a key press goes to a text field, not to the view. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'range' && (el as HTMLInputElement).type !== 'checkbox' && (el as HTMLInputElement).type !== 'button';
}
