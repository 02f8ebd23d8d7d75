/** The session memory of eth_getLogs ranges endpoints refused (node/tracker/learned-log-ranges.ts). */
import { describe, expect, it } from 'vitest';
import { createLearnedLogRanges } from '../../../node/tracker/learned-log-ranges';

describe('createLearnedLogRanges', () => {
  it('returns the learned range for the same chain, endpoint and configured range only', () => {
    const m = createLearnedLogRanges();
    expect(m.rangeFor(1, 'https://a', 2_000n)).toBe(2_000n);
    m.learn(1, 'https://a', 2_000n, 250n);
    expect(m.rangeFor(1, 'https://a', 2_000n)).toBe(250n);
    expect(m.rangeFor(1, 'https://b', 2_000n)).toBe(2_000n);
    expect(m.rangeFor(42161, 'https://a', 2_000n)).toBe(2_000n);
    // The user changed the setting: taken at their word.
    expect(m.rangeFor(1, 'https://a', 5_000n)).toBe(5_000n);
    expect(m.rangeFor(1, 'https://a', 100n)).toBe(100n);
  });

  it('forgets a range once the configured one works again', () => {
    const m = createLearnedLogRanges();
    m.learn(1, null, 2_000n, 500n);
    expect(m.rangeFor(1, null, 2_000n)).toBe(500n);
    m.learn(1, null, 2_000n, 2_000n);
    expect(m.rangeFor(1, null, 2_000n)).toBe(2_000n);
  });
});
