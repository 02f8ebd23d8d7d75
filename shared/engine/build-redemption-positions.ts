import type { Address } from 'viem';
import type { Position, PositionRedemption, RedemptionTiming, StackLayer, UnreadPosition } from '../report';
import type { RedemptionRequest, SnapshotWithRedemptions } from '../redemption';
import type { ChainSnapshot } from '../snapshot';
import type { EngineContext } from './build-engine-context';
import type { PositionFacts } from './build-positions';
import { blocksToSeconds } from './blocks-to-seconds';
import { compareText } from './compare-text';
import { navToEth } from './nav-to-eth';
import { tokenExit } from './token-exit';
import { tokenLayers } from './token-layers';

/** What the redemption warnings need of each request besides its position. */
export interface RedemptionNote {
  readonly positionId: string;
  readonly request: RedemptionRequest;
  /** The protocol's expected delay in seconds (read on chain, or the registry default); null when unknown. */
  readonly expectedDelaySeconds: bigint | null;
  /** Whether that delay was read on chain. */
  readonly delayOnChain: boolean;
  /** Seconds the request is past its expected delay while still not processed; null when it is not (or cannot be told). */
  readonly overdueSeconds: bigint | null;
}

export interface BuiltRedemptionPositions {
  /** Sorted by position id. */
  readonly facts: readonly PositionFacts[];
  readonly notes: readonly RedemptionNote[];
  /** A queue that could not be read for a wallet: keep the last good positions with this prefix. */
  readonly unread: readonly UnreadPosition[];
}

const ETH_ASSET: Position['asset'] = { symbol: 'ETH', address: null, decimals: 18, tokenId: null };

/** The position id prefix of every request of one wallet in one queue. */
export function redemptionPositionPrefix(chainId: number, wallet: Address, token: string): string {
  return `${chainId}:${wallet.toLowerCase()}:redemption:${token}:`;
}

/**
 * Turns the tracker's redemption requests into positions of kind `redemption`: valued at what the
 * protocol says it will pay (in ETH, or converted from the LST paid at its NAV), with the queue as the
 * outermost layer and an exit countdown:
 * - claimable: `atNavSeconds` 0, `claimableAt` the protocol's moment or else the snapshot's block time;
 * - Renzo (time-based): `claimableAt` from the chain, `atNavSeconds` = claimableAt - now;
 * - Kelp (block-based): `claimableAtBlock` from the chain, seconds at the chain's block time; a request past
 *   its block but not yet unlocked is overdue: one block time (it waits for the operator, any moment now);
 * - ether.fi and Swell (no delay getter): the registry default delay, counted from the request's creation
 *   block when the log scan saw it, else in full (an upper bound); overdue as for Kelp;
 * - an ether.fi request finalized but invalidated has no known exit (`atNavSeconds` null).
 * Each position carries the request (`redemption`): protocol, request id, status, the LRT given up and
 * the amount locked, and how its claim time is known (`timing`); a time counted from a delay rather than
 * read from the request (ether.fi, Swell) is an `estimate`, with `estimatedClaimableAt` set and
 * `exit.claimableAt` left null (that field holds only the protocol's own figures).
 * No double counting: every protocol's queue takes the LRT out of the wallet when the request is made
 * (ether.fi LiquidityPool._requestWithdraw transfers the eETH to the NFT contract; Renzo WithdrawQueue.withdraw
 * and Kelp LRTWithdrawalManager.initiateWithdrawal transferFrom the LRT to themselves; Swell rswEXIT burns the
 * rswETH), so a request is never also in the wallet's token balance. Pure and deterministic.
 */
export function buildRedemptionPositions(ctx: EngineContext, snapshots: readonly SnapshotWithRedemptions[], now: bigint): BuiltRedemptionPositions {
  const facts: PositionFacts[] = [];
  const notes: RedemptionNote[] = [];
  const unread: UnreadPosition[] = [];
  for (const snap of [...snapshots].sort((a, b) => a.chainId - b.chainId)) {
    const r = snap.redemptions;
    if (snap.status === 'failed' || r === undefined) continue;
    const blockTime = ctx.chains.get(snap.chainId)?.blockTimeSeconds ?? 12;
    for (const u of r.unread) {
      unread.push({ chainId: snap.chainId, wallet: u.wallet, source: `redemption:${u.token}`, positionIdPrefix: redemptionPositionPrefix(snap.chainId, u.wallet, u.token), error: u.error });
    }
    for (const req of r.requests) {
      const built = redemptionPosition(ctx, snap, req, blockTime, now);
      facts.push(built.fact);
      notes.push(built.note);
    }
  }
  facts.sort((a, b) => compareText(a.position.id, b.position.id));
  notes.sort((a, b) => compareText(a.positionId, b.positionId));
  unread.sort((a, b) => compareText(a.positionIdPrefix, b.positionIdPrefix));
  return { facts, notes, unread };
}

function redemptionPosition(ctx: EngineContext, snap: ChainSnapshot, req: RedemptionRequest, blockTime: number, now: bigint): { fact: PositionFacts; note: RedemptionNote } {
  const id = `${redemptionPositionPrefix(snap.chainId, req.owner, req.token)}${req.requestId}`;
  const token = ctx.tokensById.get(req.token);
  const delay = token ? tokenExit(ctx, token) : { atNavSeconds: null, onChain: false };
  const paid = req.expectedAsset === 'ETH' ? null : ctx.tokensById.get(req.expectedAsset) ?? null;
  const asset: Position['asset'] = req.expectedAsset === 'ETH' ? ETH_ASSET
    : paid ? { symbol: paid.symbol, address: paid.address, decimals: paid.decimals, tokenId: paid.id }
      : { symbol: req.expectedAsset, address: null, decimals: 18, tokenId: null };
  const valueEth = req.expectedAsset === 'ETH' ? req.expectedAmount : paid ? navToEth(ctx, paid.id, req.expectedAmount) : null;

  const block = snap.blockNumber;
  let atNavSeconds: bigint | null;
  let atNavDelayOnChain = false;
  let claimableAt: bigint | null = null;
  let expectedDelaySeconds: bigint | null = delay.atNavSeconds;
  let delayOnChain = delay.onChain;
  let overdueSeconds: bigint | null = null;
  let timing: RedemptionTiming;
  if (req.status === 'claimable') {
    timing = 'now';
    atNavSeconds = 0n;
    atNavDelayOnChain = true;
    // Claimable already: its moment is the protocol's own when it has one, else the block that showed it (sorts first in the timeline).
    claimableAt = req.claimableAt ?? snap.blockTimestamp;
  } else if (req.claimableAt !== null) {
    // Time-based queue (Renzo): the chain gives the moment.
    timing = 'on-chain';
    atNavSeconds = req.claimableAt > now ? req.claimableAt - now : 0n;
    atNavDelayOnChain = true;
    claimableAt = req.claimableAt;
    if (req.createdAt !== null) {
      expectedDelaySeconds = req.claimableAt - req.createdAt;
      delayOnChain = true;
    }
  } else if (req.claimableAtBlock !== null && block !== null) {
    // Block-based queue (Kelp): the chain gives the block.
    timing = 'on-chain';
    atNavDelayOnChain = true;
    if (req.startBlock !== null) {
      expectedDelaySeconds = blocksToSeconds(req.claimableAtBlock - req.startBlock, blockTime);
      delayOnChain = true;
    }
    if (req.claimableAtBlock > block) {
      atNavSeconds = blocksToSeconds(req.claimableAtBlock - block, blockTime);
      claimableAt = snap.blockTimestamp === null ? null : snap.blockTimestamp + atNavSeconds;
    } else {
      atNavSeconds = BigInt(Math.max(1, Math.round(blockTime)));
      if (req.status === 'pending') overdueSeconds = blocksToSeconds(block - req.claimableAtBlock, blockTime);
    }
  } else if (req.blockedReason !== null && req.status === 'finalized') {
    timing = 'unknown';
    atNavSeconds = null;
  } else if (delay.atNavSeconds !== null) {
    // No delay getter (ether.fi, Swell): the documented default, counted from creation when known.
    timing = 'estimate';
    atNavDelayOnChain = delay.onChain;
    const elapsed = req.startBlock !== null && block !== null && block > req.startBlock ? blocksToSeconds(block - req.startBlock, blockTime) : 0n;
    if (elapsed > delay.atNavSeconds) {
      atNavSeconds = BigInt(Math.max(1, Math.round(blockTime)));
      if (req.status === 'pending') overdueSeconds = elapsed - delay.atNavSeconds;
    } else {
      atNavSeconds = delay.atNavSeconds - elapsed;
    }
  } else {
    timing = 'unknown';
    atNavSeconds = null;
  }
  if (overdueSeconds !== null) timing = 'overdue';
  const estimatedClaimableAt = timing === 'estimate' && atNavSeconds !== null ? (snap.blockTimestamp ?? now) + atNavSeconds : null;

  const layers = paid ? tokenLayers(ctx, paid.id) : null;
  const queue: StackLayer = { layer: 'lrt', protocol: req.protocol, address: req.contract, label: `${req.protocol} redemption queue` };
  const stack: StackLayer[] = [queue, ...(layers ? [...layers.outer, ...layers.inner] : [])];
  if (req.expectedAsset === 'ETH' || (layers?.endsInEth ?? false)) stack.push({ layer: 'beacon', protocol: 'Ethereum', address: null, label: 'Beacon chain ETH' });

  const position: Position = {
    id, wallet: req.owner, chainId: snap.chainId, kind: 'redemption', asset,
    amount: req.expectedAmount, valueEth, marketValueEth: null, stack,
    exit: { instantEth: null, atNavSeconds, atNavDelayOnChain, claimableAtBlock: req.claimableAtBlock, claimableAt },
    // Out of the restaking venue: the queue pays a fixed amount (or less, after a loss), not a delegated share.
    exposure: { operators: [], operatorSets: [] },
    nominalEth: 0n, unrestakedEth: valueEth ?? 0n,
    degraded: valueEth === null,
    redemption: redemptionDetail(ctx, req, { timing, estimatedClaimableAt, expectedDelaySeconds, delayOnChain, overdueSeconds }),
  };
  const tokenIds = [req.token, ...(layers?.tokenIds ?? [])];
  return {
    fact: { position, profile: null, slashableEth: 0n, tokenIds, marketToken: null, canonicalToken: null },
    note: { positionId: id, request: req, expectedDelaySeconds, delayOnChain, overdueSeconds },
  };
}

function redemptionDetail(
  ctx: EngineContext, req: RedemptionRequest,
  t: { timing: RedemptionTiming; estimatedClaimableAt: bigint | null; expectedDelaySeconds: bigint | null; delayOnChain: boolean; overdueSeconds: bigint | null },
): PositionRedemption {
  const given = ctx.tokensById.get(req.assetGiven);
  return {
    protocol: req.protocol, requestId: req.requestId, queue: req.contract, status: req.status,
    assetGiven: given ? { symbol: given.symbol, address: given.address, decimals: given.decimals, tokenId: given.id }
      : { symbol: req.assetGiven, address: null, decimals: 18, tokenId: null },
    amountLocked: req.amountLocked, expectedAmount: req.expectedAmount,
    timing: t.timing, estimatedClaimableAt: t.estimatedClaimableAt,
    expectedDelaySeconds: t.expectedDelaySeconds, expectedDelayOnChain: t.delayOnChain, overdueSeconds: t.overdueSeconds,
    createdAt: req.createdAt, startBlock: req.startBlock, blockedReason: req.blockedReason,
  };
}
