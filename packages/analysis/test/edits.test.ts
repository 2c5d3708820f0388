import { describe, expect, it } from 'vitest';
import { applyEdits, isLevelAllowed, OverlappingEditsError } from '../src/edits';

describe('applyEdits', () => {
  it('applies edits given in any order against the original offsets', () => {
    const text = 'const a = 1; const b = 2;';
    const out = applyEdits(text, [
      { range: [23, 24], text: '20' },
      { range: [10, 11], text: '10' },
    ]);
    expect(out).toBe('const a = 10; const b = 20;');
  });

  it('returns the same text for no edits', () => {
    expect(applyEdits('x', [])).toBe('x');
  });

  it('supports insertions and deletions', () => {
    expect(applyEdits('ab', [{ range: [1, 1], text: '-' }])).toBe('a-b');
    expect(applyEdits('abc', [{ range: [1, 2], text: '' }])).toBe('ac');
  });

  it('rejects overlapping edits', () => {
    expect(() =>
      applyEdits('abcdef', [
        { range: [0, 3], text: 'x' },
        { range: [2, 4], text: 'y' },
      ]),
    ).toThrow(OverlappingEditsError);
  });

  it('rejects two insertions at one point, whose order would be arbitrary', () => {
    expect(() =>
      applyEdits('ab', [
        { range: [1, 1], text: 'x' },
        { range: [1, 1], text: 'y' },
      ]),
    ).toThrow(OverlappingEditsError);
  });

  it('accepts adjacent edits', () => {
    expect(
      applyEdits('abcd', [
        { range: [0, 2], text: 'X' },
        { range: [2, 4], text: 'Y' },
      ]),
    ).toBe('XY');
  });

  it('rejects edits outside the text', () => {
    expect(() => applyEdits('abc', [{ range: [2, 9], text: '' }])).toThrow(RangeError);
  });
});

describe('isLevelAllowed', () => {
  it('allows review plans only when review is allowed', () => {
    expect(isLevelAllowed('safe', 'safe')).toBe(true);
    expect(isLevelAllowed('review', 'safe')).toBe(false);
    expect(isLevelAllowed('review', 'review')).toBe(true);
    expect(isLevelAllowed('safe', 'review')).toBe(true);
  });
});
