import { describe, expect, it } from 'vitest';
import { inert } from '../../../node/cli/format-table';
import { HOSTILE_NAMES, UNSAFE_CHARACTER } from '../../support/hostile-strings';

describe('inert (CLI text from chain or the user)', () => {
  it.each(HOSTILE_NAMES.map((name) => [name.slice(0, 30), name]))('leaves no control, format or line-breaking character: %j', (_short, name) => {
    const shown = inert(name, 80);
    expect(shown).not.toMatch(UNSAFE_CHARACTER);
    expect(Array.from(shown).length).toBeLessThanOrEqual(80);
  });

  it('strips terminal escape sequences to their harmless remains and keeps ordinary names as they are', () => {
    const escaped = inert('evil\u001b]8;;https://x\u0007.eth');
    expect(escaped.includes('\u001b') || escaped.includes('\u0007')).toBe(false);
    expect(inert('alice.eth')).toBe('alice.eth');
    expect(inert('阿丽斯.eth')).toBe('阿丽斯.eth');
  });
});
