/**
 * The tracker against the simulated world: a scenario puts positions on chain, the tracker reads
 * them back, and every figure must equal what the scenario put there, to the wei. Expected values
 * come from the scenario's own numbers and EigenLayer's / the protocols' published formulas (cited
 * beside each), never from the tracker's output.
 */
import { getAddress, parseAbi, parseEther, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../shared/registry/registry';
import { ADDR } from '../../shared/registry/tokens';
import type { ChainSnapshot, OperatorState, Read, StakerEigenState, TokenBalance } from '../../shared/snapshot';
import { createChainClient, type ChainClient } from '../../node/tracker/create-chain-client';
import { readChain } from '../../node/tracker/read-chain';
import { readChainNaive } from '../../node/tracker/read-chain-naive';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { deployEigenLayer, type EigenLayerWorld } from '../../world/eigenlayer-world';
import { deployTokens, type TokensWorld } from '../../world/tokens-world';

const E18 = 10n ** 18n;
/** Solady / EigenLayer SlashingLib: x.mulWad(y) = x * y / 1e18, x.divWad(y) = x * 1e18 / y, rounding down. */
const mulWad = (x: bigint, y: bigint) => (x * y) / E18;
const divWad = (x: bigint, y: bigint) => (x * E18) / y;
/** StrategyBase virtual shares and balance (SHARES_OFFSET = BALANCE_OFFSET = 1e3). */
const OFFSET = 1000n;
const sharesToUnderlying = (shares: bigint, balance: bigint, totalShares: bigint) => ((balance + OFFSET) * shares) / (totalShares + OFFSET);

// Sample wallets.
const ALICE = getAddress('0xa11ce0000000000000000000000000000000a11c'); // LRT holder
const BOB = getAddress('0xb0b000000000000000000000000000000000b0b0'); // native restaker
const CAROL = getAddress('0xca201000000000000000000000000000000000c3'); // empty wallet
// Operators, AVSs, Kelp's node delegators.
const OP1 = getAddress('0x0000000000000000000000000000000000000a01');
const OP2 = getAddress('0x0000000000000000000000000000000000000a02');
const AVS1 = getAddress('0x00000000000000000000000000000000000a5a01');
const AVS2 = getAddress('0x00000000000000000000000000000000000a5a02');
const ND1 = getAddress('0x0000000000000000000000000000000000000d01');
const ND2 = getAddress('0x0000000000000000000000000000000000000d02');
const SET1 = { avs: AVS1, id: 1 };
const SET2 = { avs: AVS2, id: 7 };
const SET3 = { avs: AVS1, id: 2 };

// The scenario's numbers.
const WEETH = 20_123_456_789_012_345_678n;
const RSWETH = parseEther('9.5');
const WEETH_RATE = 1_071_234_567_890_123_457n;
const RSWETH_PRICE = 1_066_000_000_000_000_007n;
const CURVE_FEE = 4_000_000n; // 0.04% in Curve's 1e10 units
const WEETH_FEED = 1_060_000_000_000_000_001n;
const FEED_UPDATED_AT = 1_790_000_000n;
const BOB_STETH = parseEther('10');
const BOB_RETH = parseEther('5');
const RETH_STRATEGY_BALANCE = parseEther('5.5'); // rETH strategy gained 10%
const BOB_BEACON = parseEther('32');
const BEACON_SLASHING_FACTOR = parseEther('0.9');
const QUEUED = parseEther('1');
// anvil mines ~250 blocks a second here: 500 blocks of history keep the setup short (startAnvil has no --number option).
const QUEUED_BLOCKS_AGO = 500n;
const MIN_DELAY = 800;
const ALLOC_STETH = parseEther('0.3');
const ALLOC_BEACON = parseEther('0.5');
const ALLOC_RETH_PENDING = parseEther('0.2');
const PENDING_IN_BLOCKS = 1000;
const SLASH = parseEther('0.1'); // 10% of the allocation
const ND1_ETHX = parseEther('4');
const ALLOC_ETHX = parseEther('0.4');

let anvil: Anvil;
let ctx: WorldContext;
let tokens: TokensWorld;
let el: EigenLayerWorld;
let chain: ChainClient;
let queuedRoot: Hex;
let queuedStartBlock: bigint;
let pendingEffectBlock: bigint;
let snapshot: ChainSnapshot;

const ok = <T>(r: Read<T> | null | undefined): T => {
  if (!r) throw new Error('read absent');
  if (!r.ok) throw new Error(`read failed: ${r.error}`);
  return r.value;
};
const walletOf = (s: ChainSnapshot, w: Address) => {
  const found = s.wallets.find((x) => x.wallet === w);
  if (!found) throw new Error(`wallet ${w} missing from the snapshot`);
  return found;
};
const balanceOf = (s: ChainSnapshot, w: Address, token: string): TokenBalance => {
  const b = walletOf(s, w).balances.find((x) => x.token === token);
  if (!b) throw new Error(`${token} missing for ${w}`);
  return b;
};
const eigenOf = (s: ChainSnapshot, w: Address): StakerEigenState => {
  const e = walletOf(s, w).eigen;
  if (!e) throw new Error(`no EigenLayer state for ${w}`);
  return e;
};
const operatorOf = (s: ChainSnapshot, op: Address): OperatorState => {
  const o = s.operators.find((x) => x.operator === op);
  if (!o) throw new Error(`operator ${op} missing`);
  return o;
};
/** The snapshot without what legitimately differs between two ways of reading it. */
const figures = (s: ChainSnapshot) => JSON.stringify(
  { ...s, rpcRequests: 0, failedReads: s.failedReads.map((f) => f.key) },
  (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v && typeof v === 'object' && 'ok' in v && v.ok === false ? 'failed' : v),
);

beforeAll(async () => {
  anvil = await startAnvil();
  ctx = connectWorld(anvil.rpcUrl);
  tokens = await deployTokens(ctx);
  el = await deployEigenLayer(ctx);
  const s = el.addresses.strategies;
  const beacon = el.addresses.beaconChainEthStrategy;
  // Enough history to have queued a withdrawal QUEUED_BLOCKS_AGO blocks ago.
  await ctx.mine(Number(QUEUED_BLOCKS_AGO) + 100);

  // ALICE: LRTs.
  await tokens.setNavRate('weETH', WEETH_RATE);
  await tokens.mint('weETH', ALICE, WEETH);
  await tokens.mint('rswETH', ALICE, RSWETH);
  await tokens.setMarketPrice('rswETH', RSWETH_PRICE);
  await tokens.setCurveFee(CURVE_FEE);
  await tokens.setMarketPrice('weETH', WEETH_FEED);
  await tokens.setFeedUpdatedAt('weETH', FEED_UPDATED_AT);
  await tokens.setPaused('rsETH', true);

  // BOB: native restaker delegated to OP1.
  await el.setMinWithdrawalDelayBlocks(MIN_DELAY);
  await el.registerOperator(OP1);
  await el.registerOperator(OP2);
  await el.depositToStrategy(BOB, s.stETH, BOB_STETH);
  await el.depositToStrategy(BOB, s.rETH, BOB_RETH);
  await el.createPod(BOB);
  await el.setBeaconChainShares(BOB, BOB_BEACON);
  await el.setPodState(BOB, { activeValidatorCount: 1n });
  await el.delegate(BOB, OP1);
  await el.createOperatorSet(SET1, [s.stETH, s.rETH, beacon]);
  await el.createOperatorSet(SET3, [s.stETH]);
  await el.registerForOperatorSet(OP1, SET1);
  await el.registerForOperatorSet(OP1, SET3);
  await el.allocate(OP1, SET1, s.stETH, ALLOC_STETH);
  await el.allocate(OP1, SET1, beacon, ALLOC_BEACON);
  queuedRoot = await el.queueWithdrawal(BOB, [s.stETH], [QUEUED], { blocksAgo: QUEUED_BLOCKS_AGO });
  queuedStartBlock = (await ctx.publicClient.getBlockNumber({ cacheTime: 0 })) - QUEUED_BLOCKS_AGO;
  // The slash comes after the withdrawal was queued: it still applies to it.
  await el.slash(OP1, SET1, s.stETH, SLASH);
  await el.setBeaconChainSlashingFactor(BOB, BEACON_SLASHING_FACTOR);
  await el.allocate(OP1, SET1, s.rETH, ALLOC_RETH_PENDING, { pendingEffectInBlocks: PENDING_IN_BLOCKS });
  pendingEffectBlock = (await ctx.publicClient.getBlockNumber({ cacheTime: 0 })) + BigInt(PENDING_IN_BLOCKS);
  await el.setStrategyBalance(s.rETH, RETH_STRATEGY_BALANCE);

  // Kelp's node delegators: ND1 restakes ETHx with OP2, which allocates it to SET2.
  await tokens.setKelpNodeDelegators([ND1, ND2]);
  await el.depositToStrategy(ND1, s.ETHx, ND1_ETHX);
  await el.delegate(ND1, OP2);
  await el.createOperatorSet(SET2, [s.ETHx]);
  await el.registerForOperatorSet(OP2, SET2);
  await el.allocate(OP2, SET2, s.ETHx, ALLOC_ETHX);
  // Allocations take effect from the block after the allocating one (allocation delay 0).
  await ctx.mine(1);

  chain = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
  snapshot = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE, BOB, CAROL], stats: chain });
}, 180_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('readChain: block and status', () => {
  it('pins the snapshot to the chain head and its timestamp', async () => {
    const head = await ctx.publicClient.getBlock();
    expect(snapshot.blockNumber).toBe(head.number);
    expect(snapshot.blockTimestamp).toBe(head.timestamp);
    expect(snapshot.chainId).toBe(1);
    expect(snapshot.endpoint).toBe(anvil.rpcUrl);
  });

  it('reads every registry token for every wallet, in registry order', () => {
    const mainnetTokens = registry.tokens.filter((t) => t.chainId === 1).map((t) => t.id);
    for (const w of [ALICE, BOB, CAROL]) expect(walletOf(snapshot, w).balances.map((b) => b.token)).toEqual(mainnetTokens);
    expect(snapshot.tokens.map((t) => t.token)).toEqual(mainnetTokens);
  });

  it('a read the world cannot answer is a recorded failure, never a zero', () => {
    // Whatever the world lacks shows up as {ok:false} with a matching failedReads entry.
    for (const t of snapshot.tokens) {
      for (const r of [t.totalSupply, t.navRate, t.marketRate, t.paused, t.redemptionDelaySeconds, t.redemptionDelayBlocks]) {
        if (r && !r.ok) expect(snapshot.failedReads.some((f) => f.key.endsWith(t.token))).toBe(true);
      }
    }
    expect(snapshot.status).toBe(snapshot.failedReads.length === 0 ? 'ok' : 'partial');
  });
});

describe('readChain: LRT holder (ALICE)', () => {
  it('balances equal what was minted', () => {
    expect(ok(balanceOf(snapshot, ALICE, 'weETH@1').balance)).toBe(WEETH);
    expect(ok(balanceOf(snapshot, ALICE, 'rswETH@1').balance)).toBe(RSWETH);
    expect(ok(balanceOf(snapshot, ALICE, 'ezETH@1').balance)).toBe(0n);
  });

  it("converts the exact weETH balance to eETH as ether.fi does: amount * totalPooledEther / eETH totalShares", async () => {
    const blockNumber = snapshot.blockNumber ?? undefined;
    const [pooled, shares] = await Promise.all([
      ctx.publicClient.readContract({ address: ADDR.etherfiLiquidityPool, abi: parseAbi(['function getTotalPooledEther() view returns (uint256)']), functionName: 'getTotalPooledEther', ...(blockNumber ? { blockNumber } : {}) }),
      ctx.publicClient.readContract({ address: ADDR.eETH, abi: parseAbi(['function totalShares() view returns (uint256)']), functionName: 'totalShares', ...(blockNumber ? { blockNumber } : {}) }),
    ]);
    expect(ok(balanceOf(snapshot, ALICE, 'weETH@1').navAmount)).toBe((WEETH * pooled) / shares);
    // Same figure from the scenario's rate, to within the pool's rounding of the rate itself.
    expect(ok(balanceOf(snapshot, ALICE, 'weETH@1').navAmount) - mulWad(WEETH, WEETH_RATE)).toBeLessThanOrEqual(1n);
  });

  it('quotes selling the exact rswETH balance on Curve (get_dy after the pool fee)', () => {
    const dy = (RSWETH * RSWETH_PRICE) / E18;
    expect(ok(balanceOf(snapshot, ALICE, 'rswETH@1').saleAmountEth)).toBe(dy - (dy * CURVE_FEE) / 10n ** 10n);
  });

  it('zero balances convert to zero without a read, and are still reported as read', () => {
    const b = balanceOf(snapshot, CAROL, 'weETH@1');
    expect(b.balance).toEqual({ ok: true, value: 0n });
    expect(b.navAmount).toEqual({ ok: true, value: 0n });
  });

  it('token states carry the NAV rate, market price, feed time and paused flag the scenario set', () => {
    const weeth = snapshot.tokens.find((t) => t.token === 'weETH@1');
    const rsweth = snapshot.tokens.find((t) => t.token === 'rswETH@1');
    const cbeth = snapshot.tokens.find((t) => t.token === 'cbETH@1');
    const rseth = snapshot.tokens.find((t) => t.token === 'rsETH@1');
    expect(ok(weeth?.navRate)).toBe(WEETH_RATE);
    expect(ok(weeth?.marketRate)).toBe(WEETH_FEED);
    expect(weeth?.marketUpdatedAt).toBe(FEED_UPDATED_AT);
    const oneDy = RSWETH_PRICE;
    expect(ok(rsweth?.marketRate)).toBe(oneDy - (oneDy * CURVE_FEE) / 10n ** 10n);
    expect(ok(rseth?.paused)).toBe(true);
    expect(ok(cbeth?.paused)).toBe(false);
    expect(ok(weeth?.totalSupply)).toBeGreaterThanOrEqual(WEETH);
  });
});

describe('readChain: native restaker (BOB)', () => {
  const stETHStrategy = () => el.addresses.strategies.stETH;
  const rETHStrategy = () => el.addresses.strategies.rETH;
  // OP1's stETH max magnitude after the slash: 1 - mulWadRoundUp(0.3, 0.1) = 0.97.
  const maxMagStETH = E18 - (ALLOC_STETH * SLASH + E18 - 1n) / E18;

  it('delegation and strategy deposits, with withdrawable shares after the slash and their underlying', () => {
    const e = eigenOf(snapshot, BOB);
    expect(ok(e.delegatedTo)).toBe(OP1);
    const deposits = ok(e.deposits);
    const steth = deposits.find((d) => d.strategy === stETHStrategy());
    const reth = deposits.find((d) => d.strategy === rETHStrategy());
    // Deposit shares: 10 deposited 1:1, 1 queued for withdrawal.
    expect(steth?.depositShares).toBe(BOB_STETH - QUEUED);
    // withdrawable = depositShares.mulWad(depositScalingFactor = 1).mulWad(maxMagnitude).
    expect(steth?.withdrawableShares).toBe(mulWad(BOB_STETH - QUEUED, maxMagStETH));
    expect(steth?.underlyingToken).toBe(ADDR.stETH);
    expect(steth?.withdrawableUnderlying).toBe(steth?.withdrawableShares);
    expect(reth?.depositShares).toBe(BOB_RETH);
    expect(reth?.withdrawableShares).toBe(BOB_RETH);
    expect(reth?.underlyingToken).toBe(ADDR.rETH);
    // The rETH strategy now holds 5.5 rETH for 5 shares.
    expect(reth?.withdrawableUnderlying).toBe(sharesToUnderlying(BOB_RETH, RETH_STRATEGY_BALANCE, BOB_RETH));
  });

  it('EigenPod: beacon-chain deposit shares, withdrawable after the beacon-chain slashing factor, validators', () => {
    const pod = ok(eigenOf(snapshot, BOB).pod);
    expect(pod).not.toBeNull();
    expect(pod?.depositShares).toBe(BOB_BEACON);
    expect(pod?.beaconChainSlashingFactor).toBe(BEACON_SLASHING_FACTOR);
    expect(pod?.withdrawableShares).toBe(mulWad(BOB_BEACON, BEACON_SLASHING_FACTOR));
    expect(pod?.activeValidatorCount).toBe(1n);
  });

  it('queued withdrawal: root, start block, completable block, shares after the later slash', () => {
    const [w, ...rest] = ok(eigenOf(snapshot, BOB).queuedWithdrawals);
    expect(rest).toEqual([]);
    expect(w?.root).toBe(queuedRoot);
    expect(w?.staker).toBe(BOB);
    expect(w?.withdrawer).toBe(BOB);
    expect(w?.delegatedTo).toBe(OP1);
    expect(w?.startBlock).toBe(queuedStartBlock);
    // DelegationManager: completable once block.number > startBlock + minWithdrawalDelayBlocks.
    expect(w?.completableBlock).toBe(queuedStartBlock + BigInt(MIN_DELAY) + 1n);
    expect(w?.entries).toEqual([{
      strategy: stETHStrategy(), scaledShares: QUEUED, withdrawableShares: mulWad(QUEUED, maxMagStETH),
      underlyingToken: ADDR.stETH, withdrawableUnderlying: mulWad(QUEUED, maxMagStETH),
    }]);
  });

  it('an empty wallet reads as empty, not as failed', () => {
    const e = eigenOf(snapshot, CAROL);
    expect(e.delegatedTo).toEqual({ ok: true, value: null });
    expect(e.deposits).toEqual({ ok: true, value: [] });
    expect(e.pod).toEqual({ ok: true, value: null });
    expect(e.queuedWithdrawals).toEqual({ ok: true, value: [] });
  });

  it("operator OP1: magnitudes, shares, sets, allocations and slashable stake per operator set", () => {
    const op = operatorOf(snapshot, OP1);
    const beacon = el.addresses.beaconChainEthStrategy;
    expect(ok(op.isOperator)).toBe(true);
    expect(op.strategies).toEqual([rETHStrategy(), stETHStrategy(), beacon]);
    expect(ok(op.maxMagnitudes)).toEqual([
      { strategy: rETHStrategy(), maxMagnitude: E18 }, { strategy: stETHStrategy(), maxMagnitude: maxMagStETH }, { strategy: beacon, maxMagnitude: E18 },
    ]);
    // Operator shares: delegated withdrawable shares, less the queued withdrawal, less what the slash removed.
    const opStETH = mulWad(BOB_STETH - QUEUED, maxMagStETH);
    const opBeacon = mulWad(BOB_BEACON, BEACON_SLASHING_FACTOR);
    expect(ok(op.operatorShares)).toEqual([
      { strategy: rETHStrategy(), shares: BOB_RETH }, { strategy: stETHStrategy(), shares: opStETH }, { strategy: beacon, shares: opBeacon },
    ]);
    expect(ok(op.registeredSets)).toEqual([SET1, SET3]);
    expect(ok(op.allocatedSets)).toEqual([SET1]);
    // AllocationManager.getAllocatedStake: operatorShares.mulWad(currentMagnitude.divWad(maxMagnitude)).
    const curStETH = ALLOC_STETH - mulWad(ALLOC_STETH, SLASH);
    expect(ok(op.allocations)).toEqual([
      { operatorSet: SET1, strategy: rETHStrategy(), currentMagnitude: 0n, pendingDiff: ALLOC_RETH_PENDING, effectBlock: pendingEffectBlock, slashableShares: { ok: true, value: 0n } },
      { operatorSet: SET1, strategy: stETHStrategy(), currentMagnitude: curStETH, pendingDiff: 0n, effectBlock: 0n, slashableShares: { ok: true, value: mulWad(opStETH, divWad(curStETH, maxMagStETH)) } },
      { operatorSet: SET1, strategy: beacon, currentMagnitude: ALLOC_BEACON, pendingDiff: 0n, effectBlock: 0n, slashableShares: { ok: true, value: mulWad(opBeacon, ALLOC_BEACON) } },
    ]);
  });

  it('EigenLayer globals: withdrawal delay as set, deallocation delay, strategies with their underlying', () => {
    const g = snapshot.eigen;
    expect(ok(g?.minWithdrawalDelayBlocks)).toBe(BigInt(MIN_DELAY));
    expect(ok(g?.deallocationDelayBlocks)).toBeGreaterThan(0n);
    expect(g?.strategies.find((x) => x.strategy === rETHStrategy())?.underlyingToken).toEqual({ ok: true, value: ADDR.rETH });
    expect(g?.strategies.find((x) => x.strategy === el.addresses.beaconChainEthStrategy)?.underlyingToken).toEqual({ ok: true, value: getAddress('0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE') });
  });
});

describe('readChain: look-through an LRT to its stakers and their operators', () => {
  it("Kelp's live node-delegator list is read, and each staker's position with it", () => {
    const kelp = snapshot.lookThrough.find((l) => l.token === 'rsETH@1');
    const nd1 = kelp?.stakers.find((s) => s.staker === ND1);
    const nd2 = kelp?.stakers.find((s) => s.staker === ND2);
    expect(ok(nd1?.delegatedTo)).toBe(OP2);
    expect(ok(nd1?.deposits)).toEqual([{
      strategy: el.addresses.strategies.ETHx, depositShares: ND1_ETHX, withdrawableShares: ND1_ETHX, underlyingToken: ADDR.ETHx, withdrawableUnderlying: ND1_ETHX,
    }]);
    expect(nd2?.deposits).toEqual({ ok: true, value: [] });
  });

  it("the LRT's operator is read though no watched wallet delegates to it", () => {
    const op = operatorOf(snapshot, OP2);
    expect(op.strategies).toEqual([el.addresses.strategies.ETHx]);
    expect(ok(op.allocations)).toEqual([{
      operatorSet: SET2, strategy: el.addresses.strategies.ETHx, currentMagnitude: ALLOC_ETHX, pendingDiff: 0n, effectBlock: 0n,
      slashableShares: { ok: true, value: mulWad(ND1_ETHX, ALLOC_ETHX) },
    }]);
  });
});

describe('readChain: HTTP requests per refresh', () => {
  const many = (n: number): Address[] => [ALICE, BOB, CAROL, ...Array.from({ length: n - 3 }, (_, i) => getAddress(`0x${(0xabc000 + i).toString(16).padStart(40, '0')}`))];

  it('the same few requests for 1 and for 100 wallets (at most 4), and the same figures as one eth_call per read', async () => {
    const one = await readChain({ client: chain.client, chainId: 1, registry, wallets: [BOB], stats: chain });
    const hundred = await readChain({ client: chain.client, chainId: 1, registry, wallets: many(100), stats: chain });
    expect(one.rpcRequests).toBeLessThanOrEqual(4);
    expect(hundred.rpcRequests).toBe(one.rpcRequests);
    expect(hundred.wallets).toHaveLength(100);
    const naive = await readChainNaive({ client: chain.client, chainId: 1, registry, wallets: [ALICE, BOB, CAROL], stats: chain });
    expect(figures(naive)).toBe(figures(snapshot));
    expect(naive.rpcRequests).toBeGreaterThan(50 * snapshot.rpcRequests);
  }, 120_000);

  it('past the size limit, a level is split into chunks pinned to the same block, with the same figures', async () => {
    const chunked = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE, BOB, CAROL], stats: chain, maxBatchBytes: 40_000 });
    expect(chunked.rpcRequests).toBeGreaterThan(10);
    expect(figures(chunked)).toBe(figures(snapshot));
  }, 60_000);

  it('the first refresh on a new client adds only the endpoint check (eth_chainId)', () => {
    // `snapshot` was the first refresh of `chain`.
    expect(snapshot.rpcRequests).toBeLessThanOrEqual(5);
  });
});
