/**
 * Pending LRT redemptions in the engine (issue 10): requests from the tracker become `redemption`
 * positions valued at what the protocol will pay, with a countdown per protocol, a stack, warnings, and a
 * place in the exit profile's locked liquidity; never counted twice with the LRT balance they came from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../../shared/registry/registry';
import { ADDR } from '../../shared/registry/tokens';
import type { RedemptionRequest, RedemptionsSnapshot, SnapshotWithRedemptions } from '../../shared/redemption';
import { buildEngineContext } from '../../shared/engine/build-engine-context';
import { buildPositions } from '../../shared/engine/build-positions';
import { buildRedemptionPositions } from '../../shared/engine/build-redemption-positions';
import { buildRedemptionWarnings } from '../../shared/engine/build-redemption-warnings';
import { computeExitProfile } from '../../shared/engine/compute-exit-profile';
import { BLOCK, E18, TIME, WALLET_A, WALLET_B, balance, eth, snapshot, tokenState, wallet } from './engine/snapshot-builder';

const DAY = 86_400n;
const NOW = TIME + 12n;

function request(o: Partial<RedemptionRequest> & Pick<RedemptionRequest, 'token' | 'requestId' | 'status' | 'expectedAmount'>): RedemptionRequest {
  const t = registry.tokens.find((x) => x.id === o.token);
  return {
    protocol: t?.protocol ?? '?', contract: t?.redemption?.contract ?? ADDR.etherfiWithdrawRequestNFT, owner: WALLET_A,
    assetGiven: o.token, amountLocked: o.expectedAmount, expectedAsset: 'ETH',
    claimableAtBlock: null, claimableAt: null, createdAt: null, startBlock: null, blockedReason: null, ...o,
  };
}

const tokensState = [
  tokenState('ezETH@1', { navRate: eth(1.05), redemptionDelaySeconds: 7n * DAY }),
  tokenState('rsETH@1', { navRate: eth(1.06), redemptionDelayBlocks: 57_600n }),
  tokenState('weETH@1', { navRate: eth(1.075) }),
  tokenState('ETHx@1', { navRate: 1_070_000_000_000_000_123n }),
  tokenState('rswETH@1', { navRate: eth(1.07) }),
];

function snap(requests: RedemptionRequest[], extra: Partial<RedemptionsSnapshot> = {}, balances = [wallet(WALLET_A)]): SnapshotWithRedemptions {
  return { ...snapshot({ tokens: tokensState, wallets: balances }), redemptions: { requests, unread: [], scans: [], failedReads: [], ...extra } };
}

function build(s: SnapshotWithRedemptions, now = NOW) {
  return buildRedemptionPositions(buildEngineContext([s], registry), [s], now);
}

const only = <T>(list: readonly T[]): T => {
  expect(list).toHaveLength(1);
  const [x] = list;
  if (x === undefined) throw new Error('empty');
  return x;
};

describe('buildRedemptionPositions', () => {
  it('values an ETH request at the amount the protocol will pay, and an LST payout at the LST NAV', () => {
    const stEthPayout = request({ token: 'rsETH@1', requestId: 'steth:1', status: 'pending', expectedAmount: eth(2), expectedAsset: 'ETHx@1', claimableAtBlock: BLOCK + 10n, startBlock: BLOCK - 100n });
    const built = build(snap([
      request({ token: 'eETH@1', requestId: '40001', status: 'claimable', expectedAmount: 1_499_999_999_999_999_999n }),
      stEthPayout,
    ]));
    const [etherfi, kelp] = [built.facts.find((f) => f.position.id.includes('eETH@1')), built.facts.find((f) => f.position.id.includes('rsETH@1'))];
    expect(etherfi?.position.valueEth).toBe(1_499_999_999_999_999_999n);
    expect(etherfi?.position.asset.symbol).toBe('ETH');
    // ETHx NAV: 2e18 x 1.070000000000000123e18 / 1e18.
    expect(kelp?.position.valueEth).toBe((eth(2) * 1_070_000_000_000_000_123n) / E18);
    expect(kelp?.position.asset.tokenId).toBe('ETHx@1');
    expect(kelp?.position.stack.map((l) => l.layer)).toEqual(['lrt', 'lst', 'beacon']);
    expect(kelp?.position.stack[0]).toMatchObject({ protocol: 'Kelp DAO', address: ADDR.kelpWithdrawalManager, label: 'Kelp DAO redemption queue' });
    expect(etherfi?.position.kind).toBe('redemption');
    expect(etherfi?.position.id).toBe(`1:${WALLET_A.toLowerCase()}:redemption:eETH@1:40001`);
  });

  it('counts down per protocol: claimable now, Renzo to its claimableAt, Kelp to its block, ether.fi from its creation block', () => {
    const renzo = request({ token: 'ezETH@1', requestId: '7', status: 'pending', expectedAmount: eth(1), createdAt: NOW - DAY, claimableAt: NOW - DAY + 7n * DAY });
    const kelp = request({ token: 'rsETH@1', requestId: 'eth:3', status: 'finalized', expectedAmount: eth(1), startBlock: BLOCK - 57_500n, claimableAtBlock: BLOCK + 100n });
    const etherfi = request({ token: 'eETH@1', requestId: '40002', status: 'pending', expectedAmount: eth(1), startBlock: BLOCK - 7_200n });
    const etherfiUnknownStart = request({ token: 'eETH@1', requestId: '40003', status: 'pending', expectedAmount: eth(1) });
    const claimable = request({ token: 'rswETH@1', requestId: '9', status: 'claimable', expectedAmount: eth(1) });
    const built = build(snap([renzo, kelp, etherfi, etherfiUnknownStart, claimable]));
    const exit = (id: string) => built.facts.find((f) => f.position.id.endsWith(`:${id}`))?.position.exit;
    expect(exit('7')).toMatchObject({ atNavSeconds: 6n * DAY, claimableAt: NOW - DAY + 7n * DAY, atNavDelayOnChain: true });
    expect(exit('eth:3')).toMatchObject({ atNavSeconds: 1_200n, claimableAtBlock: BLOCK + 100n, claimableAt: TIME + 1_200n, atNavDelayOnChain: true });
    // ether.fi: the registry's default delay (no getter) minus one day of 12 s blocks.
    const delay = registry.tokens.find((t) => t.id === 'eETH@1')?.redemption?.delay;
    const etherfiDelay = delay?.kind === 'default' ? BigInt(Math.round(delay.seconds)) : 0n;
    expect(etherfiDelay).toBeGreaterThan(DAY);
    expect(exit('40002')).toMatchObject({ atNavSeconds: etherfiDelay - DAY, atNavDelayOnChain: false, claimableAt: null });
    expect(exit('40003')?.atNavSeconds).toBe(etherfiDelay);
    expect(exit('9')?.atNavSeconds).toBe(0n);
    expect(buildRedemptionWarnings(built.notes).map((w) => w.id)).toEqual([`redemption-claimable:1:${WALLET_A.toLowerCase()}:redemption:rswETH@1:9`]);
  });

  it('warns when a request is past its protocol delay and still not processed (Kelp by block, ether.fi by age)', () => {
    const kelpLate = request({ token: 'rsETH@1', requestId: 'eth:4', status: 'pending', expectedAmount: eth(1), startBlock: BLOCK - 60_000n, claimableAtBlock: BLOCK - 2_400n });
    const kelpUnlocked = request({ token: 'rsETH@1', requestId: 'eth:5', status: 'claimable', expectedAmount: eth(1), startBlock: BLOCK - 60_000n, claimableAtBlock: BLOCK - 2_400n });
    const etherfiLate = request({ token: 'eETH@1', requestId: '40004', status: 'pending', expectedAmount: eth(1), startBlock: BLOCK - 100_000n });
    const built = build(snap([kelpLate, kelpUnlocked, etherfiLate]));
    const warnings = buildRedemptionWarnings(built.notes);
    const overdue = warnings.filter((w) => w.kind === 'redemption-overdue');
    expect(overdue.map((w) => w.subject).sort()).toEqual([
      `1:${WALLET_A.toLowerCase()}:redemption:eETH@1:40004`,
      `1:${WALLET_A.toLowerCase()}:redemption:rsETH@1:eth:4`,
    ]);
    const kelpWarning = overdue.find((w) => w.subject.endsWith('eth:4'));
    // Kelp: 57,600 blocks of 12 s = 8 days expected; 60,000 blocks waited = 8.33 days.
    expect(kelpWarning).toMatchObject({ severity: 'warning', threshold: 8, value: 8.33 });
    expect(warnings.filter((w) => w.kind === 'redemption-claimable').map((w) => w.subject)).toEqual([`1:${WALLET_A.toLowerCase()}:redemption:rsETH@1:eth:5`]);
    // Overdue but not claimable: one block away, never "claimable now".
    expect(built.facts.find((f) => f.position.id.endsWith('eth:4'))?.position.exit.atNavSeconds).toBe(12n);
  });

  it('gives an invalidated ether.fi request no known exit', () => {
    const built = build(snap([request({ token: 'eETH@1', requestId: '40005', status: 'finalized', expectedAmount: eth(1), blockedReason: 'invalidated' })]));
    expect(only(built.facts).position.exit.atNavSeconds).toBeNull();
  });

  it('turns a queue it could not read into unread entries, not into "no requests"', () => {
    const built = build(snap([], { unread: [{ wallet: WALLET_B, token: 'ezETH@1', error: 'execution reverted' }] }));
    expect(built.facts).toEqual([]);
    expect(built.unread).toEqual([{ chainId: 1, wallet: WALLET_B, source: 'redemption:ezETH@1', positionIdPrefix: `1:${WALLET_B.toLowerCase()}:redemption:ezETH@1:`, error: 'execution reverted' }]);
  });

  it('puts unclaimed requests in the locked liquidity and the pending list, claimable ones out of the locked part', () => {
    const built = build(snap([
      request({ token: 'ezETH@1', requestId: '1', status: 'pending', expectedAmount: eth(3), createdAt: NOW, claimableAt: NOW + 7n * DAY }),
      request({ token: 'eETH@1', requestId: '40006', status: 'claimable', expectedAmount: eth(1) }),
    ]));
    const profile = computeExitProfile(built.facts, eth(10), 7);
    expect(profile.lockedEth).toBe(eth(3));
    expect(profile.lockedShare).toBeCloseTo(0.3, 10);
    expect(profile.pendingWithdrawals.map((p) => [p.kind, p.claimable])).toEqual([['redemption', true], ['redemption', false]]);
  });

  it('never counts a request twice with the LRT balance: positions and values are the same whatever the wallet still holds', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ amount: fc.bigInt({ min: 1n, max: 10n ** 24n }), claimable: fc.boolean(), token: fc.constantFrom('eETH@1', 'rswETH@1') }), { maxLength: 8 }),
      fc.bigInt({ min: 0n, max: 10n ** 24n }),
      (specs, held) => {
        const requests = specs.map((s, i) => request({ token: s.token, requestId: String(i + 1), status: s.claimable ? 'claimable' : 'pending', expectedAmount: s.amount }));
        const empty = snap(requests);
        const holding = snap(requests, {}, [wallet(WALLET_A, [balance('weETH@1', held), balance('rswETH@1', held)])]);
        const a = build(empty);
        const b = build(holding);
        expect(b.facts.map((f) => f.position)).toEqual(a.facts.map((f) => f.position));
        // One position per request, worth exactly what the request pays.
        expect(a.facts.reduce((sum, f) => sum + (f.position.valueEth ?? 0n), 0n)).toBe(specs.reduce((sum, s) => sum + s.amount, 0n));
        // And the token positions of the balance are untouched by the requests: no id is shared.
        const ctx = buildEngineContext([holding], registry);
        const tokenIds = new Set(buildPositions(ctx, [holding], [{ address: WALLET_A }]).facts.map((f) => f.position.id));
        expect(b.facts.some((f) => tokenIds.has(f.position.id))).toBe(false);
      },
    ), { numRuns: 50 });
  });
});
