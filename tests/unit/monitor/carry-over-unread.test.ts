import { describe, expect, it } from 'vitest';
import { carryOverUnread } from '../../../node/monitor/carry-over-unread';
import { chain, position, report, unread } from './fixtures';

const A = position('1:0xW:token:weETH@1', 5n);
const A2 = position('1:0xW:token:weETH@1:extra', 6n);
const B = position('1:0xW:token:ezETH@1', 7n);
const C = position('42161:0xW:token:weETH@42161', 8n);

describe('carryOverUnread', () => {
  it('returns the report itself when nothing failed or there is no previous report', () => {
    const fresh = report({ positions: [B] });
    expect(carryOverUnread(fresh, report({ positions: [A, B] }))).toBe(fresh);
    const failed = report({ positions: [B], unread: [unread('1:0xW:token:weETH@1')] });
    expect(carryOverUnread(failed, null)).toBe(failed);
  });

  it('carries every previous position under a failed prefix, marked degraded, sorted by id, and nothing else', () => {
    const previous = report({ positions: [B, A, A2, C] });
    const fresh = report({ positions: [B], unread: [unread('1:0xW:token:weETH@1')], chains: [chain(1, 'partial')] });
    const out = carryOverUnread(fresh, previous);
    expect(out.positions.map((p) => [p.id, p.valueEth, p.degraded])).toEqual([
      [B.id, 7n, false],
      [A.id, 5n, true],
      [A2.id, 6n, true],
    ]);
    expect(out.metrics).toBe(fresh.metrics);
    expect(out.warnings).toBe(fresh.warnings);
  });

  it('never duplicates a position the new report has, and ignores an empty prefix', () => {
    const previous = report({ positions: [A, B] });
    const fresh = report({ positions: [position(A.id, 9n)], unread: [unread('1:0xW:token:weETH@1'), unread('')] });
    expect(carryOverUnread(fresh, previous).positions.map((p) => [p.id, p.valueEth])).toEqual([[A.id, 9n]]);
  });
});
