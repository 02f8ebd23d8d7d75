import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { attributeExposure, buildExposureProfile } from '../../../shared/engine/attribute-exposure';
import type { ExposureLink } from '../../../shared/engine/attribute-exposure';
import { buildEngineContext } from '../../../shared/engine/build-engine-context';
import { buildProtocolLookThrough } from '../../../shared/engine/build-protocol-look-through';
import { compareText } from '../../../shared/engine/compare-text';
import { registry } from '../../../shared/registry/registry';
import type { OperatorAllocation } from '../../../shared/snapshot';
import { distinctBalances } from './distinct-balances';
import { realisticSnapshots, realisticWallets } from './realistic-portfolio';
import { referenceAttributeExposure, referenceExposureProfile } from './reference-attribution';
import { BLOCK, E18, STRATEGY, addr, balance, deposit, fail, ok, operator, pod, queued, report, snapshot, staker, tokenState, wallet } from './snapshot-builder';

// The optimized attribution (reciprocals instead of divisions, flat fraction lists, presized
// lists) must give the very figures of the straightforward one, to the wei.

const OPERATORS = [addr(0xabc0), addr(0xabc1), addr(0xabc2), addr(0xabc3)];
const UNKNOWN_OPERATOR = addr(0xdead);
const STRATEGIES = [STRATEGY.stETH, STRATEGY.beacon, STRATEGY.rETH, addr(0x5757)];
const upper = (a: Address): Address => `0x${a.slice(2).toUpperCase()}`;

const magnitude = fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 1000n }), fc.bigInt({ min: 1n, max: E18 }));
const allocationArb = fc.record({
  avs: fc.integer({ min: 0, max: 2 }), id: fc.integer({ min: 0, max: 2 }), strategy: fc.constantFrom(...STRATEGIES.slice(0, 3)),
  magnitude, pending: fc.option(fc.record({ diff: fc.bigInt({ min: -E18, max: E18 }), due: fc.boolean() }), { nil: null }),
});
const operatorArb = fc.record({
  maxRead: fc.integer({ min: 0, max: 9 }),
  allocationsRead: fc.integer({ min: 0, max: 9 }),
  max: fc.array(fc.option(magnitude, { nil: null }), { minLength: 3, maxLength: 3 }),
  allocations: fc.array(allocationArb, { maxLength: 8 }),
});

function contextOf(ops: readonly (typeof operatorArb extends fc.Arbitrary<infer T> ? T : never)[]) {
  const states = ops.map((o, i) => {
    const allocations: OperatorAllocation[] = o.allocations.map((a) => ({
      operatorSet: { avs: addr(0xa000 + a.avs), id: a.id }, strategy: a.strategy, currentMagnitude: a.magnitude,
      pendingDiff: a.pending?.diff ?? 0n, effectBlock: a.pending === null ? 0n : a.pending.due ? BLOCK - 1n : BLOCK + 1n, slashableShares: ok(0n),
    }));
    const maxMagnitudes = o.max.flatMap((m, j) => (m === null ? [] : [{ strategy: STRATEGIES[j] ?? STRATEGY.stETH, maxMagnitude: m }]));
    return operator(OPERATORS[i] ?? UNKNOWN_OPERATOR, {
      maxMagnitudes: o.maxRead === 0 ? fail() : ok(maxMagnitudes),
      allocations: o.allocationsRead === 0 ? fail() : ok(allocations),
    });
  });
  return buildEngineContext([snapshot({ operators: states })], registry);
}

const linkArb = fc.record({
  operator: fc.constantFrom(...OPERATORS, ...OPERATORS.map(upper), UNKNOWN_OPERATOR),
  strategy: fc.constantFrom(...STRATEGIES.map((s) => s.toLowerCase())),
  numerator: fc.oneof(fc.bigInt({ min: -3n, max: 3n }), fc.bigInt({ min: 1n, max: 10n ** 5n }), fc.bigInt({ min: 1n, max: 10n ** 24n }), fc.bigInt({ min: 1n, max: 2n ** 100n })),
});
const denominatorArb = fc.oneof(
  fc.constant(0n), fc.constant(1n), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 26n }), fc.bigInt({ min: 1n, max: 2n ** 110n }),
  fc.integer({ min: 1, max: 110 }).map((k) => 2n ** BigInt(k) - 1n),
);
// Values around the bounds of the fast paths: 2^64 (narrow/wide fractions) and 2^128 (reciprocal/division).
const valueArb = fc.oneof(
  fc.constantFrom(-1n, 0n, 1n, 2n ** 64n - 1n, 2n ** 64n, 2n ** 64n + 1n, 2n ** 128n - 1n, 2n ** 128n, 2n ** 128n + 1n),
  fc.bigInt({ min: 1n, max: 10n ** 6n }),
  fc.bigInt({ min: 1n, max: 2n ** 64n }),
  fc.bigInt({ min: 2n ** 60n, max: 2n ** 130n }),
  fc.bigInt({ min: 1n, max: 2n ** 200n }),
);

describe('attributeExposure against the reference computation', () => {
  it('gives the same operators, sets, slashable, nominal, unrestaked and layers for random profiles and values', () => {
    fc.assert(fc.property(
      fc.array(operatorArb, { minLength: 1, maxLength: OPERATORS.length }), fc.array(linkArb, { maxLength: 8 }), denominatorArb, fc.array(valueArb, { minLength: 1, maxLength: 6 }),
      (ops, links: ExposureLink[], denominator, values) => {
        const ctx = contextOf(ops);
        const profile = buildExposureProfile(ctx, new Map(), links, denominator);
        const reference = referenceExposureProfile(ctx, new Map(), links, denominator);
        for (const value of values) {
          expect(attributeExposure(value, profile)).toEqual(referenceAttributeExposure(value, reference));
        }
      },
    ), { numRuns: 400 });
  });

  it('is exact at the reciprocal bound for a denominator just under a power of two', () => {
    // The worst case for a reciprocal: D = 2^k - 1, numerators D - 1 and 1, values at 2^64 - 1 and 2^128 - 1.
    const ctx = contextOf([{ maxRead: 1, allocationsRead: 1, max: [E18, E18, E18], allocations: [] }]);
    for (const k of [60n, 90n, 127n]) {
      const d = 2n ** k - 1n;
      const links: ExposureLink[] = [
        { operator: OPERATORS[0] ?? UNKNOWN_OPERATOR, strategy: STRATEGY.stETH.toLowerCase(), numerator: d - 1n },
        { operator: UNKNOWN_OPERATOR, strategy: STRATEGY.stETH.toLowerCase(), numerator: 1n },
      ];
      const profile = buildExposureProfile(ctx, new Map(), links, d);
      for (const value of [2n ** 64n - 1n, 2n ** 128n - 1n, d, d - 1n]) {
        const got = attributeExposure(value, profile).operators.map((o) => o.valueEth);
        expect(got).toEqual([(value * (d - 1n)) / d, value / d].filter((v) => v > 0n));
      }
    }
  });
});

describe('positions against the reference computation', () => {
  it('every LRT and restaked position of a realistic portfolio with distinct balances has the reference look-through', () => {
    const snapshots = distinctBalances(realisticSnapshots(60));
    const r = report(snapshots, { wallets: realisticWallets(60), now: 1_800_000_000n });
    const ctx = buildEngineContext(snapshots, registry);
    const protocol = (token: string) => {
      const lt = buildProtocolLookThrough(ctx, token);
      if (lt === null || lt.totalNavEth === null) throw new Error(`no look-through for ${token}`);
      return referenceExposureProfile(ctx, new Map(), lt.links, lt.totalNavEth);
    };
    const profiles: Record<string, ReturnType<typeof protocol>> = {
      'weETH@1': protocol('eETH@1'), 'weETH@42161': protocol('eETH@1'), 'ezETH@1': protocol('ezETH@1'), 'rsETH@1': protocol('rsETH@1'),
    };
    const own = new Map(snapshots[0]?.wallets.map((w) => [w.wallet.toLowerCase(), w.eigen?.delegatedTo.ok ? w.eigen.delegatedTo.value : null]));
    let checked = 0;
    for (const p of r.positions) {
      let reference;
      if (p.kind === 'token' && p.asset.tokenId !== null && p.asset.tokenId in profiles) reference = profiles[p.asset.tokenId];
      else if (p.kind === 'restaked' || p.kind === 'native-restaked') {
        const operatorAddress = own.get(p.wallet.toLowerCase());
        if (!operatorAddress) continue;
        const strategy = (p.kind === 'restaked' ? STRATEGY.stETH : STRATEGY.beacon).toLowerCase();
        reference = referenceExposureProfile(ctx, new Map(), [{ operator: operatorAddress, strategy, numerator: 1n }], 1n);
      } else continue;
      const expected = referenceAttributeExposure(p.valueEth ?? 0n, reference ?? null);
      expect(p.exposure).toEqual({ operators: expected.operators, operatorSets: expected.operatorSets });
      expect([p.nominalEth, p.unrestakedEth]).toEqual([expected.nominalEth, expected.unrestakedEth]);
      checked++;
    }
    // 60 wallets: weETH, ezETH, rsETH (40 non-zero), weETH on Arbitrum (30), a restaked deposit and a pod each.
    expect(checked).toBe(60 + 60 + 40 + 30 + 60 + 60);
  });
});

describe('position order', () => {
  it('positions come sorted by id across chains whose ids do not sort numerically, and with a wallet listed twice', () => {
    const walletArb = fc.constantFrom(addr(0x1001), addr(0x1002), upper(addr(0xabcd01)), addr(0xabcd01));
    const holdingArb = fc.record({
      wallet: walletArb, tokens: fc.subarray(['weETH', 'ezETH', 'rsETH'] as const, { minLength: 1 }), amount: fc.bigInt({ min: 1n, max: 10n ** 22n }),
      // EigenLayer positions (mainnet only): deposits, a pod, queued withdrawals, so that every kind of id is in play.
      deposits: fc.subarray([STRATEGY.stETH, STRATEGY.rETH]), pod: fc.boolean(), queued: fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 3 }),
    });
    fc.assert(fc.property(fc.array(holdingArb, { minLength: 1, maxLength: 6 }), fc.subarray([1, 8453, 42161, 59144], { minLength: 1 }), (holdings, chains) => {
      const snapshots = chains.map((chainId) => snapshot({
        chainId,
        tokens: chainId === 1 ? [tokenState('weETH@1'), tokenState('ezETH@1'), tokenState('rsETH@1')] : [],
        wallets: holdings.map((h) => wallet(
          h.wallet,
          h.tokens.filter((t) => chainId !== 59144 || t !== 'ezETH').map((t) => balance(`${t}@${chainId}`, h.amount)),
          chainId === 1 ? staker(h.wallet, {
            deposits: h.deposits.map((d) => deposit(d, h.amount)), pod: h.pod ? pod(h.amount, addr(0x9000 + Number(h.amount % 7n))) : null,
            queued: h.queued.map((root) => queued({ root, staker: h.wallet, delegatedTo: addr(0), completableBlock: BLOCK, entries: [{ strategy: STRATEGY.beacon, amount: h.amount }] })),
          }) : null,
        )),
      }));
      const r = report(snapshots, { wallets: [...new Set(holdings.map((h) => h.wallet))] });
      const ids = r.positions.map((p) => p.id);
      expect(ids).toEqual([...ids].sort(compareText));
      const eigenCount = chains.includes(1) ? holdings.reduce((a, h) => a + h.deposits.length + (h.pod ? 1 : 0) + h.queued.length, 0) : 0;
      const expectedCount = eigenCount + chains.reduce((acc, c) => acc + holdings.reduce((a, h) => a + h.tokens.filter((t) => c !== 59144 || t !== 'ezETH').length, 0), 0);
      expect(ids).toHaveLength(expectedCount);
    }), { numRuns: 150 });
  });
});
