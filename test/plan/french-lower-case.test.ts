import { describe, expect, it } from 'vitest';

// The planner lowers French text with `toLowerCase()`, not `toLocaleLowerCase('fr')` (seven times slower):
// Unicode tailors lower-casing for Turkish, Azeri and Lithuanian only, so both give the same text.
describe('toLowerCase() is French lower-casing', () => {
  it('on every code point and the contextual cases', () => {
    const different: number[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const text = String.fromCodePoint(codePoint);
      if (text.toLowerCase() !== text.toLocaleLowerCase('fr')) different.push(codePoint);
    }
    expect(different).toEqual([]);
    for (const text of ['ΟΔΟΣ', 'ΟΔΟΣ ΟΔΟΣ.', 'İstanbul', 'I\u0307', 'ÉCOLE À L’ŒUVRE', 'IJssel'])
      expect(text.toLowerCase()).toBe(text.toLocaleLowerCase('fr'));
  });
});
