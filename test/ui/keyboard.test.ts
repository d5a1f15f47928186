// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isTypingTarget, keyAction, PAGE_ROWS, SHORTCUTS } from '../../src/ui/keyboard.ts';

describe('keyAction', () => {
  it('moves with arrows and j/k', () => {
    expect(keyAction({ key: 'ArrowDown' })).toEqual({ type: 'move', delta: 1 });
    expect(keyAction({ key: 'j' })).toEqual({ type: 'move', delta: 1 });
    expect(keyAction({ key: 'ArrowUp' })).toEqual({ type: 'move', delta: -1 });
    expect(keyAction({ key: 'k' })).toEqual({ type: 'move', delta: -1 });
    expect(keyAction({ key: 'PageDown' })).toEqual({ type: 'move', delta: PAGE_ROWS });
  });

  it('sets Marz QOP values 1, 2, 3, 4, 6 — and not 5, 7, 8, 9', () => {
    for (const q of [1, 2, 3, 4, 6]) expect(keyAction({ key: String(q) })).toEqual({ type: 'qop', qop: q });
    for (const k of ['5', '7', '8', '9']) expect(keyAction({ key: k })).toBeUndefined();
    expect(keyAction({ key: '0' })).toEqual({ type: 'clear-qop' });
  });

  it('undoes with u and Ctrl/Cmd+Z; ignores other modified keys', () => {
    expect(keyAction({ key: 'u' })).toEqual({ type: 'undo' });
    expect(keyAction({ key: 'z', ctrlKey: true })).toEqual({ type: 'undo' });
    expect(keyAction({ key: 'z', metaKey: true })).toEqual({ type: 'undo' });
    expect(keyAction({ key: '3', ctrlKey: true })).toBeUndefined();
    expect(keyAction({ key: 'j', altKey: true })).toBeUndefined();
  });

  it('sets the class with capitals, resets with R, focuses the comment and z fields', () => {
    expect(keyAction({ key: 'S' })).toEqual({ type: 'set-class', cls: 'STAR' });
    expect(keyAction({ key: 'G' })).toEqual({ type: 'set-class', cls: 'GALAXY' });
    expect(keyAction({ key: 'Q' })).toEqual({ type: 'set-class', cls: 'QSO' });
    expect(keyAction({ key: 'R' })).toEqual({ type: 'show-pipeline' });
    expect(keyAction({ key: 'g' })).toEqual({ type: 'toggle-guided' });
    expect(keyAction({ key: 'c' })).toEqual({ type: 'focus', target: 'comment' });
    expect(keyAction({ key: 'z' })).toEqual({ type: 'focus', target: 'z' });
  });

  it('steps through minima with ] [ n p wherever the focus is (issue 9: not only inside the view)', () => {
    for (const k of [']', 'n']) expect(keyAction({ key: k })).toEqual({ type: 'minimum', dir: 1 });
    for (const k of ['[', 'p']) expect(keyAction({ key: k })).toEqual({ type: 'minimum', dir: -1 });
  });

  it('accepts with Enter, and accepts and moves on with Shift+Enter', () => {
    expect(keyAction({ key: 'Enter' })).toEqual({ type: 'accept', next: false });
    expect(keyAction({ key: 'Enter', shiftKey: true })).toEqual({ type: 'accept', next: true });
  });

  it("leaves the smoothing key to the spectrum panel, and lists it in the help", () => {
    expect(keyAction({ key: 's' })).toBeUndefined();
    expect(SHORTCUTS.find((s) => s.keys === 's')?.what).toMatch(/smooth/);
  });

  it('lists every shortcut it handles in the help', () => {
    const help = SHORTCUTS.map((s) => s.keys).join(' ');
    for (const k of ['j', 'k', 'u', '?', 'Esc', '6', 'f', 'g', ']', '[', 'Enter', 'Shift+Enter', 'S / G / Q', 'R', 'z', 'c']) expect(help).toContain(k);
  });
});

describe('isTypingTarget', () => {
  it('is true in text fields and editable content, false on buttons, checkboxes and the page', () => {
    const text = document.createElement('input');
    const box = document.createElement('input');
    box.type = 'checkbox';
    const area = document.createElement('textarea');
    const button = document.createElement('button');
    expect(isTypingTarget(text)).toBe(true);
    expect(isTypingTarget(area)).toBe(true);
    expect(isTypingTarget(box)).toBe(false);
    expect(isTypingTarget(button)).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
