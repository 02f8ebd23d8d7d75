/**
 * Pending LRT redemptions read from the simulated world to the wei (issue 10). The scenario puts requests
 * in every state into each tracked queue (pending, finalized, claimable, already claimed, transferred away);
 * expected figures come from the scenario's own numbers and the protocols' published formulas
 * (docs/registry-sources.md section 3), never from the reader's output.
 */
import { getAddress, parseAbi, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../shared/registry/registry';
import { ADDR } from '../../shared/registry/tokens';
import type { RedemptionRequest, ScanCursor } from '../../shared/redemption';
import { NATIVE_ETH_ADDRESS } from '../../shared/redemption';
import { readChain } from '../../node/tracker/read-chain';
import { readRedemptions, type ReadRedemptionsParameters } from '../../node/tracker/read-redemptions';
import { attachRedemptions } from '../../node/tracker/redemptions-attach';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { DEMO_REDEMPTIONS, deployRedemptions, populateRedemptionsDemo, REDEMPTION_DEFAULTS, type RedemptionsWorld } from '../../world/redemptions-world';
import { deployTokens, type TokensWorld } from '../../world/tokens-world';

const E18 = 10n ** 18n;
const ALICE = getAddress('0xa11ce0000000000000000000000000000000a11c');
const BOB = getAddress('0xb0b000000000000000000000000000000000b0b0');
const CAROL = getAddress('0xca201000000000000000000000000000000000c3');
const DAVE = getAddress('0xda7e00000000000000000000000000000000da7e');
const GENESIS = 24_000_000n;

const lpAbi = parseAbi(['function getTotalPooledEther() view returns (uint256)', 'function sharesForAmount(uint256) view returns (uint256)']);
const eEthAbi = parseAbi(['function totalShares() view returns (uint256)']);

let anvil: Anvil;
/** The chain head, uncached (viem caches eth_blockNumber for its polling interval). */
const head = () => ctx.publicClient.getBlockNumber({ cacheTime: 0 });
let ctx: WorldContext;
let tokens: TokensWorld;
let rw: RedemptionsWorld;
/** What the scenario put on chain, filled in by beforeAll. */
const expected: RedemptionRequest[] = [];
let kelpFinalizedAt = 0n;
let kelpClaimableFrom = 0n;

const base = (r: Pick<RedemptionRequest, 'protocol' | 'token' | 'contract' | 'requestId' | 'owner' | 'amountLocked' | 'expectedAmount' | 'status'> & Partial<RedemptionRequest>): RedemptionRequest => ({
  assetGiven: r.token, expectedAsset: 'ETH', claimableAtBlock: null, claimableAt: null, createdAt: null, startBlock: null, blockedReason: null, ...r,
});

async function etherFiFrozenRate(): Promise<bigint> {
  // LiquidityPool.amountPerShareCeil(): Math.mulDiv(1e18, totalPooledEther, totalShares, Up).
  const pooled = await ctx.publicClient.readContract({ address: ADDR.etherfiLiquidityPool, abi: lpAbi, functionName: 'getTotalPooledEther' });
  const shares = await ctx.publicClient.readContract({ address: ADDR.eETH, abi: eEthAbi, functionName: 'totalShares' });
  return (E18 * pooled + shares - 1n) / shares;
}

const read = async (extra: Partial<ReadRedemptionsParameters> = {}) => {
  const blockNumber = await head();
  return readRedemptions(ctx.publicClient, {
    chainId: 1, registry, wallets: [ALICE, BOB, CAROL], blockNumber, cursors: [],
    scanStartBlocks: new Map([[ADDR.etherfiWithdrawRequestNFT.toLowerCase(), GENESIS]]), ...extra,
  });
};

beforeAll(async () => {
  anvil = await startAnvil();
  ctx = connectWorld(anvil.rpcUrl);
  tokens = await deployTokens(ctx);
  rw = await deployRedemptions(ctx);
  const nft = ADDR.etherfiWithdrawRequestNFT;

  // ether.fi: E1 finalized after a NAV drop (claimable below its amount), E2 pending, E3 claimed, E4 moved to Bob, E5 invalidated.
  await tokens.mint('eETH', ALICE, parseEther('10'));
  const share = (amount: bigint) => ctx.publicClient.readContract({ address: ADDR.etherfiLiquidityPool, abi: lpAbi, functionName: 'sharesForAmount', args: [amount] });
  const e1Amount = parseEther('1.5');
  const e1Share = await share(e1Amount);
  const e1 = await rw.requestEtherFi(ALICE, e1Amount);
  const e1Block = await head();
  const e3 = await rw.requestEtherFi(ALICE, parseEther('0.5'));
  await tokens.setNavRate('weETH', parseEther('1.07'));
  const frozen = await etherFiFrozenRate();
  await rw.finalizeEtherFi(e3);
  await rw.claimEtherFi(e3);
  const e2Amount = parseEther('2');
  const e2 = await rw.requestEtherFi(ALICE, e2Amount);
  const e2Block = await head();
  const e4Amount = parseEther('0.7');
  const e4 = await rw.requestEtherFi(ALICE, e4Amount);
  const e4Block = await head();
  await rw.transferEtherFi(ALICE, BOB, e4);
  const e5Amount = parseEther('0.3');
  const e5 = await rw.requestEtherFi(ALICE, e5Amount);
  const e5Block = await head();
  await rw.invalidateEtherFi(e5);
  const ef = { protocol: 'ether.fi', token: 'eETH@1', contract: nft } as const;
  // getClaimableAmount = min(amountOfEEth, shareOfEEth * frozenRate / 1e18).
  const e1Claimable = (e1Share * frozen) / E18 < e1Amount ? (e1Share * frozen) / E18 : e1Amount;
  expect(e1Claimable).toBeLessThan(e1Amount); // the NAV drop reached the claim
  expected.push(
    // startBlock: the mint log the scan saw (E4's mint went to Alice, also watched, before she sent it to Bob).
    base({ ...ef, requestId: e1.toString(), owner: ALICE, amountLocked: e1Amount, expectedAmount: e1Claimable, status: 'claimable', startBlock: e1Block }),
    base({ ...ef, requestId: e2.toString(), owner: ALICE, amountLocked: e2Amount, expectedAmount: e2Amount, status: 'pending', startBlock: e2Block }),
    base({ ...ef, requestId: e4.toString(), owner: BOB, amountLocked: e4Amount, expectedAmount: e4Amount, status: 'pending', startBlock: e4Block }),
    base({ ...ef, requestId: e5.toString(), owner: ALICE, amountLocked: e5Amount, expectedAmount: e5Amount, status: 'pending', startBlock: e5Block, blockedReason: 'invalidated by ether.fi: only its timelock can seize or revalidate it' }),
  );

  // Renzo: R1 claimable after the cooldown, R3 claimed (index moves), R2 pending under the risk oracle's longer cooldown.
  await tokens.mint('ezETH', ALICE, parseEther('5'));
  const renzoRate = tokens.navRate('ezETH');
  const r1Amount = parseEther('0.8');
  const r1 = await rw.requestRenzo(ALICE, r1Amount);
  const r1Created = (await ctx.publicClient.getBlock()).timestamp;
  await rw.requestRenzo(ALICE, parseEther('0.5'));
  const risk = 8n * 86_400n;
  await rw.setRenzoRiskCooldown(risk);
  await ctx.testClient.increaseTime({ seconds: 9 * 86_400 });
  await ctx.mine(1);
  await rw.claimRenzo(ALICE, 1n);
  const r2Amount = parseEther('2');
  const r2 = await rw.requestRenzo(ALICE, r2Amount);
  const r2Created = (await ctx.publicClient.getBlock()).timestamp;
  const rz = { protocol: 'Renzo', token: 'ezETH@1', contract: ADDR.renzoWithdrawQueue } as const;
  expected.push(
    base({ ...rz, requestId: r1.toString(), owner: ALICE, amountLocked: r1Amount, expectedAmount: (r1Amount * renzoRate) / E18, status: 'claimable', createdAt: r1Created, claimableAt: r1Created + risk }),
    base({ ...rz, requestId: r2.toString(), owner: ALICE, amountLocked: r2Amount, expectedAmount: (r2Amount * renzoRate) / E18, status: 'pending', createdAt: r2Created, claimableAt: r2Created + risk }),
  );

  // Kelp: K0 completed (the oldest), K1 unlocked after an rsETH price drop, K2 still locked past its delay.
  await rw.setKelpDelayBlocks(100n);
  await tokens.mint('rsETH', ALICE, parseEther('5'));
  const priceAtRequest = tokens.navRate('rsETH');
  await rw.requestKelp(ALICE, parseEther('0.4'));
  const k1Amount = parseEther('1');
  const k1 = await rw.requestKelp(ALICE, k1Amount);
  const k1Block = await head();
  const k2Amount = parseEther('0.6');
  const k2 = await rw.requestKelp(ALICE, k2Amount);
  const k2Block = await head();
  await ctx.mine(100);
  const priceAtUnlock = parseEther('1.05');
  await tokens.setNavRate('rsETH', priceAtUnlock);
  await rw.unlockKelp(k2); // nonces 0 and 1
  await rw.completeKelp(ALICE);
  // A longer delay after the unlock: K1 is unlocked but not claimable until its new delay block.
  await rw.setKelpDelayBlocks(400n);
  kelpClaimableFrom = k1Block + 400n;
  kelpFinalizedAt = await head();
  const eth = NATIVE_ETH_ADDRESS.toLowerCase();
  const kp = { protocol: 'Kelp DAO', token: 'rsETH@1', contract: ADDR.kelpWithdrawalManager } as const;
  expected.push(
    // Unlock pays min(expected, rsETH x rsETHPrice / assetPrice); the ETH asset price is 1e18.
    base({ ...kp, requestId: `${eth}:${k1}`, owner: ALICE, amountLocked: k1Amount, expectedAmount: (k1Amount * priceAtUnlock) / E18, status: 'finalized', startBlock: k1Block, claimableAtBlock: k1Block + 400n }),
    base({ ...kp, requestId: `${eth}:${k2}`, owner: ALICE, amountLocked: k2Amount, expectedAmount: (k2Amount * priceAtRequest) / E18, status: 'pending', startBlock: k2Block, claimableAtBlock: k2Block + 400n }),
  );

  // Swell: S1 processed after a rate drop (claimable), S2 claimed, S3 pending, S4 moved to Bob.
  await tokens.mint('rswETH', ALICE, parseEther('5'));
  const rateAtRequest = tokens.navRate('rswETH');
  const s1Amount = parseEther('1');
  const s1 = await rw.requestSwell(ALICE, s1Amount);
  const s2 = await rw.requestSwell(ALICE, parseEther('0.5'));
  const processedRate = parseEther('1.065');
  await tokens.setNavRate('rswETH', processedRate);
  await rw.processSwell(s2);
  await rw.claimSwell(ALICE, s2);
  const s3Amount = parseEther('2');
  const s3 = await rw.requestSwell(ALICE, s3Amount);
  const s4Amount = parseEther('0.3');
  const s4 = await rw.requestSwell(ALICE, s4Amount);
  await rw.transferSwell(ALICE, BOB, s4);
  const sw = { protocol: 'Swell', token: 'rswETH@1', contract: ADDR.rswEXIT } as const;
  const min = (a: bigint, b: bigint) => (a < b ? a : b);
  expected.push(
    base({ ...sw, requestId: s1.toString(), owner: ALICE, amountLocked: s1Amount, expectedAmount: (s1Amount * min(processedRate, rateAtRequest)) / E18, status: 'claimable' }),
    base({ ...sw, requestId: s3.toString(), owner: ALICE, amountLocked: s3Amount, expectedAmount: (s3Amount * processedRate) / E18, status: 'pending' }),
    base({ ...sw, requestId: s4.toString(), owner: BOB, amountLocked: s4Amount, expectedAmount: (s4Amount * processedRate) / E18, status: 'pending' }),
  );
}, 300_000);

afterAll(async () => {
  await anvil?.stop();
});

const byProtocol = (list: readonly RedemptionRequest[], protocol: string) => list.filter((r) => r.protocol === protocol);
const sortKey = (r: RedemptionRequest) => `${r.token}|${r.owner.toLowerCase()}|${r.requestId.padStart(80, '0')}`;
const sorted = (list: readonly RedemptionRequest[]) => [...list].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));

describe('readRedemptions against the sample world', () => {
  it('reads every ether.fi request the wallets own, to the wei, with the frozen-rate claimable amount', async () => {
    const result = await read();
    expect(sorted(byProtocol(result.requests, 'ether.fi'))).toEqual(sorted(byProtocol(expected, 'ether.fi')));
    expect(result.unread).toEqual([]);
  });

  it('reads Renzo requests with claimableAt = createdAt + max(coolDownPeriod, risk oracle cooldown)', async () => {
    const result = await read();
    expect(sorted(byProtocol(result.requests, 'Renzo'))).toEqual(sorted(byProtocol(expected, 'Renzo')));
    expect(REDEMPTION_DEFAULTS.renzoCoolDownSeconds).toBeLessThan(8n * 86_400n);
  });

  it('reads Kelp requests with their completable block, finalized before it and claimable from it', async () => {
    const before = await read({ blockNumber: kelpFinalizedAt });
    expect(sorted(byProtocol(before.requests, 'Kelp DAO'))).toEqual(sorted(byProtocol(expected, 'Kelp DAO')));
    const now = await head();
    if (now < kelpClaimableFrom) await ctx.mine(Number(kelpClaimableFrom - now));
    const after = await read({ blockNumber: kelpClaimableFrom });
    const k1 = byProtocol(after.requests, 'Kelp DAO').find((r) => r.status !== 'pending');
    expect(k1?.status).toBe('claimable');
    expect(k1?.claimableAtBlock).toBe(kelpClaimableFrom);
    const oneBlockEarlier = await read({ blockNumber: kelpClaimableFrom - 1n });
    expect(byProtocol(oneBlockEarlier.requests, 'Kelp DAO').find((r) => r.requestId === k1?.requestId)?.status).toBe('finalized');
  });

  it('reads Swell requests through the enumerable NFT, at min(processed rate, rate when created)', async () => {
    const result = await read();
    expect(sorted(byProtocol(result.requests, 'Swell'))).toEqual(sorted(byProtocol(expected, 'Swell')));
  });

  it('tracks no Puffer requests and finds nothing for an empty wallet', async () => {
    const result = await read();
    expect(result.requests.some((r) => r.protocol === 'Puffer')).toBe(false);
    expect(result.requests.filter((r) => r.owner === CAROL)).toEqual([]);
    expect(result.unread).toEqual([]);
  });

  it('returns a cursor that survives JSON and makes the next read scan no old block', async () => {
    const first = await read();
    const saved = JSON.stringify(first.cursors);
    const restored = JSON.parse(saved) as ScanCursor[]; // the store's JSON round trip
    await ctx.mine(5);
    const second = await read({ cursors: restored });
    expect(second.requests).toEqual(first.requests);
    const scanFirst = first.scans[0];
    const scanSecond = second.scans[0];
    expect(scanSecond?.fromBlock).toBe(scanFirst?.fromBlock);
    expect(scanSecond?.scannedTo).toBe((scanFirst?.scannedTo ?? 0n) + 5n);
  });

  it('reports a queue it cannot read as unread for each wallet, never as no requests', async () => {
    const broken = { ...registry, multicall3: getAddress('0x00000000000000000000000000000000000dead1') };
    const result = await read({ registry: broken });
    expect(result.requests.filter((r) => r.protocol !== 'ether.fi')).toEqual([]);
    const tokensUnread = new Set(result.unread.map((u) => u.token));
    expect(tokensUnread).toEqual(new Set(['eETH@1', 'ezETH@1', 'rsETH@1', 'rswETH@1']));
    expect(result.unread.filter((u) => u.wallet === ALICE)).toHaveLength(4);
  });

  it('attaches to the tracker\'s chain snapshot at its block, with the delays read on chain and its requests counted', async () => {
    const wallets = [ALICE, BOB, CAROL];
    const snap = await readChain({ client: ctx.publicClient, chainId: 1, registry, wallets });
    if (snap.blockNumber === null) throw new Error('chain not read');
    const start = new Map([[ADDR.etherfiWithdrawRequestNFT.toLowerCase(), GENESIS]]);
    const attached = await attachRedemptions(ctx.publicClient, snap, { registry, wallets, cursors: [], scanStartBlocks: start });
    const direct = await read({ blockNumber: snap.blockNumber });
    expect(attached.snapshot.redemptions?.requests).toEqual(direct.requests);
    expect(attached.snapshot.blockNumber).toBe(snap.blockNumber);
    expect(attached.snapshot.rpcRequests).toBeGreaterThan(snap.rpcRequests);
    expect(attached.cursors.map((c) => c.contract)).toEqual([ADDR.etherfiWithdrawRequestNFT]);
    // The tracker's token states read the queues' delay getters from the same fixtures.
    const delay = (id: string) => snap.tokens.find((t) => t.token === id);
    expect(delay('ezETH@1')?.redemptionDelaySeconds).toEqual({ ok: true, value: REDEMPTION_DEFAULTS.renzoCoolDownSeconds });
    expect(delay('rsETH@1')?.redemptionDelayBlocks).toEqual({ ok: true, value: 400n });
  });

  it('populates the demo requests: claimable and pending in every tracked queue', async () => {
    await populateRedemptionsDemo(rw, tokens, DAVE);
    const result = await read({ wallets: [DAVE] });
    const summary = result.requests.map((r) => [r.protocol, r.status, r.amountLocked]);
    expect(summary).toEqual([
      ['ether.fi', 'claimable', DEMO_REDEMPTIONS.etherfiClaimable],
      ['ether.fi', 'pending', DEMO_REDEMPTIONS.etherfiPending],
      ['Renzo', 'pending', DEMO_REDEMPTIONS.renzoPending],
      ['Kelp DAO', 'pending', DEMO_REDEMPTIONS.kelpPending],
      ['Swell', 'claimable', DEMO_REDEMPTIONS.swellClaimable],
    ]);
  });
});
