import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import type { RiskReport } from '../../../shared/report';
import type { Thresholds } from '../../../shared/settings/thresholds';
import type { ChainSnapshot } from '../../../shared/snapshot';
import type { AllocationSpec } from './snapshot-builder';
import {
  AVS_1, BLOCK, E18, OP_1, OP_2, STRATEGY, TIME, WALLET_A, WALLET_B, addr, balance, eth, fail, operator, pod, queued, report, snapshot,
  staker, tokenState, wallet,
} from './snapshot-builder';

const OP = OP_1.toLowerCase();
const pick = (r: RiskReport, kind: string) => r.warnings.filter((w) => w.kind === kind).map((w) => [w.id, w.severity, w.value, w.threshold]);

/** Wallet A holds 1 weETH at NAV 1.05 with the given market price. */
const weEth = (market: bigint | null, o: { held?: boolean } = {}): ChainSnapshot[] => [snapshot({
  tokens: [tokenState('weETH@1', { navRate: 1_050_000_000_000_000_000n, marketRate: market })],
  wallets: [wallet(WALLET_A, o.held === false ? [balance('ezETH@1', eth(1))] : [balance('weETH@1', eth(1))])],
})];

/** Wallet A restakes 10 ETH natively with OP_1 (given max magnitude and allocations on the beacon strategy). */
const native = (allocations: AllocationSpec[], maxMagnitude = E18): ChainSnapshot[] => [snapshot({
  operators: [operator(OP_1, { maxMagnitudes: { [STRATEGY.beacon]: maxMagnitude }, allocations })],
  wallets: [wallet(WALLET_A, [], staker(WALLET_A, { delegatedTo: OP_1, pod: pod(eth(10)) }))],
})];
const beaconSet = (id: number, magnitude: bigint): AllocationSpec => ({ avs: AVS_1, id, strategy: STRATEGY.beacon, magnitude });

describe('warning rules', () => {
  const cases: { name: string; snaps: ChainSnapshot[]; kind: string; expected: unknown[][]; thresholds?: Partial<Thresholds>; now?: bigint }[] = [
    { name: 'depeg 2% below NAV: warning', snaps: weEth(1_029_000_000_000_000_000n), kind: 'depeg', expected: [['depeg:weETH@1', 'warning', 0.02, 0.01]] },
    { name: 'depeg 3% below NAV: critical', snaps: weEth(1_018_500_000_000_000_000n), kind: 'depeg', expected: [['depeg:weETH@1', 'critical', 0.03, 0.03]] },
    { name: 'depeg just under 1%: nothing', snaps: weEth(1_040_000_000_000_000_000n), kind: 'depeg', expected: [] },
    { name: 'premium above NAV: nothing', snaps: weEth(1_100_000_000_000_000_000n), kind: 'depeg', expected: [] },
    { name: 'depeg of a token not held: nothing', snaps: weEth(900_000_000_000_000_000n, { held: false }), kind: 'depeg', expected: [] },
    { name: 'no market price: nothing', snaps: weEth(null), kind: 'depeg', expected: [] },
    {
      name: 'depeg threshold from settings', snaps: weEth(1_040_000_000_000_000_000n), kind: 'depeg', thresholds: { depegWarning: 0.005 },
      expected: [['depeg:weETH@1', 'warning', 0.009523809523, 0.005]],
    },
    { name: 'one operator holds all delegated ETH', snaps: native([]), kind: 'concentration-operator', expected: [[`concentration-operator:${OP}`, 'warning', 1, 0.33]] },
    { name: 'one venue holds everything: info only', snaps: native([]), kind: 'concentration-venue', expected: [['concentration-venue:EigenLayer', 'info', 1, 0.8]] },
    { name: 'no LRT protocol: no protocol concentration', snaps: native([]), kind: 'concentration-protocol', expected: [] },
    { name: 'one AVS can slash 30%', snaps: native([beaconSet(0, 3n * E18 / 10n)]), kind: 'concentration-avs', expected: [] },
    { name: 'one AVS can slash 40%', snaps: native([beaconSet(0, 4n * E18 / 10n)]), kind: 'concentration-avs', expected: [[`concentration-avs:${AVS_1.toLowerCase()}`, 'warning', 0.4, 0.33]] },
    {
      name: 'two operators at 50%: HHI 0.5 when the top-share rule does not fire',
      snaps: [snapshot({
        operators: [operator(OP_1), operator(OP_2)],
        wallets: [
          wallet(WALLET_A, [], staker(WALLET_A, { delegatedTo: OP_1, pod: pod(eth(1)) })),
          wallet(WALLET_B, [], staker(WALLET_B, { delegatedTo: OP_2, pod: pod(eth(1), addr(0x90e)) })),
        ],
      })],
      thresholds: { concentrationOperatorTopShare: 0.9 }, kind: 'concentration-hhi', expected: [['concentration-hhi:operator', 'warning', 0.5, 0.25]],
    },
    { name: 'slashable 20%: nothing', snaps: native([beaconSet(0, 2n * E18 / 10n)]), kind: 'slashable-exposure', expected: [] },
    { name: 'slashable 30%: warning', snaps: native([beaconSet(0, 3n * E18 / 10n)]), kind: 'slashable-exposure', expected: [['slashable-exposure:portfolio', 'warning', 0.3, 0.25]] },
    {
      name: 'slashable 60% over two sets: critical',
      snaps: native([beaconSet(0, 3n * E18 / 10n), beaconSet(1, 3n * E18 / 10n)]), kind: 'slashable-exposure',
      expected: [['slashable-exposure:portfolio', 'critical', 0.6, 0.5]],
    },
    { name: 'unslashed operator: nothing', snaps: native([]), kind: 'operator-slashed', expected: [] },
    { name: 'max magnitude cut 2%: warning', snaps: native([], 98n * E18 / 100n), kind: 'operator-slashed', expected: [[`operator-slashed:${OP}`, 'warning', 0.02, 0]] },
    { name: 'max magnitude cut 10%: critical', snaps: native([], 9n * E18 / 10n), kind: 'operator-slashed', expected: [[`operator-slashed:${OP}`, 'critical', 0.1, 0.05]] },
    { name: 'max magnitude cut by one wei: warning', snaps: native([], E18 - 1n), kind: 'operator-slashed', expected: [[`operator-slashed:${OP}`, 'warning', 1e-18, 0]] },
    { name: 'max magnitude 0.0005: tiny', snaps: native([], E18 / 2000n), kind: 'operator-tiny-magnitude', expected: [[`operator-tiny-magnitude:${OP}`, 'warning', 0.0005, 0.001]] },
    { name: 'max magnitude 0.5: not tiny', snaps: native([], E18 / 2n), kind: 'operator-tiny-magnitude', expected: [] },
    { name: 'delegated, nothing allocated: nominal security (info)', snaps: native([]), kind: 'nominal-security', expected: [['nominal-security:portfolio', 'info', 1, 0.9]] },
    { name: 'half allocated: no nominal-security', snaps: native([beaconSet(0, E18 / 2n)]), kind: 'nominal-security', expected: [] },
    {
      name: 'five sets: leverage by count', snaps: native([0, 1, 2, 3, 4].map((i) => beaconSet(i, E18 / 10n))), kind: 'restaking-leverage',
      expected: [[`restaking-leverage:${OP}:sets`, 'warning', 5, 5]],
    },
    { name: 'four sets: no leverage warning', snaps: native([0, 1, 2, 3].map((i) => beaconSet(i, E18 / 10n))), kind: 'restaking-leverage', expected: [] },
    {
      name: '90% of the stake allocated: leverage by magnitude', snaps: native([beaconSet(0, 9n * E18 / 10n)]), kind: 'restaking-leverage',
      expected: [[`restaking-leverage:${OP}:magnitude`, 'warning', 0.9, 0.9]],
    },
    { name: 'all value needs 14 days, horizon 7: exit mismatch', snaps: native([]), kind: 'exit-mismatch', expected: [['exit-mismatch:portfolio', 'warning', 1, 0.5]] },
    { name: 'horizon of 14 days: no exit mismatch', snaps: native([]), kind: 'exit-mismatch', thresholds: { exitHorizonDays: 14 }, expected: [] },
    {
      name: 'a pending queued withdrawal locks the portfolio',
      snaps: [snapshot({ wallets: [wallet(WALLET_A, [], staker(WALLET_A, { queued: [queued({ root: 1, delegatedTo: OP_1, completableBlock: BLOCK + 1n, entries: [{ strategy: STRATEGY.beacon, amount: eth(1) }] })] }))] })],
      kind: 'liquidity-locked', expected: [['liquidity-locked:portfolio', 'warning', 1, 0.5]],
    },
    { name: 'block 599 s old: fresh', snaps: native([]), now: TIME + 599n, kind: 'stale-data', expected: [] },
    { name: 'block 600 s old: stale', snaps: native([]), now: TIME + 600n, kind: 'stale-data', expected: [['stale-data:1', 'warning', 600, 600]] },
    {
      name: 'failed chain: stale-data without a value',
      snaps: [snapshot({ chainId: 8453, status: 'failed', blockNumber: null, blockTimestamp: null })], kind: 'stale-data', expected: [['stale-data:8453', 'warning', null, 600]],
    },
    {
      name: 'failed reads counted per chain (snapshot failures + unread balances)',
      snaps: [snapshot({
        status: 'partial',
        failedReads: [{ key: 'navRate:ezETH@1', target: null, call: 'getRate()', error: 'reverted' }],
        wallets: [wallet(WALLET_A, [balance('weETH@1', fail())])],
      })],
      kind: 'failed-reads', expected: [['failed-reads:1', 'warning', 2, 0]],
    },
    {
      name: 'paused held token',
      snaps: [snapshot({ tokens: [tokenState('ezETH@1', { paused: true }), tokenState('rsETH@1', { paused: true })], wallets: [wallet(WALLET_A, [balance('ezETH@1', eth(1))])] })],
      kind: 'token-paused', expected: [['token-paused:ezETH@1', 'warning', 1, null]],
    },
  ];
  it.each(cases)('$name', ({ snaps, kind, expected, thresholds, now }) => {
    const r = report(snaps, { wallets: [WALLET_A, WALLET_B], ...(thresholds ? { thresholds } : {}), ...(now === undefined ? {} : { now }) });
    expect(pick(r, kind)).toEqual(expected);
  });
});

describe('NAV drop rule (needs the previous report)', () => {
  const at = (rate: bigint, previous: RiskReport | null) =>
    report([snapshot({ tokens: [tokenState('ezETH@1', { navRate: rate })], wallets: [wallet(WALLET_A, [balance('ezETH@1', eth(1))])] })], { previous });
  const base = at(E18, null);
  it.each([
    { rate: 999_000_000_000_000_000n, expected: [['nav-drop:ezETH@1', 'warning', 0.001, 0.001]] },
    { rate: 990_000_000_000_000_000n, expected: [['nav-drop:ezETH@1', 'critical', 0.01, 0.01]] },
    { rate: 999_500_000_000_000_000n, expected: [] },
    { rate: 1_010_000_000_000_000_000n, expected: [] },
  ])('NAV 1 -> $rate', ({ rate, expected }) => {
    expect(pick(at(rate, base), 'nav-drop')).toEqual(expected);
  });
  it('first report: no NAV drop', () => {
    expect(pick(base, 'nav-drop')).toEqual([]);
  });
});

describe('hysteresis', () => {
  const previousWith = (severity: 'warning' | 'critical'): RiskReport => {
    const r = report(weEth(severity === 'critical' ? 1_018_500_000_000_000_000n : 1_029_000_000_000_000_000n));
    expect(pick(r, 'depeg')[0]?.[1]).toBe(severity);
    return r;
  };
  it.each([
    { name: 'active warning holds at 0.95% (≥ 0.9%)', market: 1_040_025_000_000_000_000n, prev: 'warning' as const, expected: 'warning' },
    { name: 'active warning clears at 0.85%', market: 1_041_075_000_000_000_000n, prev: 'warning' as const, expected: null },
    { name: 'inactive warning does not start at 0.95%', market: 1_040_025_000_000_000_000n, prev: null, expected: null },
    { name: 'active critical holds at 2.8% (≥ 2.7%)', market: 1_020_600_000_000_000_000n, prev: 'critical' as const, expected: 'critical' },
    { name: 'active critical drops to warning at 2.6%', market: 1_022_700_000_000_000_000n, prev: 'critical' as const, expected: 'warning' },
  ])('$name', ({ market, prev, expected }) => {
    const r = report(weEth(market), { previous: prev === null ? null : previousWith(prev) });
    expect(r.warnings.find((w) => w.kind === 'depeg')?.severity ?? null).toBe(expected);
  });
});

describe('warning shape and order', () => {
  it('sorted by severity (critical first), then id; every warning explains itself', () => {
    const r = report([snapshot({
      tokens: [tokenState('weETH@1', { navRate: 1_050_000_000_000_000_000n, marketRate: 1_018_500_000_000_000_000n })],
      operators: [operator(OP_1, { maxMagnitudes: { [STRATEGY.beacon]: 9n * E18 / 10n }, allocations: [beaconSet(0, 6n * E18 / 10n)] })],
      wallets: [wallet(WALLET_A, [balance('weETH@1', eth(1))], staker(WALLET_A, { delegatedTo: OP_1, pod: pod(eth(10)) }))],
    })]);
    const ranks = { critical: 0, warning: 1, info: 2 };
    const keys = r.warnings.map((w) => [ranks[w.severity], w.id] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(r.warnings[0]?.severity).toBe('critical');
    for (const w of r.warnings) {
      expect(w.id).toBe(`${w.kind}:${w.subject}`);
      expect(w.title.length).toBeGreaterThan(5);
      expect(w.explanation.length).toBeGreaterThan(20);
      expect(w.action.length).toBeGreaterThan(10);
    }
  });

  it('ids are stable across refreshes with the same facts', () => {
    const snaps = native([beaconSet(0, 6n * E18 / 10n)]);
    const ids = (a: Address) => report(snaps, { wallets: [a] }).warnings.map((w) => w.id);
    expect(ids(WALLET_A)).toEqual(ids(WALLET_A));
  });
});
