import { describe, expect, it } from 'vitest';
import { safeText } from '../../renderer/display/safe-text';

describe('safeText', () => {
  it('strips bidi overrides, isolates and zero-width characters', () => {
    expect(safeText('abc\u202Egnp.exe')).toBe('abcgnp.exe');
    expect(safeText('\u2066x\u2069\u200By\uFEFF')).toBe('xy');
  });
  it('turns control characters into spaces and truncates with an ellipsis by code point', () => {
    expect(safeText('a\nb')).toBe('a b');
    expect(safeText('0123456789', 5)).toBe('0123…');
    expect(safeText('😀😀😀😀😀😀', 4)).toBe('😀😀😀…');
    expect(safeText(null)).toBe('');
  });
});
