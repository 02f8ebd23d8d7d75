/**
 * The redemption queues of the simulated world (issue 10): ether.fi WithdrawRequestNFT, Renzo
 * WithdrawQueue (+ its RiskOracleMiddleware), Kelp LRTWithdrawalManager (+ LRTConfig's asset list) and
 * Swell rswEXIT, at their mainnet addresses, with scenario helpers that play the user (impersonated, so
 * the LRT really leaves the wallet) and the protocol's operators (finalize, unlock, process).
 * Requires deployTokens first: the queues take the world's eETH, ezETH, rsETH and rswETH and read their rates.
 */
import { encodeAbiParameters, encodePacked, getAddress, keccak256, numberToHex, pad, parseEther, slice, stringToHex, type Address } from 'viem';
import { ADDR } from '../shared/registry/tokens';
import { KELP_LRT_CONFIG, NATIVE_ETH_ADDRESS } from '../shared/redemption';
import type { WorldContext } from './context';
import { deployEtherFiInstant } from './etherfi-instant-world';
import { TOKEN_ADDRESSES, type TokensWorld } from './tokens-world';

/** Where the Renzo RiskOracleMiddleware fixture lives (the real address is read from WithdrawQueue.riskOracleMiddleware()). */
export const RENZO_RISK_ORACLE_ADDRESS: Address = getAddress(slice(keccak256(stringToHex('matryoshka.fixture.renzo.riskOracleMiddleware')), 12));

/** Defaults: Renzo's cooldown (7 days), Kelp's delay (8 days of 12 s blocks, as LRTWithdrawalManager.initialize), first ether.fi id. */
export const REDEMPTION_DEFAULTS = {
  renzoCoolDownSeconds: 604_800n,
  kelpDelayBlocks: 57_600n,
  etherfiFirstRequestId: 40_001n,
} as const;

const QUEUE_FUNDS = parseEther('1000000');
/** The storage slot of RdKelpLRTWithdrawalManager.withdrawalRequests (after withdrawalDelayBlocks, nextUnusedNonce, nextLockedNonce). */
const KELP_REQUESTS_SLOT = 3n;

export const REDEMPTION_ADDRESSES = {
  etherfi: ADDR.etherfiWithdrawRequestNFT,
  renzo: ADDR.renzoWithdrawQueue,
  renzoRiskOracle: RENZO_RISK_ORACLE_ADDRESS,
  kelp: ADDR.kelpWithdrawalManager,
  kelpConfig: KELP_LRT_CONFIG,
  swell: ADDR.rswEXIT,
} as const;

const C = {
  etherfi: 'RdEtherFiWithdrawRequestNFT',
  renzo: 'RdRenzoWithdrawQueue',
  renzoRiskOracle: 'RdRenzoRiskOracleMiddleware',
  kelp: 'RdKelpLRTWithdrawalManager',
  kelpConfig: 'RdKelpLRTConfig',
  swell: 'RdSwellRswEXIT',
} as const;

export interface RedemptionsWorld {
  readonly addresses: typeof REDEMPTION_ADDRESSES;
  /** `wallet` (holding eETH) requests a withdrawal of `amount` eETH: the eETH moves to the NFT contract, an NFT is minted. Returns the request id. */
  requestEtherFi(wallet: Address, amount: bigint): Promise<bigint>;
  /** EtherFiAdmin finalizes every request up to `requestId`, freezing today's share rate for them. */
  finalizeEtherFi(requestId: bigint): Promise<void>;
  /** The guardian invalidates a request that is not finalized yet. */
  invalidateEtherFi(requestId: bigint): Promise<void>;
  /** Anyone claims a finalized request: the NFT is burned and its owner paid. */
  claimEtherFi(requestId: bigint): Promise<void>;
  transferEtherFi(from: Address, to: Address, requestId: bigint): Promise<void>;
  /** `wallet` (holding ezETH) queues `amount` ezETH for ETH. Returns the withdrawRequestID. */
  requestRenzo(wallet: Address, amount: bigint): Promise<bigint>;
  /** Claims `wallet`'s request at array index `index` (indices move on claims: swap and pop). */
  claimRenzo(wallet: Address, index: bigint): Promise<void>;
  setRenzoCoolDown(seconds: bigint): Promise<void>;
  /** RiskOracleMiddleware.withdrawCooldownPeriod(): lengthens the cooldown when above coolDownPeriod. */
  setRenzoRiskCooldown(seconds: bigint): Promise<void>;
  /** `wallet` (holding rsETH) initiates a withdrawal of `amount` rsETH to `asset` (ETH by default). Returns the request's nonce. */
  requestKelp(wallet: Address, amount: bigint, asset?: Address): Promise<bigint>;
  /** The operator unlocks requests with nonce < `firstExcludedNonce` whose delay has passed. */
  unlockKelp(firstExcludedNonce: bigint, asset?: Address): Promise<void>;
  /** `wallet` completes its oldest request for `asset`. */
  completeKelp(wallet: Address, asset?: Address): Promise<void>;
  setKelpDelayBlocks(blocks: bigint): Promise<void>;
  /**
   * Backdates Kelp request `nonce` to `startBlock` (as if initiated then): the world cannot mine the
   * ~57,600 blocks of Kelp's delay in a test's time, so anvil rewrites the stored withdrawalStartBlock,
   * the field LRTWithdrawalManager.getUserWithdrawalRequest returns. Checked by reading it back.
   */
  backdateKelp(nonce: bigint, startBlock: bigint, asset?: Address): Promise<void>;
  /** `wallet` (holding rswETH) creates a withdraw request: the rswETH is burned, an NFT minted. Returns the token id. */
  requestSwell(wallet: Address, amount: bigint): Promise<bigint>;
  /** Swell's bot processes every request up to `tokenId` at today's rate. */
  processSwell(tokenId: bigint): Promise<void>;
  /** The NFT owner finalizes (claims) a processed request. */
  claimSwell(wallet: Address, tokenId: bigint): Promise<void>;
  transferSwell(from: Address, to: Address, tokenId: bigint): Promise<void>;
}

/** Places the queue fixtures (and funds them to pay claims) and sets the protocols' delays to their defaults. */
export async function deployRedemptions(ctx: WorldContext): Promise<RedemptionsWorld> {
  const A = REDEMPTION_ADDRESSES;
  const placements: readonly (readonly [string, Address])[] = [
    [C.etherfi, A.etherfi], [C.renzo, A.renzo], [C.renzoRiskOracle, A.renzoRiskOracle],
    [C.kelp, A.kelp], [C.kelpConfig, A.kelpConfig], [C.swell, A.swell],
  ];
  await Promise.all(placements.map(([contract, at]) => ctx.place(contract, at)));
  await Promise.all([A.etherfi, A.renzo, A.kelp, A.swell].map((at) => ctx.testClient.setBalance({ address: at, value: QUEUE_FUNDS })));
  await ctx.write(C.etherfi, A.etherfi, 'setNextRequestId', [Number(REDEMPTION_DEFAULTS.etherfiFirstRequestId)]);
  await ctx.write(C.renzo, A.renzo, 'setCoolDownPeriod', [REDEMPTION_DEFAULTS.renzoCoolDownSeconds]);
  await ctx.write(C.renzo, A.renzo, 'setRiskOracleMiddleware', [A.renzoRiskOracle]);
  await ctx.write(C.kelp, A.kelp, 'setWithdrawalDelayBlocks', [REDEMPTION_DEFAULTS.kelpDelayBlocks]);
  await ctx.write(C.kelpConfig, A.kelpConfig, 'setSupportedAssetList', [[TOKEN_ADDRESSES.stETH, TOKEN_ADDRESSES.ETHx, NATIVE_ETH_ADDRESS]]);
  await deployEtherFiInstant(ctx); // ether.fi's instant path (EtherFiRedemptionManager), beside its queue

  /** Sends a transaction as `wallet` (anvil impersonation), as the user would. */
  const asWallet = async (wallet: Address, contract: string, at: Address, functionName: string, args: readonly unknown[]): Promise<void> => {
    await ctx.testClient.impersonateAccount({ address: wallet });
    try {
      const balance = await ctx.publicClient.getBalance({ address: wallet });
      if (balance < parseEther('1')) await ctx.testClient.setBalance({ address: wallet, value: parseEther('10') });
      const hash = await ctx.walletClient.writeContract({ address: at, abi: ctx.abi(contract), functionName, args: [...args], account: wallet, chain: ctx.chain });
      const receipt = await ctx.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
      if (receipt.status !== 'success') throw new Error(`${contract}.${functionName} from ${wallet} reverted`);
    } finally {
      await ctx.testClient.stopImpersonatingAccount({ address: wallet });
    }
  };
  const readBig = async (contract: string, at: Address, fn: string, args: readonly unknown[] = []): Promise<bigint> => {
    const v = await ctx.read(contract, at, fn, args);
    if (typeof v !== 'bigint' && typeof v !== 'number') throw new Error(`${contract}.${fn} returned ${String(v)}`);
    return BigInt(v);
  };

  return {
    addresses: A,
    async requestEtherFi(wallet, amount) {
      const share = await readBig('FixtureEtherFiLiquidityPool', ADDR.etherfiLiquidityPool, 'sharesForAmount', [amount]);
      // LiquidityPool.requestWithdraw: the eETH moves from the user to the NFT contract, then the NFT is minted.
      await asWallet(wallet, 'FixtureEETH', TOKEN_ADDRESSES.eETH, 'transfer', [A.etherfi, amount]);
      await ctx.write(C.etherfi, A.etherfi, 'requestWithdraw', [amount, share, wallet]);
      return (await readBig(C.etherfi, A.etherfi, 'nextRequestId')) - 1n;
    },
    async finalizeEtherFi(requestId) {
      await ctx.write(C.etherfi, A.etherfi, 'finalizeRequests', [requestId]);
    },
    async invalidateEtherFi(requestId) {
      await ctx.write(C.etherfi, A.etherfi, 'invalidateRequest', [requestId]);
    },
    async claimEtherFi(requestId) {
      await ctx.write(C.etherfi, A.etherfi, 'claimWithdraw', [requestId]);
    },
    async transferEtherFi(from, to, requestId) {
      await asWallet(from, C.etherfi, A.etherfi, 'transferFrom', [from, to, requestId]);
    },
    async requestRenzo(wallet, amount) {
      await asWallet(wallet, 'FixtureEzETH', TOKEN_ADDRESSES.ezETH, 'approve', [A.renzo, amount]);
      await asWallet(wallet, C.renzo, A.renzo, 'withdraw', [amount, NATIVE_ETH_ADDRESS]);
      return readBig(C.renzo, A.renzo, 'withdrawRequestNonce');
    },
    async claimRenzo(wallet, index) {
      await asWallet(wallet, C.renzo, A.renzo, 'claim', [index, wallet]);
    },
    async setRenzoCoolDown(seconds) {
      await ctx.write(C.renzo, A.renzo, 'setCoolDownPeriod', [seconds]);
    },
    async setRenzoRiskCooldown(seconds) {
      await ctx.write(C.renzoRiskOracle, A.renzoRiskOracle, 'setWithdrawCooldownPeriod', [seconds]);
    },
    async requestKelp(wallet, amount, asset = NATIVE_ETH_ADDRESS) {
      await asWallet(wallet, 'FixtureRsETH', TOKEN_ADDRESSES.rsETH, 'approve', [A.kelp, amount]);
      await asWallet(wallet, C.kelp, A.kelp, 'initiateWithdrawal', [asset, amount, 'matryoshka']);
      return (await readBig(C.kelp, A.kelp, 'nextUnusedNonce', [asset])) - 1n;
    },
    async unlockKelp(firstExcludedNonce, asset = NATIVE_ETH_ADDRESS) {
      await ctx.write(C.kelp, A.kelp, 'unlockQueue', [asset, firstExcludedNonce, 0n, 0n, 0n, 0n]);
    },
    async completeKelp(wallet, asset = NATIVE_ETH_ADDRESS) {
      await asWallet(wallet, C.kelp, A.kelp, 'completeWithdrawal', [asset, 'matryoshka']);
    },
    async setKelpDelayBlocks(blocks) {
      await ctx.write(C.kelp, A.kelp, 'setWithdrawalDelayBlocks', [blocks]);
    },
    async backdateKelp(nonce, startBlock, asset = NATIVE_ETH_ADDRESS) {
      // RdKelpLRTWithdrawalManager storage: slot 3 is withdrawalRequests (bytes32 => {rsETHUnstaked,
      // expectedAssetAmount, withdrawalStartBlock}); the start block is the struct's third word.
      const id = keccak256(encodePacked(['address', 'uint256'], [asset, nonce]));
      const base = BigInt(keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'uint256' }], [id, KELP_REQUESTS_SLOT])));
      await ctx.testClient.setStorageAt({ address: A.kelp, index: numberToHex(base + 2n, { size: 32 }), value: pad(numberToHex(startBlock), { size: 32 }) });
      const stored = await ctx.read(C.kelp, A.kelp, 'withdrawalRequests', [id]);
      if (!Array.isArray(stored) || stored[2] !== startBlock) throw new Error(`Kelp request ${nonce} did not take start block ${startBlock} (storage layout changed?)`);
    },
    async requestSwell(wallet, amount) {
      await asWallet(wallet, 'FixtureRswETH', TOKEN_ADDRESSES.rswETH, 'approve', [A.swell, amount]);
      await asWallet(wallet, C.swell, A.swell, 'createWithdrawRequest', [amount]);
      return readBig(C.swell, A.swell, 'getLastTokenIdCreated');
    },
    async processSwell(tokenId) {
      await ctx.write(C.swell, A.swell, 'processWithdrawals', [tokenId]);
    },
    async claimSwell(wallet, tokenId) {
      await asWallet(wallet, C.swell, A.swell, 'finalizeWithdrawal', [tokenId]);
    },
    async transferSwell(from, to, tokenId) {
      await asWallet(from, C.swell, A.swell, 'transferFrom', [from, to, tokenId]);
    },
  };
}

/** The amounts populateRedemptionsDemo puts in the queues (base units of the LRT given). */
export const DEMO_REDEMPTIONS = {
  etherfiClaimable: parseEther('1'),
  etherfiPending: parseEther('2'),
  renzoPending: parseEther('1.5'),
  kelpPending: parseEther('1'),
  swellClaimable: parseEther('0.8'),
} as const;

/**
 * Sample requests for the demo and the faces' tests: `holder` gets the LRTs and queues them, one ether.fi
 * request finalized (claimable) and one pending, a Renzo and a Kelp request pending at their on-chain
 * delays, and a Swell request processed (claimable). The LRT leaves the wallet, as on mainnet.
 */
export async function populateRedemptionsDemo(rw: RedemptionsWorld, tokens: TokensWorld, holder: Address): Promise<void> {
  const d = DEMO_REDEMPTIONS;
  await tokens.mint('eETH', holder, d.etherfiClaimable + d.etherfiPending + parseEther('0.01'));
  await tokens.mint('ezETH', holder, d.renzoPending);
  await tokens.mint('rsETH', holder, d.kelpPending);
  await tokens.mint('rswETH', holder, d.swellClaimable);
  const first = await rw.requestEtherFi(holder, d.etherfiClaimable);
  await rw.finalizeEtherFi(first);
  await rw.requestEtherFi(holder, d.etherfiPending);
  await rw.requestRenzo(holder, d.renzoPending);
  await rw.requestKelp(holder, d.kelpPending);
  const swell = await rw.requestSwell(holder, d.swellClaimable);
  await rw.processSwell(swell);
}
