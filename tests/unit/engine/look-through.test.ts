import { describe, expect, it } from 'vitest';
import type { ChainSnapshot, LrtLookThrough, OperatorState } from '../../../shared/snapshot';
import {
  AVS_1, AVS_2, BLOCK, E18, OP_1, OP_2, STRATEGY, WALLET_A, addr, balance, deposit, eth, fail, operator, pod, report, snapshot,
  staker, tokenState, wallet,
} from './snapshot-builder';

const tenth = E18 / 10n;

/** One wallet with 10 ETH of stETH restaked in EigenLayer, delegated to OP_1. */
function ownDelegation(op: OperatorState, delegatedTo: NonNullable<Parameters<typeof staker>[1]>['delegatedTo'] = OP_1): ChainSnapshot[] {
  return [snapshot({ operators: [op], wallets: [wallet(WALLET_A, [], staker(WALLET_A, { delegatedTo, deposits: [deposit(STRATEGY.stETH, eth(10))] }))] })];
}

describe('own delegation', () => {
  it.each([
    {
      name: 'two sets at 0.3 and 0.2 of an unslashed operator: 3 + 2 slashable, 5 nominal',
      op: operator(OP_1, { allocations: [
        { avs: AVS_1, id: 0, strategy: STRATEGY.stETH, magnitude: 3n * tenth },
        { avs: AVS_2, id: 1, strategy: STRATEGY.stETH, magnitude: 2n * tenth },
      ] }),
      sets: [[AVS_1, 0, eth(3)], [AVS_2, 1, eth(2)]], nominal: eth(5), unrestaked: 0n, degraded: false,
    },
    {
      name: 'slashed operator (max 0.5): magnitude 0.25 is half of what is left: 5 slashable, 5 nominal',
      op: operator(OP_1, { maxMagnitudes: { [STRATEGY.stETH]: 5n * tenth }, allocations: [{ avs: AVS_1, id: 0, strategy: STRATEGY.stETH, magnitude: 25n * E18 / 100n }] }),
      sets: [[AVS_1, 0, eth(5)]], nominal: eth(5), unrestaked: 0n, degraded: false,
    },
    {
      name: 'allocations to other strategies do not make this one slashable',
      op: operator(OP_1, { allocations: [{ avs: AVS_1, id: 0, strategy: STRATEGY.beacon, magnitude: E18 }] }),
      sets: [], nominal: eth(10), unrestaked: 0n, degraded: false,
    },
    {
      name: 'a pending increase already due is applied (0.1 + 0.2)',
      op: operator(OP_1, { allocations: [{ avs: AVS_1, id: 0, strategy: STRATEGY.stETH, magnitude: tenth, pendingDiff: 2n * tenth, effectBlock: BLOCK - 1n }] }),
      sets: [[AVS_1, 0, eth(3)]], nominal: eth(7), unrestaked: 0n, degraded: false,
    },
    {
      name: 'a pending increase not yet due is not applied',
      op: operator(OP_1, { allocations: [{ avs: AVS_1, id: 0, strategy: STRATEGY.stETH, magnitude: tenth, pendingDiff: 2n * tenth, effectBlock: BLOCK + 10n }] }),
      sets: [[AVS_1, 0, eth(1)]], nominal: eth(9), unrestaked: 0n, degraded: false,
    },
    {
      name: 'allocations unreadable: counted as none (all nominal) and degraded',
      op: operator(OP_1, { allocations: fail() }),
      sets: [], nominal: eth(10), unrestaked: 0n, degraded: true,
    },
  ])('$name', ({ op, sets, nominal, unrestaked, degraded }) => {
    const p = report(ownDelegation(op)).positions[0];
    expect(p?.exposure.operators).toEqual([{ operator: OP_1, valueEth: eth(10) }]);
    expect(p?.exposure.operatorSets.map((s) => [s.avs, s.id, s.slashableEth])).toEqual(sets);
    expect(p?.nominalEth).toBe(nominal);
    expect(p?.unrestakedEth).toBe(unrestaked);
    expect(p?.degraded).toBe(degraded);
  });

  it('not delegated: nothing attributed, all unrestaked', () => {
    const p = report(ownDelegation(operator(OP_1), null)).positions[0];
    expect(p?.exposure.operators).toEqual([]);
    expect(p?.unrestakedEth).toBe(eth(10));
    expect(p?.degraded).toBe(false);
  });

  it('delegation unreadable: nothing attributed, degraded', () => {
    const p = report(ownDelegation(operator(OP_1), fail())).positions[0];
    expect(p?.unrestakedEth).toBe(eth(10));
    expect(p?.degraded).toBe(true);
  });
});

/**
 * Renzo: 1000 ezETH at 1.1 ETH = 1100 ETH of NAV.
 * Staker S1 -> OP_1: 440 stETH in the stETH strategy + 220 ETH in its pod; S2 -> OP_2: 330 ETH pod;
 * S3 undelegated: 100 ETH pod (not attributed).
 */
function renzo(userEzEth: bigint, o: { supply?: bigint; lookThrough?: LrtLookThrough } = {}): ChainSnapshot[] {
  return [snapshot({
    tokens: [tokenState('ezETH@1', { navRate: 1_100_000_000_000_000_000n, totalSupply: o.supply ?? eth(1000) })],
    lookThrough: [o.lookThrough ?? {
      token: 'ezETH@1',
      stakers: [
        staker(addr(0x51), { delegatedTo: OP_1, deposits: [deposit(STRATEGY.stETH, eth(440))], pod: pod(eth(220)) }),
        staker(addr(0x52), { delegatedTo: OP_2, pod: pod(eth(330)) }),
        staker(addr(0x53), { delegatedTo: null, pod: pod(eth(100)) }),
      ],
    }],
    operators: [
      operator(OP_1, { allocations: [
        { avs: AVS_1, id: 0, strategy: STRATEGY.stETH, magnitude: 5n * tenth },
        { avs: AVS_1, id: 0, strategy: STRATEGY.beacon, magnitude: 25n * E18 / 100n },
      ] }),
      operator(OP_2),
    ],
    wallets: [wallet(WALLET_A, [balance('ezETH@1', userEzEth)])],
  })];
}

describe('LRT look-through', () => {
  it('attributes the user value pro rata to the protocol\'s restaked ETH over its total NAV', () => {
    // User: 10 ezETH = 11 ETH. OP_1: 11 × 440/1100 + 11 × 220/1100 = 4.4 + 2.2; OP_2: 11 × 330/1100 = 3.3; rest 1.1.
    const p = report(renzo(eth(10))).positions[0];
    expect(p?.valueEth).toBe(eth(11));
    expect(p?.exposure.operators).toEqual([{ operator: OP_1, valueEth: eth(6.6) }, { operator: OP_2, valueEth: eth(3.3) }]);
    expect(p?.unrestakedEth).toBe(eth(1.1));
    // Slashable: 4.4 × 0.5 + 2.2 × 0.25 = 2.2 + 0.55 on the same set.
    expect(p?.exposure.operatorSets).toEqual([{ avs: AVS_1, id: 0, operator: OP_1, slashableEth: eth(2.75) }]);
    // Nominal: (4.4 − 2.2) + (2.2 − 0.55) + 3.3.
    expect(p?.nominalEth).toBe(eth(7.15));
    expect(p?.stack.map((l) => l.layer)).toEqual(['lrt', 'venue', 'operator', 'operator', 'avs', 'beacon']);
  });

  it('assigns floor remainders to unrestaked so the parts add up exactly', () => {
    // Supply 3 wei at rate 1 → NAV 3 wei; three operators hold 1 wei each; user 10 wei: each floor(10/3) = 3, 1 wei left.
    const snaps = [snapshot({
      tokens: [tokenState('ezETH@1', { navRate: E18, totalSupply: 3n })],
      lookThrough: [{ token: 'ezETH@1', stakers: [1, 2, 3].map((i) => staker(addr(0x50 + i), { delegatedTo: addr(0x0c0 + i), pod: pod(1n) })) }],
      operators: [1, 2, 3].map((i) => operator(addr(0x0c0 + i))),
      wallets: [wallet(WALLET_A, [balance('ezETH@1', 10n)])],
    })];
    const p = report(snaps).positions[0];
    expect(p?.exposure.operators.map((o) => o.valueEth)).toEqual([3n, 3n, 3n]);
    expect(p?.unrestakedEth).toBe(1n);
  });

  it('zero supply with restaked stake: the stake is the denominator (fully attributed, no division by zero)', () => {
    const p = report(renzo(eth(10), { supply: 0n })).positions[0];
    // Denominator = 440 + 220 + 330 = 990: OP_1 = floor(11e18 × 660/990) = 7_333…333; OP_2 = floor(11e18 × 330/990) = 3_666…666.
    expect(p?.exposure.operators.map((o) => o.valueEth)).toEqual([7_333_333_333_333_333_333n, 3_666_666_666_666_666_666n]);
    // 11e18 − 7_333…333 − 3_666…666 = 1 wei of rounding, kept as unrestaked.
    expect(p?.unrestakedEth).toBe(1n);
  });

  it('zero supply and no stakers: everything unrestaked', () => {
    const p = report(renzo(eth(1), { supply: 0n, lookThrough: { token: 'ezETH@1', stakers: [] } })).positions[0];
    expect(p?.exposure.operators).toEqual([]);
    expect(p?.unrestakedEth).toBe(eth(1.1));
  });

  it('restaked more than the NAV (stale supply): shares are capped at the whole', () => {
    const p = report(renzo(eth(10), { supply: eth(100) })).positions[0];
    const sum = (p?.exposure.operators ?? []).reduce((a, o) => a + o.valueEth, 0n) + (p?.unrestakedEth ?? 0n);
    expect(sum).toBe(eth(11));
  });

  it('weETH looks through eETH: the denominator is eETH\'s supply (the whole pool)', () => {
    // eETH supply 2000 (1:1 ETH); staker pod 1000 ETH to OP_1. User 1 weETH = 1.05 ETH → 0.525 to OP_1.
    const snaps = [snapshot({
      tokens: [tokenState('weETH@1', { navRate: 1_050_000_000_000_000_000n, totalSupply: eth(500) }), tokenState('eETH@1', { totalSupply: eth(2000) })],
      lookThrough: [{ token: 'eETH@1', stakers: [staker(addr(0x61), { delegatedTo: OP_1, pod: pod(eth(1000)) })] }],
      operators: [operator(OP_1)],
      wallets: [wallet(WALLET_A, [balance('weETH@1', eth(1))])],
    })];
    const p = report(snaps).positions[0];
    expect(p?.exposure.operators).toEqual([{ operator: OP_1, valueEth: eth(0.525) }]);
    expect(p?.unrestakedEth).toBe(eth(0.525));
  });

  it('a staker whose reads failed makes the position degraded', () => {
    const p = report(renzo(eth(1), { lookThrough: { token: 'ezETH@1', stakers: [staker(addr(0x51), { delegatedTo: OP_1, deposits: fail() })] } })).positions[0];
    expect(p?.degraded).toBe(true);
  });

  it('an LRT staker\'s queued withdrawals count for the operator they were queued with until completable', () => {
    const queued = (n: number, completableBlock: bigint) => ({
      root: `0x${String(n).padStart(64, '0')}` as const, staker: addr(0x53), delegatedTo: OP_2, withdrawer: addr(0x53), nonce: BigInt(n), startBlock: BLOCK - 5n, completableBlock,
      entries: [{ strategy: STRATEGY.beacon, scaledShares: eth(100), withdrawableShares: eth(100), underlyingToken: STRATEGY.beacon, withdrawableUnderlying: eth(100) }],
    });
    const withQueue = (completableBlock: bigint) => report(renzo(eth(11), { lookThrough: { token: 'ezETH@1', stakers: [
      staker(addr(0x51), { delegatedTo: OP_1, deposits: [deposit(STRATEGY.stETH, eth(440))], pod: pod(eth(220)) }),
      staker(addr(0x52), { delegatedTo: OP_2, pod: pod(eth(330)) }),
      // Undelegated since it queued 100 ETH with OP_2: still OP_2's until the withdrawal can be completed.
      staker(addr(0x53), { delegatedTo: null, queued: [queued(1, completableBlock)] }),
    ] } })).positions[0];
    // 11 ezETH at 1.1 = 12.1 ETH; OP_2 backs 330 + 100 of the 1,100 ETH behind ezETH.
    const pending = withQueue(BLOCK + 10n);
    expect(pending?.exposure.operators.find((o) => o.operator === OP_2)?.valueEth).toBe((eth(12.1) * 430n) / 1100n);
    expect(pending?.degraded).toBe(false);
    // Completable: it no longer answers to OP_2 (and is not restaked).
    const due = withQueue(BLOCK);
    expect(due?.exposure.operators.find((o) => o.operator === OP_2)?.valueEth).toBe((eth(12.1) * 330n) / 1100n);
  });

  it('queued withdrawals stay slashable by their operator until completable', () => {
    const snaps = [snapshot({
      operators: [operator(OP_1, { allocations: [{ avs: AVS_1, id: 0, strategy: STRATEGY.beacon, magnitude: tenth }] })],
      wallets: [wallet(WALLET_A, [], staker(WALLET_A, { queued: [
        { root: `0x${'1'.padStart(64, '0')}`, staker: WALLET_A, delegatedTo: OP_1, withdrawer: WALLET_A, nonce: 0n, startBlock: BLOCK, completableBlock: BLOCK + 10n,
          entries: [{ strategy: STRATEGY.beacon, scaledShares: eth(32), withdrawableShares: eth(32), underlyingToken: STRATEGY.beacon, withdrawableUnderlying: eth(32) }] },
        { root: `0x${'2'.padStart(64, '0')}`, staker: WALLET_A, delegatedTo: OP_1, withdrawer: WALLET_A, nonce: 1n, startBlock: BLOCK, completableBlock: BLOCK,
          entries: [{ strategy: STRATEGY.beacon, scaledShares: eth(32), withdrawableShares: eth(32), underlyingToken: STRATEGY.beacon, withdrawableUnderlying: eth(32) }] },
      ] }))],
    })];
    const [pending, due] = report(snaps).positions;
    expect(pending?.exposure.operatorSets.map((s) => s.slashableEth)).toEqual([eth(3.2)]);
    expect(due?.exposure.operators).toEqual([]);
    expect(due?.unrestakedEth).toBe(eth(32));
  });
});
