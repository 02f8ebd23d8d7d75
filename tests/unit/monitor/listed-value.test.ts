import { describe, expect, it } from 'vitest';
import { carryOverUnread } from '../../../node/monitor/carry-over-unread';
import { listedValue } from '../../../shared/listed-value';
import { chain, position, report, unread } from './fixtures';

const A = position('1:0xW:token:weETH@1', 5n * 10n ** 18n);
const B = position('1:0xW:token:ezETH@1', 7n * 10n ** 18n);
const C = position('42161:0xW:token:weETH@42161', 3n * 10n ** 18n + 1n);

describe('listedValue', () => {
  it('equals the engine total when every read succeeded', () => {
    const complete = report({ positions: [A, B, C] });
    expect(listedValue(complete)).toEqual({ totalEth: complete.metrics.totalValueEth, lastKnownEth: 0n });
  });

  it('keeps the value of positions carried over through a failed read, and says how much that is', () => {
    const previous = report({ positions: [A, B, C] });
    // Arbitrum failed: the engine's report lacks C, and its total with it.
    const fresh = report({ positions: [A, B], unread: [unread('42161:', 'weETH@42161')], chains: [chain(1), chain(42161, 'failed')] });
    const shown = carryOverUnread(fresh, previous);
    expect(shown.metrics.totalValueEth).toBe(A.valueEth! + B.valueEth!);
    expect(listedValue(shown)).toEqual({ totalEth: previous.metrics.totalValueEth, lastKnownEth: C.valueEth });
  });
});
