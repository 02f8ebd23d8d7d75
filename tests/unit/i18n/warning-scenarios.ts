// Reports and direct engine calls that between them raise every warning the engine can emit, in
// every wording variant (optional parts present and absent), for the message catalog tests.
import { registry } from '../../../shared/registry/registry';
import { defaultThresholds } from '../../../shared/settings/thresholds';
import { buildEngineContext } from '../../../shared/engine/build-engine-context';
import { buildWarnings } from '../../../shared/engine/build-warnings';
import { buildRedemptionWarnings } from '../../../shared/engine/build-redemption-warnings';
import type { PositionFacts } from '../../../shared/engine/build-positions';
import type { RedemptionNote } from '../../../shared/engine/build-redemption-positions';
import type { RedemptionRequest } from '../../../shared/redemption';
import type { Metrics, RiskReport, Warning } from '../../../shared/report';
import type { ChainSnapshot } from '../../../shared/snapshot';
import {
  AVS_1, BLOCK, E18, OP_1, OP_2, STRATEGY, TIME, WALLET_A, WALLET_B, addr, balance, eth, fail, operator, pod, queued, report, snapshot,
  staker, tokenState, wallet,
} from '../engine/snapshot-builder';

const weEth = (market: bigint | null): ChainSnapshot[] => [snapshot({
  tokens: [tokenState('weETH@1', { navRate: 1_050_000_000_000_000_000n, marketRate: market })],
  wallets: [wallet(WALLET_A, [balance('weETH@1', eth(1))])],
})];
const native = (allocations: { avs: `0x${string}`; id: number; strategy: `0x${string}`; magnitude: bigint }[], maxMagnitude = E18): ChainSnapshot[] => [snapshot({
  operators: [operator(OP_1, { maxMagnitudes: { [STRATEGY.beacon]: maxMagnitude }, allocations })],
  wallets: [wallet(WALLET_A, [], staker(WALLET_A, { delegatedTo: OP_1, pod: pod(eth(10)) }))],
})];
const bs = (id: number, magnitude: bigint) => ({ avs: AVS_1, id, strategy: STRATEGY.beacon, magnitude });

/** Every warning of the scenarios, in order. */
export function scenarioWarnings(): Warning[] {
  const all: Warning[] = [];
  const add = (r: RiskReport) => all.push(...r.warnings);
  add(report(weEth(1_029_000_000_000_000_000n)));
  add(report(weEth(1_018_500_000_000_000_000n)));
  add(report(native([])));
  add(report(native([bs(0, 4n * E18 / 10n)])));
  add(report(native([bs(0, 3n * E18 / 10n), bs(1, 3n * E18 / 10n)])));
  add(report(native([], 98n * E18 / 100n)));
  add(report(native([], 9n * E18 / 10n)));
  add(report(native([], E18 - 1n)));
  add(report(native([], E18 / 2000n)));
  add(report(native([0, 1, 2, 3, 4].map((i) => bs(i, E18 / 10n)))));
  add(report(native([bs(0, 9n * E18 / 10n)])));
  add(report(native([]), { now: TIME + 600n }));
  add(report(native([]), { now: TIME + 100_000n }));
  add(report([snapshot({ wallets: [wallet(WALLET_A, [], staker(WALLET_A, { queued: [queued({ root: 1, delegatedTo: OP_1, completableBlock: BLOCK + 1n, entries: [{ strategy: STRATEGY.beacon, amount: eth(1) }] })] }))] })]));
  add(report([snapshot({ wallets: [wallet(WALLET_A, [], staker(WALLET_A, { queued: [queued({ root: 1, delegatedTo: OP_1, completableBlock: BLOCK - 1n, entries: [{ strategy: STRATEGY.beacon, amount: eth(1.23456789) }] })] }))] })]));
  add(report([snapshot({ chainId: 8453, status: 'failed', blockNumber: null, blockTimestamp: null })]));
  add(report([snapshot({ status: 'partial', failedReads: [{ key: 'navRate:ezETH@1', target: null, call: 'getRate()', error: 'reverted' }], wallets: [wallet(WALLET_A, [balance('weETH@1', fail())])] })]));
  add(report([snapshot({ status: 'partial', failedReads: [{ key: 'navRate:ezETH@1', target: null, call: 'getRate()', error: 'reverted' }], wallets: [wallet(WALLET_A, [balance('weETH@1', eth(1))])] })]));
  add(report([snapshot({ status: 'partial', failedReads: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => ({ key: `navRate:${k}`, target: null, call: 'getRate()', error: 'x' })), wallets: [wallet(WALLET_A, [balance('weETH@1', eth(1))])] })]));
  add(report([snapshot({ status: 'partial', failedReads: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => ({ key: `navRate:${k}@1`, target: null, call: 'getRate()', error: 'x' })), wallets: [wallet(WALLET_A, [balance('weETH@1', fail())])] })]));
  // Reads about tokens no position stands on: info only, one and several.
  add(report([snapshot({ chainId: 42161, status: 'partial', failedReads: [{ key: 'token.paused:rsETH@1', target: null, call: 'paused()', error: 'x' }] })]));
  add(report([snapshot({ status: 'partial', failedReads: ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => ({ key: `token.navRate:${k}@1`, target: null, call: 'getRate()', error: 'x' })), wallets: [wallet(WALLET_A, [balance('weETH@1', eth(1))])] })]));
  add(report([snapshot({ tokens: [tokenState('ezETH@1', { paused: true })], wallets: [wallet(WALLET_A, [balance('ezETH@1', eth(1))])] })]));
  add(report([snapshot({ operators: [operator(OP_1), operator(OP_2)], wallets: [
    wallet(WALLET_A, [], staker(WALLET_A, { delegatedTo: OP_1, pod: pod(eth(1)) })),
    wallet(WALLET_B, [], staker(WALLET_B, { delegatedTo: OP_2, pod: pod(eth(1), addr(0x90e)) })),
  ] })], { thresholds: { concentrationOperatorTopShare: 0.9 }, wallets: [WALLET_A, WALLET_B] }));
  const base = report([snapshot({ tokens: [tokenState('ezETH@1', { navRate: E18 })], wallets: [wallet(WALLET_A, [balance('ezETH@1', eth(1))])] })]);
  add(report([snapshot({ tokens: [tokenState('ezETH@1', { navRate: 990_000_000_000_000_000n })], wallets: [wallet(WALLET_A, [balance('ezETH@1', eth(1))])] })], { previous: base }));
  add(report([snapshot({ tokens: [tokenState('ezETH@1', { navRate: E18 }), tokenState('weETH@1', { navRate: E18 })], wallets: [wallet(WALLET_A, [balance('ezETH@1', eth(1)), balance('weETH@1', eth(2))])] })]));
  // Direct: synthetic metrics for branches the snapshots above do not reach.
  const snaps = native([]);
  const r = report(snaps);
  const ctx = buildEngineContext(snaps, registry);
  const m = r.metrics;
  const metrics: Metrics = {
    ...m,
    depeg: [{ token: 'unknown@1', symbol: 'FOO', chainId: 1, navEthPerToken: E18, marketEthPerToken: 97n * E18 / 100n, depeg: -0.03, held: true }],
    concentration: [
      { dimension: 'protocol', top: { key: 'Renzo', label: 'Renzo', valueEth: eth(5), share: 0.5 }, hhi: 0.5 },
      { dimension: 'venue', top: { key: 'EigenLayer', label: 'EigenLayer', valueEth: eth(10), share: 1 }, hhi: 1 },
      { dimension: 'avs', top: { key: 'x', label: 'EigenDA', valueEth: eth(4), share: 0.4 }, hhi: 0.3 },
      { dimension: 'operator', top: { key: 'y', label: 'Op', valueEth: eth(1), share: 0.1 }, hhi: 0.3 },
    ],
    exit: { ...m.exit, lockedEth: eth(6), lockedShare: 0.6, beyondHorizonShare: 0.7, beyondHorizonEth: eth(7) },
  };
  // Partial facts: a claimable withdrawal's rule reads only these fields of the position.
  const fakeFacts = [
    { position: { kind: 'queued-withdrawal', id: 'p1', wallet: WALLET_A, valueEth: null, asset: { symbol: 'stETH' }, exit: { atNavSeconds: 0n, claimableAtBlock: null } } },
    { position: { kind: 'queued-withdrawal', id: 'p2', wallet: WALLET_B, valueEth: 1_000_000_000_000_000_000_000n, asset: { symbol: 'ETH' }, exit: { atNavSeconds: 0n, claimableAtBlock: 123n } } },
  ] as unknown as PositionFacts[];
  all.push(...buildWarnings({ ctx, snapshots: snaps, facts: fakeFacts, unread: [], metrics, thresholds: defaultThresholds, now: TIME, previous: new Map(), heldTokens: new Set() }));
  const mk = (o: Partial<RedemptionRequest>): RedemptionRequest => ({ protocol: 'Kelp', token: 'rsETH@1', contract: addr(0xc0), owner: WALLET_A, assetGiven: 'rsETH@1', amountLocked: eth(1), expectedAsset: 'ETH', expectedAmount: eth(1.5), claimableAtBlock: null, claimableAt: null, createdAt: null, startBlock: null, blockedReason: null, requestId: '7', status: 'pending', ...o });
  all.push(...buildRedemptionWarnings([
    { positionId: 'r1', request: mk({ status: 'claimable' }), expectedDelaySeconds: null, delayOnChain: false, overdueSeconds: null },
    { positionId: 'r2', request: mk({ status: 'claimable', requestId: '0xabc:42', expectedAsset: 'stETH', expectedAmount: 1_234_567_890_123_456_789n }), expectedDelaySeconds: 86_400n * 7n, delayOnChain: true, overdueSeconds: 3600n },
    { positionId: 'r3', request: mk({ protocol: 'ether.fi' }), expectedDelaySeconds: 86_400n * 7n + 5000n, delayOnChain: false, overdueSeconds: 86_400n * 2n },
  ] satisfies RedemptionNote[]));
  return all;
}
