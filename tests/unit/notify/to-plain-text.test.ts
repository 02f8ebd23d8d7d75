import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../shared/notify/to-plain-text';

describe('toPlainText', () => {
  it.each([
    ['bidi override', 'a\u202Egnp.exe\u202Cb', 'a gnp.exe b'],
    ['isolates and marks', '\u2066x\u2069\u200Fy', 'x y'],
    ['control characters and newlines', 'one\u0000two\nthree\u0007', 'one two three'],
    ['zero-width space and BOM', 'we\u200BETH\uFEFF', 'we ETH'],
    ['markup stays literal text', '<b>weETH</b>', '<b>weETH</b>'],
  ])('removes %s', (_label, input, expected) => {
    expect(toPlainText(input, 100)).toBe(expected);
  });

  it('cuts long text to the limit with an ellipsis, never splitting an emoji', () => {
    const out = toPlainText('😀'.repeat(50), 10);
    expect(Array.from(out)).toHaveLength(10);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
