/**
 * ether.fi's instant redemption figures on positions (shared/engine/etherfi-instant-exit.ts): the
 * manager's own rounding, the cap, and when the figure is null or absent. Toy pool totals (P = 3,
 * T = 2: one share is worth 1.5 wei) make every floor visible by hand.
 */
import { describe, expect, it } from 'vitest';
import { etherFiInstantExit } from '../../../shared/engine/etherfi-instant-exit';
import { registry } from '../../../shared/registry/registry';
import type { TokenInfo } from '../../../shared/registry/types';
import type { EtherFiInstantState, Read } from '../../../shared/snapshot';
import { balance, eth, fail, ok, report, snapshot, TIME, tokenState, wallet, WALLET_A } from './snapshot-builder';

const token = (pred: (t: TokenInfo) => boolean): TokenInfo => {
  const t = registry.tokens.find(pred);
  if (!t) throw new Error('registry token missing');
  return t;
};
const WEETH = token((t) => t.id === 'weETH@1');
const EETH = token((t) => t.id === 'eETH@1');
const L2_WEETH = token((t) => t.bridgedFrom === 'weETH@1' && t.chainId === 42161);
const EZETH = token((t) => t.id === 'ezETH@1');

const state = (o: Partial<EtherFiInstantState> = {}): EtherFiInstantState => ({
  manager: '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0', exitFeeBps: 30n, redeemableEth: 10n ** 30n,
  paused: false, pausedUntil: 0n, totalPooledEther: 3n, totalShares: 2n, ...o,
});
const at = (read: Read<EtherFiInstantState>) => ({ etherfiInstant: read, blockTimestamp: TIME } as const);
const exit = (t: TokenInfo, amount: bigint, read: Read<EtherFiInstantState> | 'unread' = ok(state())) =>
  etherFiInstantExit(t, amount, read === 'unread' ? { blockTimestamp: TIME } : at(read));

describe('etherFiInstantExit: the manager arithmetic', () => {
  it('weETH: eETH = ⌊w·P/T⌋, shares = ⌊eETH·T/P⌋, fee taken on shares rounded down, paid ⌊·P/T⌋', () => {
    // 1001 weETH -> 1501 eETH -> 1000 shares -> 997 shares after 30 bps -> 1495 wei.
    // previewRedeem(1001) would say 1501 - ⌈4.503⌉ = 1496: one wei more than the redeem pays.
    expect(exit(WEETH, 1001n)).toEqual({ instantRedeemEth: 1495n, instantRedeemCapped: false });
    // 1000 weETH -> 1500 eETH -> 1000 shares -> 997 -> ⌊1495.5⌋.
    expect(exit(WEETH, 1000n)?.instantRedeemEth).toBe(1495n);
  });

  it('eETH: the balance is the amount redeemed', () => {
    // 1502 eETH -> 1001 shares -> ⌊1001·9970/10000⌋ = 997 -> 1495.
    expect(exit(EETH, 1502n)).toEqual({ instantRedeemEth: 1495n, instantRedeemCapped: false });
    expect(exit(EETH, 1503n)?.instantRedeemEth).toBe(1497n);
  });

  it('a higher fee pays less; no fee pays the share value back', () => {
    expect(exit(EETH, 1500n, ok(state({ exitFeeBps: 0n })))?.instantRedeemEth).toBe(1500n);
    expect(exit(EETH, 1500n, ok(state({ exitFeeBps: 100n })))?.instantRedeemEth).toBe(1485n);
    expect(exit(EETH, 1500n, ok(state({ exitFeeBps: 10_000n })))?.instantRedeemEth).toBe(0n);
  });

  it('realistic totals: 10 weETH at 1.075 with 30 bps is 10.75 ETH less the fee, to the wei', () => {
    const s = ok(state({ totalPooledEther: eth(1_075_000), totalShares: eth(1_000_000) }));
    // 10.75 ETH = 10 shares exactly; 9.97 shares after the fee; 9.97 x 1.075 = 10.71775 ETH.
    expect(exit(WEETH, eth(10), s)?.instantRedeemEth).toBe(10_717_750_000_000_000_000n);
  });
});

describe('etherFiInstantExit: capped', () => {
  it('more than redeemable now: capped, and the figure is for the most that can go now', () => {
    const s = ok(state({ redeemableEth: 1000n }));
    // eETH: 1000 redeemed -> 666 shares -> 664 -> 996.
    expect(exit(EETH, 1500n, s)).toEqual({ instantRedeemEth: 996n, instantRedeemCapped: true });
    // weETH: getWeETHByeETH(1000) = 666 weETH -> 999 eETH -> 666 shares -> 664 -> 996.
    expect(exit(WEETH, 1000n, s)).toEqual({ instantRedeemEth: 996n, instantRedeemCapped: true });
  });

  it('exactly the redeemable amount is not capped', () => {
    expect(exit(EETH, 1000n, ok(state({ redeemableEth: 1000n })))?.instantRedeemCapped).toBe(false);
    expect(exit(EETH, 1001n, ok(state({ redeemableEth: 1000n })))?.instantRedeemCapped).toBe(true);
  });

  it('nothing redeemable (below the low watermark or an empty bucket): 0 ETH now, capped', () => {
    expect(exit(WEETH, eth(1), ok(state({ redeemableEth: 0n })))).toEqual({ instantRedeemEth: 0n, instantRedeemCapped: true });
  });
});

describe('etherFiInstantExit: not available', () => {
  it('null when the path was not read or its read failed', () => {
    expect(exit(WEETH, eth(1), 'unread')).toEqual({ instantRedeemEth: null, instantRedeemCapped: false });
    expect(exit(EETH, eth(1), fail())).toEqual({ instantRedeemEth: null, instantRedeemCapped: false });
  });

  it('null while paused, or paused until a time at or after the block', () => {
    expect(exit(EETH, eth(1), ok(state({ paused: true })))?.instantRedeemEth).toBeNull();
    expect(exit(EETH, eth(1), ok(state({ pausedUntil: TIME })))?.instantRedeemEth).toBeNull();
    expect(exit(EETH, eth(1), ok(state({ pausedUntil: TIME - 1n })))?.instantRedeemEth).not.toBeNull();
  });

  it('bridged weETH on an L2 cannot use it: null, even with the mainnet path read', () => {
    expect(exit(L2_WEETH, eth(1))).toEqual({ instantRedeemEth: null, instantRedeemCapped: false });
  });

  it('other tokens carry no instant-redemption fields', () => {
    expect(exit(EZETH, eth(1))).toBeNull();
  });
});

describe('positions in the report', () => {
  const mainnet = (read: Read<EtherFiInstantState> | undefined) => snapshot({
    wallets: [wallet(WALLET_A, [balance('weETH@1', 1001n), balance('eETH@1', 1502n), balance('ezETH@1', eth(1))])],
    tokens: [tokenState('weETH@1', { marketRate: eth(1) }), tokenState('eETH@1'), tokenState('ezETH@1', { marketRate: eth(1) })],
    ...(read === undefined ? {} : { etherfiInstant: read }),
  });
  const exitOf = (r: ReturnType<typeof report>, id: string) => r.positions.find((p) => p.asset.tokenId === id)?.exit;

  it('ether.fi positions carry the figure; the market exit and the exit profile do not change', () => {
    const withPath = report([mainnet(ok(state()))]);
    const without = report([mainnet(undefined)]);
    expect(exitOf(withPath, 'weETH@1')).toMatchObject({ instantRedeemEth: 1495n, instantRedeemCapped: false });
    expect(exitOf(withPath, 'eETH@1')).toMatchObject({ instantRedeemEth: 1495n, instantRedeemCapped: false });
    expect(exitOf(withPath, 'ezETH@1')).not.toHaveProperty('instantRedeemEth');
    expect(exitOf(without, 'weETH@1')).toMatchObject({ instantRedeemEth: null });
    expect(exitOf(withPath, 'weETH@1')?.instantEth).toBe(exitOf(without, 'weETH@1')?.instantEth);
    expect(withPath.metrics.exit).toEqual(without.metrics.exit);
  });

  it('a failed read of the path leaves positions, warnings and degradation as they were', () => {
    const healthy = report([mainnet(ok(state()))]);
    const failed = report([mainnet(fail('fixture: reverting'))]);
    expect(failed.positions.map((p) => p.id)).toEqual(healthy.positions.map((p) => p.id));
    expect(failed.positions.map((p) => p.degraded)).toEqual(healthy.positions.map((p) => p.degraded));
    expect(failed.warnings.map((w) => [w.id, w.severity])).toEqual(healthy.warnings.map((w) => [w.id, w.severity]));
    expect(failed.unread).toEqual([]);
  });
});
