import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import type { ChainSnapshot, StakerEigenState, TokenBalance } from '../../../shared/snapshot';
import type { AllocationSpec } from './snapshot-builder';
import {
  BLOCK, E18, STRATEGY, addr, balance, deposit, fail, operator, pod, queued, report, snapshot, staker, tokenState, wallet,
} from './snapshot-builder';

const OPERATORS = [addr(0x100), addr(0x101), addr(0x102)];
const AVSS = [addr(0xa00), addr(0xa01)];
const WALLETS = [addr(0x1000), addr(0x1001), addr(0x1002)];

const amount = fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10n ** 24n }), fc.bigInt({ min: 1n, max: 10n ** 40n }));
const rate = fc.bigInt({ min: E18 / 2n, max: 2n * E18 });
const maybeOperator = fc.option(fc.constantFrom(...OPERATORS), { nil: null });

/** Magnitudes for up to four sets of one strategy, summing to at most maxMagnitude. */
const allocationsFor = (strategy: Address) => fc.array(fc.tuple(fc.constantFrom(...AVSS), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 1000 })), { maxLength: 4 })
  .map((list) => {
    const seen = new Set<string>();
    return list.filter(([avs, id]) => !seen.has(`${avs}:${id}`) && seen.add(`${avs}:${id}`) !== undefined).map(([avs, id, permille]) => ({ avs, id, permille, strategy }));
  });

const operatorArb = fc.record({
  maxStEth: fc.bigInt({ min: 1n, max: E18 }),
  maxBeacon: fc.bigInt({ min: 1n, max: E18 }),
  stEth: allocationsFor(STRATEGY.stETH),
  beacon: allocationsFor(STRATEGY.beacon),
});

const stakerArb = fc.record({ delegatedTo: maybeOperator, stEth: amount, pod: amount });

const walletArb = fc.record({
  weEth: fc.oneof(amount, fc.constant(null)),
  ezEth: amount,
  rstEth: amount,
  lineaWeEth: amount,
  delegatedTo: maybeOperator,
  stEthDeposit: amount,
  pod: amount,
  queued: fc.array(fc.record({ amount: fc.bigInt({ min: 1n, max: 10n ** 24n }), blocksLeft: fc.bigInt({ min: -10n, max: 200_000n }) }), { maxLength: 2 }),
});

const portfolioArb = fc.record({
  weEthRate: rate, ezEthRate: rate, rstEthRate: rate, wstEthRate: rate,
  weEthMarket: fc.option(rate, { nil: null }),
  ezEthSupply: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10n ** 30n })),
  operators: fc.array(operatorArb, { minLength: OPERATORS.length, maxLength: OPERATORS.length }),
  stakers: fc.array(stakerArb, { maxLength: 3 }),
  wallets: fc.array(walletArb, { minLength: 1, maxLength: WALLETS.length }),
});
type Portfolio = typeof portfolioArb extends fc.Arbitrary<infer T> ? T : never;

function build(p: Portfolio): ChainSnapshot[] {
  const ops = p.operators.map((o, i) => {
    const scale = (list: { avs: Address; id: number; permille: number; strategy: Address }[], max: bigint): AllocationSpec[] => {
      const total = list.reduce((a, x) => a + x.permille, 0);
      // Magnitudes share at most the operator's max magnitude, like AllocationManager enforces.
      return list.map((x) => ({ avs: x.avs, id: x.id, strategy: x.strategy, magnitude: (max * BigInt(x.permille)) / BigInt(Math.max(total, 1000)) }));
    };
    return operator(OPERATORS[i] ?? addr(0x1ff), {
      maxMagnitudes: { [STRATEGY.stETH]: o.maxStEth, [STRATEGY.beacon]: o.maxBeacon },
      allocations: [...scale(o.stEth, o.maxStEth), ...scale(o.beacon, o.maxBeacon)],
    });
  });
  const stakers: StakerEigenState[] = p.stakers.map((s, i) => staker(addr(0x500 + i), { delegatedTo: s.delegatedTo, deposits: [deposit(STRATEGY.stETH, s.stEth)], pod: pod(s.pod) }));
  const mainnetWallets = p.wallets.map((w, i) => {
    const a = WALLETS[i] ?? addr(0x1fff);
    const balances: TokenBalance[] = [
      balance('weETH@1', w.weEth === null ? fail() : w.weEth),
      balance('ezETH@1', w.ezEth),
      balance('rstETH@1', w.rstEth),
    ];
    return wallet(a, balances, staker(a, {
      delegatedTo: w.delegatedTo,
      deposits: [deposit(STRATEGY.stETH, w.stEthDeposit)],
      pod: pod(w.pod, addr(0x9000 + i)),
      queued: w.queued.map((q, j) => queued({
        root: i * 10 + j + 1, staker: a, delegatedTo: w.delegatedTo ?? addr(0), completableBlock: BLOCK + q.blocksLeft,
        entries: [{ strategy: STRATEGY.beacon, amount: q.amount }],
      })),
    }));
  });
  return [
    snapshot({
      tokens: [
        tokenState('weETH@1', { navRate: p.weEthRate, marketRate: p.weEthMarket }),
        tokenState('ezETH@1', { navRate: p.ezEthRate, totalSupply: p.ezEthSupply }),
        tokenState('rstETH@1', { navRate: p.rstEthRate }),
        tokenState('wstETH@1', { navRate: p.wstEthRate }),
      ],
      operators: ops,
      lookThrough: [{ token: 'ezETH@1', stakers }],
      wallets: mainnetWallets,
    }),
    snapshot({ chainId: 59144, wallets: p.wallets.map((w, i) => wallet(WALLETS[i] ?? addr(0x1fff), [balance('weETH@59144', w.lineaWeEth)])) }),
  ];
}

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
const run = (snaps: ChainSnapshot[], thresholds: { stressDepegPercent?: number; stressSlashPercent?: number } = {}) =>
  report(snaps, { wallets: WALLETS, thresholds });

describe('engine properties', () => {
  it('positions and partitioning exposures add up to the total value', () => {
    fc.assert(fc.property(portfolioArb, (p) => {
      const r = run(build(p));
      const total = r.metrics.totalValueEth;
      expect(sum(r.positions.map((x) => x.valueEth ?? 0n))).toBe(total);
      for (const dim of ['protocol', 'venue', 'operator', 'chain', 'wallet'] as const) {
        expect(sum(r.metrics.exposure[dim].map((s) => s.valueEth))).toBe(total);
      }
      expect(sum(r.wallets.map((w) => w.valueEth))).toBe(total);
      for (const s of r.metrics.exposure.protocol) expect(s.share).toBeLessThanOrEqual(1);
    }), { numRuns: 150 });
  });

  it('look-through shares of each position add up to its whole value', () => {
    fc.assert(fc.property(portfolioArb, (p) => {
      for (const x of run(build(p)).positions) {
        const v = x.valueEth ?? 0n;
        const delegated = sum(x.exposure.operators.map((o) => o.valueEth));
        expect(delegated + x.unrestakedEth).toBe(v);
        expect(x.unrestakedEth).toBeGreaterThanOrEqual(0n);
        const slashable = sum(x.exposure.operatorSets.map((s) => s.slashableEth));
        // Set figures use fixed-point fractions rounded up (see attributeExposure): a few wei of slack, one per set and operator.
        expect(slashable + x.nominalEth).toBeLessThanOrEqual(delegated + BigInt(x.exposure.operatorSets.length + x.exposure.operators.length));
        expect(x.nominalEth).toBeGreaterThanOrEqual(0n);
      }
    }), { numRuns: 150 });
  });

  it('a harsher stress never shows a smaller loss', () => {
    const pct = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(fc.property(portfolioArb, pct, pct, pct, pct, (p, x1, y1, dx, dy) => {
      const snaps = build(p);
      const mild = run(snaps, { stressDepegPercent: x1, stressSlashPercent: y1 }).metrics.stress;
      const harsh = run(snaps, { stressDepegPercent: Math.min(100, x1 + dx), stressSlashPercent: Math.min(100, y1 + dy) }).metrics.stress;
      const harshById = new Map(harsh.scenarios.map((s) => [s.id, s.lossEth]));
      for (const s of mild.scenarios) expect(harshById.get(s.id) ?? 0n).toBeGreaterThanOrEqual(s.lossEth);
      expect(harsh.worst?.lossEth ?? 0n).toBeGreaterThanOrEqual(mild.worst?.lossEth ?? 0n);
    }), { numRuns: 100 });
  });

  it('the same input gives the same report, whatever the order of snapshots, wallets, balances, operators and stakers', () => {
    const reversed = (snaps: ChainSnapshot[]): ChainSnapshot[] => [...snaps].reverse().map((s) => ({
      ...s,
      wallets: [...s.wallets].reverse().map((w) => ({ ...w, balances: [...w.balances].reverse() })),
      operators: [...s.operators].reverse(),
      lookThrough: s.lookThrough.map((lt) => ({ ...lt, stakers: [...lt.stakers].reverse() })),
    }));
    fc.assert(fc.property(portfolioArb, (p) => {
      const snaps = build(p);
      const a = run(snaps);
      expect(run(snaps)).toEqual(a);
      expect(run(reversed(snaps))).toEqual(a);
    }), { numRuns: 100 });
  });
});

describe('realistic benchmark input', () => {
  it('100 wallets: every wallet valued, exposures add up, look-through reaches every LRT position', async () => {
    const { realisticSnapshots, realisticWallets } = await import('./realistic-portfolio');
    const wallets = realisticWallets(100);
    const r = report(realisticSnapshots(100), { wallets });
    expect(r.wallets.every((w) => w.valueEth > 0n)).toBe(true);
    expect(sum(r.metrics.exposure.operator.map((s) => s.valueEth))).toBe(r.metrics.totalValueEth);
    const lrt = r.positions.filter((p) => p.kind === 'token' && p.asset.tokenId !== 'stETH@1' && p.asset.tokenId !== 'weETH@42161');
    expect(lrt.length).toBeGreaterThan(0);
    for (const p of lrt) expect(p.exposure.operators.length).toBeGreaterThan(0);
    expect(r.unread).toEqual([]);
  });
});
