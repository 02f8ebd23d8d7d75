import { describe, expect, it } from 'vitest';
import type { RiskReport } from '../../../shared/report';
import type { ChainSnapshot } from '../../../shared/snapshot';
import {
  AVS_1, E18, OP_1, STRATEGY, TIME, WALLET_A, WALLET_B, balance, eth, operator, pod, report, snapshot, staker, tokenState, wallet,
} from './snapshot-builder';

const A = WALLET_A.toLowerCase();
const B = WALLET_B.toLowerCase();
const OP = OP_1.toLowerCase();

/**
 * Wallet A: 2 weETH at NAV 1 (ether.fi, exit 5 days by default) and 1 ezETH at NAV 1 (Renzo, 0.5 day read on chain).
 * Wallet B: 1 ETH in an EigenPod delegated to OP_1, which allocated 0.5 of its beacon stake to AVS_1 set 0.
 * No look-through data for the LRTs and no market prices. Total 4 ETH.
 */
function mixed(): ChainSnapshot[] {
  return [snapshot({
    tokens: [tokenState('weETH@1', { navRate: E18 }), tokenState('ezETH@1', { navRate: E18, redemptionDelaySeconds: 43_200n })],
    operators: [operator(OP_1, { allocations: [{ avs: AVS_1, id: 0, strategy: STRATEGY.beacon, magnitude: E18 / 2n }] })],
    wallets: [
      wallet(WALLET_A, [balance('weETH@1', eth(2)), balance('ezETH@1', eth(1))]),
      wallet(WALLET_B, [], staker(WALLET_B, { delegatedTo: OP_1, pod: pod(eth(1)) })),
    ],
  })];
}
const shares = (list: readonly { key: string; valueEth: bigint; share: number }[]) => list.map((s) => [s.key, s.valueEth, s.share]);

describe('metrics of a mixed portfolio (hand-computed)', () => {
  const r: RiskReport = report(mixed(), { wallets: [WALLET_A, WALLET_B] });
  const m = r.metrics;

  it('totals', () => {
    expect(m.totalValueEth).toBe(eth(4));
    // No market prices: market total falls back to NAV.
    expect(m.totalMarketValueEth).toBe(eth(4));
    expect(r.wallets.map((w) => [w.address, w.valueEth, w.positionCount])).toEqual([[WALLET_A, eth(3), 2], [WALLET_B, eth(1), 1]]);
  });

  it.each([
    ['protocol', [['ether.fi', eth(2), 0.5], ['Renzo', eth(1), 0.25], ['direct', eth(1), 0.25]]],
    ['venue', [['EigenLayer', eth(4), 1]]],
    ['operator', [['unattributed', eth(3), 0.75], [OP, eth(1), 0.25]]],
    ['avs', [[AVS_1.toLowerCase(), eth(0.5), 0.125]]],
    ['chain', [['1', eth(4), 1]]],
    ['wallet', [[A, eth(3), 0.75], [B, eth(1), 0.25]]],
    ['layer', [['lrt', eth(3), 0.75], ['venue', eth(4), 1], ['operator', eth(1), 0.25], ['avs', eth(0.5), 0.125], ['beacon', eth(4), 1]]],
  ] as const)('exposure by %s', (dimension, expected) => {
    expect(shares(m.exposure[dimension])).toEqual(expected);
  });

  it.each([
    ['protocol', 'ether.fi', 0.5, 0.3125],
    ['venue', 'EigenLayer', 1, 1],
    ['operator', OP, 0.25, 0.0625],
    ['avs', AVS_1.toLowerCase(), 0.125, 0.015625],
  ])('concentration by %s: top %s at %d, HHI %d', (dimension, top, share, hhi) => {
    const c = m.concentration.find((x) => x.dimension === dimension);
    expect(c?.top?.key).toBe(top);
    expect(c?.top?.share).toBe(share);
    expect(c?.hhi).toBeCloseTo(hhi, 12);
  });

  it('slashable exposure, worst case, nominal', () => {
    expect(m.slashable.perOperatorSet.map((s) => [s.avs, s.id, s.operator, s.slashableEth, s.share])).toEqual([[AVS_1, 0, OP_1, eth(0.5), 0.125]]);
    expect(m.slashable).toMatchObject({
      worstCaseEth: eth(0.5), worstCaseShare: 0.125, delegatedEth: eth(1), nominalEth: eth(0.5), nominalShare: 0.125,
      nominalShareOfDelegated: 0.5, unrestakedEth: eth(3),
    });
  });

  it('restaking leverage per operator', () => {
    expect(m.leverage).toEqual([{ operator: OP_1, exposureEth: eth(1), sets: 1, magnitudeSum: 0.5, maxMagnitude: 1, slashedFraction: 0, degraded: false }]);
  });

  it('exit profile: 0.5 day, 5 days (default), 14 days (EigenLayer)', () => {
    expect(m.exit.buckets.map((b) => [b.withinDays, b.valueEth, b.share])).toEqual([[1, eth(1), 0.25], [7, eth(3), 0.75], [30, eth(4), 1]]);
    expect(m.exit).toMatchObject({ laterEth: 0n, unknownEth: 0n, instantEth: 0n, beyondHorizonEth: eth(1), beyondHorizonShare: 0.25, horizonDays: 7, lockedEth: 0n });
  });

  it('stack depth: (4 × 2 + 3 × 1 + 4 × 1) / 4', () => {
    expect(m.stackDepth).toEqual({ weighted: 3.75, max: 4 });
  });

  it('stress tests at 10% depeg and 30% slash', () => {
    expect(m.stress.scenarios.map((s) => [s.id, s.lossEth])).toEqual([
      ['combined:all', eth(0.45)],
      ['depeg-all:all', eth(0.3)],
      ['depeg:weETH@1', eth(0.2)],
      ['slash-all:all', eth(0.15)],
      [`slash:${OP}`, eth(0.15)],
      ['depeg:ezETH@1', eth(0.1)],
    ]);
    expect(m.stress.worst?.id).toBe('combined:all');
  });

  it('risk score = 30·0.125 + 20·0.3125 + 20·0.25 + 15·0 + 10·(3.75−1)/6 + 5·0 = 19.58 → 20', () => {
    expect(m.riskScore.score).toBe(20);
    expect(m.riskScore.components.map((c) => [c.key, c.value])).toEqual([
      ['slashable', 0.125], ['concentration', 0.3125], ['exit', 0.25], ['depeg', 0], ['nesting', (3.75 - 1) / 6], ['nav-drop', 0],
    ]);
  });
});

describe('depeg and NAV drop', () => {
  const snap = (weEthRate: bigint, market: bigint | null) => [snapshot({
    tokens: [tokenState('weETH@1', { navRate: weEthRate, marketRate: market }), tokenState('ezETH@1', { navRate: E18, marketRate: E18 })],
    wallets: [wallet(WALLET_A, [balance('weETH@1', eth(1))])],
  })];

  it('depeg = market / NAV − 1 per token; held marks tokens in the portfolio', () => {
    const m = report(snap(1_050_000_000_000_000_000n, 1_018_500_000_000_000_000n)).metrics;
    expect(m.depeg.map((d) => [d.token, d.navEthPerToken, d.marketEthPerToken, d.depeg, d.held])).toEqual([
      ['ezETH@1', E18, E18, 0, false],
      ['weETH@1', 1_050_000_000_000_000_000n, 1_018_500_000_000_000_000n, -0.03, true],
    ]);
  });

  it('no market price: no depeg entry', () => {
    expect(report(snap(E18, null)).metrics.depeg.map((d) => d.token)).toEqual(['ezETH@1']);
  });

  it('NAV drop against the previous report; navRates carry the baseline over a failed read', () => {
    const first = report(snap(1_050_000_000_000_000_000n, null));
    expect(first.navRates.find((n) => n.token === 'weETH@1')).toEqual({ token: 'weETH@1', ethPerToken: 1_050_000_000_000_000_000n, asOf: TIME });
    const second = report(snap(1_039_500_000_000_000_000n, null), { previous: first });
    expect(second.metrics.navDrops.find((d) => d.token === 'weETH@1')).toEqual({
      token: 'weETH@1', previousEthPerToken: 1_050_000_000_000_000_000n, ethPerToken: 1_039_500_000_000_000_000n, drop: 0.01,
    });
    const failed = report([snapshot({ tokens: [tokenState('weETH@1', { navRate: { ok: false, error: 'x' } })] })], { previous: first });
    expect(failed.navRates.find((n) => n.token === 'weETH@1')?.ethPerToken).toBe(1_050_000_000_000_000_000n);
    expect(failed.metrics.navDrops).toEqual([]);
  });
});

describe('edge cases', () => {
  it('empty portfolio: zeros, no shares, no scenarios, score 0, no warnings', () => {
    const r = report([snapshot()]);
    expect(r.positions).toEqual([]);
    expect(r.metrics.totalValueEth).toBe(0n);
    expect(Object.values(r.metrics.exposure).every((list) => list.length === 0)).toBe(true);
    expect(r.metrics.concentration.every((c) => c.top === null && c.hhi === 0)).toBe(true);
    expect(r.metrics.stress).toEqual({ depegPercent: 10, slashPercent: 30, scenarios: [], worst: null });
    expect(r.metrics.riskScore.score).toBe(0);
    expect(r.metrics.stackDepth).toEqual({ weighted: 0, max: 0 });
    expect(r.warnings).toEqual([]);
  });

  it('no snapshots at all', () => {
    const r = report([]);
    expect(r.chains).toEqual([]);
    expect(r.metrics.totalValueEth).toBe(0n);
  });

  it('huge values (1e30 ETH) stay exact and shares stay in [0, 1]', () => {
    const big = eth(10n ** 30n);
    const r = report([snapshot({
      tokens: [tokenState('ezETH@1', { navRate: E18 })],
      wallets: [wallet(WALLET_A, [balance('ezETH@1', big)], staker(WALLET_A, { pod: pod(big + 1n) }))],
    })]);
    expect(r.metrics.totalValueEth).toBe(2n * big + 1n);
    expect(r.metrics.exposure.protocol.map((s) => s.valueEth)).toEqual([big + 1n, big]);
    // Shares are floored at 12 decimals: big / (2 big + 1) is just under one half.
    expect(r.metrics.exposure.protocol.map((s) => s.share)).toEqual([0.5, 0.499999999999]);
    expect(r.metrics.stress.worst?.lossEth).toBe(big / 10n);
  });

  it('generatedAt is the given now; chains are summarised in chain-id order', () => {
    const r = report([snapshot({ chainId: 8453, blockNumber: 5n }), snapshot({ chainId: 1 })], { now: 123n });
    expect(r.generatedAt).toBe(123n);
    expect(r.chains.map((c) => [c.chainId, c.blockNumber])).toEqual([[1, 20_000_000n], [8453, 5n]]);
  });
});
