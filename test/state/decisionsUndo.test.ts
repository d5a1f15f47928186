import { describe, expect, it } from 'vitest';
import { createUndoHistory } from '../../src/state/decisionsUndo.ts';

describe('createUndoHistory', () => {
  it('pops entries last-first and merges consecutive entries with the same tag', () => {
    const h = createUndoHistory(10);
    h.record([{ key: 'a', before: undefined }]);
    h.record([{ key: 'b', before: undefined }], 'comment:b');
    h.record([{ key: 'b', before: undefined }], 'comment:b');
    h.record([{ key: 'a', before: undefined }], 'comment:a');
    expect(h.depth()).toBe(3);
    expect(h.pop()).toEqual([{ key: 'a', before: undefined }]);
    expect(h.pop()).toEqual([{ key: 'b', before: undefined }]);
    expect(h.pop()).toEqual([{ key: 'a', before: undefined }]);
    expect(h.pop()).toBeUndefined();
  });

  it('forgets the oldest beyond its limit', () => {
    const h = createUndoHistory(2);
    for (const key of ['a', 'b', 'c']) h.record([{ key, before: undefined }]);
    expect(h.depth()).toBe(2);
    expect(h.pop()?.[0].key).toBe('c');
    expect(h.pop()?.[0].key).toBe('b');
    expect(h.pop()).toBeUndefined();
  });

  it('throws for a limit below 1', () => {
    expect(() => createUndoHistory(0)).toThrow(RangeError);
  });
});
