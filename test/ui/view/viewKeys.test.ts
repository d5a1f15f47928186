// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isTyping, viewKeyAction } from '../../../src/ui/view/viewKeys.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('viewKeyAction', () => {
  it("maps ']' and 'n' to next, '[' and 'p' to previous", () => {
    expect(viewKeyAction(key(']'))).toBe('next-minimum');
    expect(viewKeyAction(key('n'))).toBe('next-minimum');
    expect(viewKeyAction(key('['))).toBe('previous-minimum');
    expect(viewKeyAction(key('p'))).toBe('previous-minimum');
  });
  it('leaves the shell keys and modified keys alone', () => {
    for (const k of ['ArrowUp', 'ArrowDown', 'j', 'k', 'u', '1', 'N']) expect(viewKeyAction(key(k))).toBeUndefined();
    expect(viewKeyAction(key('n', { ctrlKey: true }))).toBeUndefined();
    expect(viewKeyAction(key('p', { metaKey: true }))).toBeUndefined();
  });
});

describe('isTyping', () => {
  it('is true in text fields and false on the slider and plain elements', () => {
    const text = document.createElement('input');
    text.type = 'text';
    const range = document.createElement('input');
    range.type = 'range';
    expect(isTyping(text)).toBe(true);
    expect(isTyping(document.createElement('textarea'))).toBe(true);
    expect(isTyping(range)).toBe(false);
    expect(isTyping(document.createElement('div'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
