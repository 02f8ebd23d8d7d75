import type { Address } from 'viem';
import type { Position, PositionExit, StackLayer, UnreadPosition } from '../report';
import type { ChainSnapshot, QueuedWithdrawal, StrategyDeposit, TokenBalance } from '../snapshot';
import type { EngineContext } from './build-engine-context';
import type { Attribution, ExposureLink, ExposureProfile, LayerCache } from './attribute-exposure';
import type { TokenInfo } from '../registry/types';
import type { StackParts } from './build-stack';
import type { TokenLayers } from './token-layers';
import type { ProtocolLookThrough } from './build-protocol-look-through';
import { attributeExposure, buildExposureProfile } from './attribute-exposure';
import { blocksToSeconds } from './blocks-to-seconds';
import { buildProtocolLookThrough } from './build-protocol-look-through';
import { buildStack } from './build-stack';
import { compareText } from './compare-text';
import { navToEth } from './nav-to-eth';
import { tokenExit } from './token-exit';
import { tokenLayers } from './token-layers';
import { underlyingTokenId } from './underlying-token-id';

/** A position with the facts the metrics need that the report type does not carry. */
export interface PositionFacts {
  readonly position: Position;
  /** How the position's value splits over operators and sets (null: not delegated, or no value). */
  readonly profile: ExposureProfile | null;
  /** What all operator sets together can slash of this position (see attributeExposure). */
  readonly slashableEth: bigint;
  /** Registry tokens the position stands on (held token and what it wraps or is bridged from). */
  readonly tokenIds: readonly string[];
  /** For a token position: the token whose market price applies (its own, else the one it is bridged from). */
  readonly marketToken: string | null;
  /** For a token position: the mainnet token it is (bridgedFrom, or itself), the subject of depeg stress. */
  readonly canonicalToken: string | null;
}

export interface BuiltPositions {
  /** Sorted by position id. */
  readonly facts: readonly PositionFacts[];
  readonly unread: readonly UnreadPosition[];
}

export interface WatchedWallet {
  readonly address: Address;
}

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';
const NO_EXIT: PositionExit = { instantEth: null, atNavSeconds: null, atNavDelayOnChain: false, claimableAtBlock: null, claimableAt: null };

/** Profiles shared by many positions, built once per report. */
interface Profiles {
  readonly ctx: EngineContext;
  readonly layers: LayerCache;
  /** Own delegation, key `${operator}|${strategy}`. */
  readonly own: Map<string, ExposureProfile>;
  /** LRT look-through, key: look-through token id. */
  readonly protocol: Map<string, { readonly lookThrough: ProtocolLookThrough; readonly profile: ExposureProfile | null } | null>;
  /** Per token id: what every position in it shares. */
  readonly tokens: Map<string, TokenShared>;
  /** Stacks shared by positions whose look-through kept every operator and AVS of their profile. */
  readonly stacks: Map<string, StackLayer[]>;
}

interface TokenShared {
  readonly layers: TokenLayers;
  readonly venue: StackLayer | null;
  readonly exit: { readonly atNavSeconds: bigint | null; readonly onChain: boolean };
  readonly asset: Position['asset'];
}

function tokenShared(pr: Profiles, token: TokenInfo): TokenShared {
  let shared = pr.tokens.get(token.id);
  if (!shared) {
    const layers = tokenLayers(pr.ctx, token.id);
    const venue: StackLayer | null = layers.venue === null ? null : {
      layer: 'venue', protocol: layers.venue,
      address: layers.venue === 'EigenLayer' ? pr.ctx.registry.eigenLayer.strategyManager : null,
      label: layers.venue,
    };
    shared = { layers, venue, exit: tokenExit(pr.ctx, token), asset: { symbol: token.symbol, address: token.address, decimals: token.decimals, tokenId: token.id } };
    pr.tokens.set(token.id, shared);
  }
  return shared;
}

/** A stack, shared between positions when their look-through is complete (the same layers for every value). */
function stackFor(pr: Profiles, key: string, profile: ExposureProfile | null, attribution: Attribution, parts: StackParts): StackLayer[] {
  const complete = profile === null || (attribution.layers.operators.length === profile.operators.length && attribution.operatorSets.length === profile.sets.length);
  if (!complete) return buildStack(parts);
  let stack = pr.stacks.get(key);
  if (!stack) {
    stack = buildStack(parts);
    pr.stacks.set(key, stack);
  }
  return stack;
}

function ownProfile(pr: Profiles, operator: Address | null, strategy: string): ExposureProfile | null {
  if (operator === null) return null;
  const key = `${operator.toLowerCase()}|${strategy}`;
  let profile = pr.own.get(key);
  if (!profile) {
    profile = buildExposureProfile(pr.ctx, pr.layers, [{ operator, strategy, numerator: 1n }], 1n);
    pr.own.set(key, profile);
  }
  return profile;
}

/**
 * Turns every chain snapshot into positions: one per non-zero token balance, per EigenLayer
 * strategy deposit, per EigenPod, and per queued withdrawal. A failed read yields no position,
 * only an entry in `unread` (a failed read is never a zero balance); a whole failed chain yields
 * one `unread` entry per watched wallet.
 */
export function buildPositions(ctx: EngineContext, snapshots: readonly ChainSnapshot[], wallets: readonly WatchedWallet[]): BuiltPositions {
  const facts: PositionFacts[] = [];
  const unread: UnreadPosition[] = [];
  const pr: Profiles = { ctx, layers: new Map(), own: new Map(), protocol: new Map(), tokens: new Map(), stacks: new Map() };
  const eigen = ctx.registry.eigenLayer;
  const mainnetBlockTime = ctx.chains.get(eigen.chainId)?.blockTimeSeconds ?? 12;
  const eigenDelaySeconds = blocksToSeconds(ctx.minWithdrawalDelayBlocks ?? BigInt(eigen.defaultMinWithdrawalDelayBlocks), mainnetBlockTime);
  const eigenDelayOnChain = ctx.minWithdrawalDelayBlocks !== null;

  const sorted = [...snapshots].sort((a, b) => a.chainId - b.chainId);
  for (const snap of sorted) {
    const chainId = snap.chainId;
    if (snap.status === 'failed') {
      for (const w of wallets) {
        unread.push({ chainId, wallet: w.address, source: 'chain', positionIdPrefix: `${chainId}:${w.address.toLowerCase()}:`, error: 'chain could not be read' });
      }
      continue;
    }
    const blockTime = ctx.chains.get(chainId)?.blockTimeSeconds ?? 12;
    for (const ws of snap.wallets) {
      const wallet = ws.wallet;
      const w = wallet.toLowerCase();
      for (const tb of ws.balances) {
        const prefix = `${chainId}:${w}:token:${tb.token}`;
        if (!tb.balance.ok) {
          unread.push({ chainId, wallet, source: tb.token, positionIdPrefix: prefix, error: tb.balance.error });
          continue;
        }
        if (tb.balance.value === 0n) continue;
        facts.push(tokenPosition(pr, chainId, wallet, prefix, tb, tb.balance.value));
      }
      const es = ws.eigen;
      if (!es) continue;
      const delegated = es.delegatedTo.ok ? es.delegatedTo.value : null;
      const delegationUnknown = !es.delegatedTo.ok;
      const venueBase = (label: string, address: Address): StackLayer => ({ layer: 'venue', protocol: 'EigenLayer', address, label });

      if (!es.deposits.ok) {
        unread.push({ chainId, wallet, source: 'eigen.deposits', positionIdPrefix: `${chainId}:${w}:restaked:`, error: es.deposits.error });
      } else {
        for (const d of es.deposits.value) {
          if (d.withdrawableShares === 0n && d.withdrawableUnderlying === 0n) continue;
          facts.push(restakedPosition(pr, chainId, wallet, d, delegated, delegationUnknown, eigenDelaySeconds, eigenDelayOnChain, venueBase('EigenLayer', d.strategy)));
        }
      }
      if (!es.pod.ok) {
        unread.push({ chainId, wallet, source: 'eigen.pod', positionIdPrefix: `${chainId}:${w}:native-restaked:`, error: es.pod.error });
      } else if (es.pod.value && es.pod.value.withdrawableShares > 0n) {
        const pod = es.pod.value;
        const value = pod.withdrawableShares;
        const profile = ownProfile(pr, delegated, ctx.beaconStrategy);
        const attribution = attributeExposure(value, profile);
        const position: Position = {
          id: `${chainId}:${w}:native-restaked:${pod.pod.toLowerCase()}`,
          wallet, chainId, kind: 'native-restaked',
          asset: { symbol: 'ETH', address: null, decimals: 18, tokenId: null },
          amount: value, valueEth: value, marketValueEth: null,
          stack: buildStack({ outer: [], venue: venueBase('EigenLayer EigenPod', pod.pod), lookThrough: attribution.layers, inner: [], beacon: true }),
          exit: { ...NO_EXIT, atNavSeconds: eigenDelaySeconds, atNavDelayOnChain: eigenDelayOnChain },
          exposure: { operators: attribution.operators, operatorSets: attribution.operatorSets },
          nominalEth: attribution.nominalEth, unrestakedEth: attribution.unrestakedEth,
          degraded: (profile?.degraded ?? false) || delegationUnknown,
        };
        facts.push({ position, profile, slashableEth: attribution.slashableEth, tokenIds: [], marketToken: null, canonicalToken: null });
      }
      if (!es.queuedWithdrawals.ok) {
        unread.push({ chainId, wallet, source: 'eigen.queuedWithdrawals', positionIdPrefix: `${chainId}:${w}:queued-withdrawal:`, error: es.queuedWithdrawals.error });
      } else {
        for (const q of es.queuedWithdrawals.value) {
          facts.push(queuedPosition(pr, chainId, wallet, q, snap, blockTime, venueBase('EigenLayer withdrawal queue', eigen.delegationManager)));
        }
      }
    }
  }
  facts.sort((a, b) => compareText(a.position.id, b.position.id));
  unread.sort((a, b) => compareText(a.positionIdPrefix, b.positionIdPrefix));
  return { facts, unread };
}

/** The innermost token of the chain with look-through data (eETH for weETH: its supply is the protocol's whole NAV), with its profile. */
function protocolFor(pr: Profiles, tokenIds: readonly string[]): { readonly lookThrough: ProtocolLookThrough; readonly profile: ExposureProfile | null } | null {
  for (let i = tokenIds.length - 1; i >= 0; i--) {
    const id = tokenIds[i];
    if (id === undefined || !pr.ctx.lookThrough.has(id)) continue;
    if (!pr.protocol.has(id)) {
      const lookThrough = buildProtocolLookThrough(pr.ctx, id);
      pr.protocol.set(id, lookThrough === null ? null : {
        lookThrough,
        profile: lookThrough.totalNavEth === null ? null : buildExposureProfile(pr.ctx, pr.layers, lookThrough.links, lookThrough.totalNavEth),
      });
    }
    return pr.protocol.get(id) ?? null;
  }
  return null;
}

function tokenPosition(pr: Profiles, chainId: number, wallet: Address, id: string, tb: TokenBalance, balance: bigint): PositionFacts {
  const ctx = pr.ctx;
  const token = ctx.tokensById.get(tb.token);
  if (!token) {
    const position: Position = {
      id, wallet, chainId, kind: 'token',
      asset: { symbol: tb.token, address: tb.address, decimals: 18, tokenId: tb.token },
      amount: balance, valueEth: null, marketValueEth: null, stack: [], exit: NO_EXIT,
      exposure: { operators: [], operatorSets: [] }, nominalEth: 0n, unrestakedEth: 0n, degraded: true,
    };
    return { position, profile: null, slashableEth: 0n, tokenIds: [], marketToken: null, canonicalToken: null };
  }
  let degraded = false;
  const valueEth = tb.navAmount?.ok ? navToEth(ctx, token.id, balance, tb.navAmount.value) : navToEth(ctx, token.id, balance);
  if (valueEth === null) degraded = true;

  // Market: the token's own source, else (for a bridged copy without one) the source of the token it is bridged from.
  let marketToken: string | null = null;
  let marketRate: bigint | null = null;
  const own = ctx.tokenStates.get(token.id)?.state.marketRate ?? null;
  const origin = token.bridgedFrom !== null ? (ctx.tokenStates.get(token.bridgedFrom)?.state.marketRate ?? null) : null;
  const source = own ?? origin;
  if (source !== null) {
    marketToken = own !== null ? token.id : token.bridgedFrom;
    if (source.ok) marketRate = source.value;
    else degraded = true;
  }
  const marketValueEth = marketRate === null ? null : (balance * marketRate) / 10n ** BigInt(token.decimals);
  const instantEth = tb.saleAmountEth?.ok ? tb.saleAmountEth.value : marketValueEth;
  const shared = tokenShared(pr, token);
  const { atNavSeconds, onChain } = shared.exit;
  const layers = shared.layers;
  const protocol = valueEth === null ? null : protocolFor(pr, layers.tokenIds);
  const profile = protocol?.profile ?? null;
  if (protocol) degraded ||= protocol.lookThrough.degraded || profile === null || profile.degraded;
  const attribution = attributeExposure(valueEth ?? 0n, profile);
  const position: Position = {
    id, wallet, chainId, kind: 'token',
    asset: shared.asset,
    amount: balance, valueEth, marketValueEth,
    stack: stackFor(pr, `token|${token.id}`, profile, attribution, { outer: layers.outer, venue: shared.venue, lookThrough: attribution.layers, inner: layers.inner, beacon: layers.endsInEth }),
    exit: { instantEth, atNavSeconds, atNavDelayOnChain: onChain, claimableAtBlock: null, claimableAt: null },
    exposure: { operators: attribution.operators, operatorSets: attribution.operatorSets },
    nominalEth: attribution.nominalEth, unrestakedEth: attribution.unrestakedEth, degraded,
  };
  return { position, profile, slashableEth: attribution.slashableEth, tokenIds: layers.tokenIds, marketToken, canonicalToken: token.bridgedFrom ?? token.id };
}

function underlyingAsset(ctx: EngineContext, underlying: string | null, address: Address | null): Position['asset'] {
  if (underlying === 'ETH') return { symbol: 'ETH', address: null, decimals: 18, tokenId: null };
  const token = underlying === null ? undefined : ctx.tokensById.get(underlying);
  if (token) return { symbol: token.symbol, address: token.address, decimals: token.decimals, tokenId: token.id };
  return { symbol: underlying ?? 'unknown', address, decimals: 18, tokenId: null };
}

function underlyingEth(ctx: EngineContext, underlying: string | null, amount: bigint): bigint | null {
  if (underlying === null || underlying === 'EIGEN') return null;
  if (underlying === 'ETH') return amount;
  return navToEth(ctx, underlying, amount);
}

function restakedPosition(
  pr: Profiles, chainId: number, wallet: Address, d: StrategyDeposit, delegated: Address | null, delegationUnknown: boolean,
  delaySeconds: bigint, delayOnChain: boolean, venue: StackLayer,
): PositionFacts {
  const ctx = pr.ctx;
  const strategy = d.strategy.toLowerCase();
  const underlying = underlyingTokenId(ctx, strategy, d.underlyingToken);
  const valueEth = underlyingEth(ctx, underlying, d.withdrawableUnderlying);
  const profile = valueEth === null ? null : ownProfile(pr, delegated, strategy);
  const attribution = attributeExposure(valueEth ?? 0n, profile);
  const underlyingToken = underlying === null ? undefined : ctx.tokensById.get(underlying);
  const layers = underlyingToken ? tokenShared(pr, underlyingToken).layers : null;
  const position: Position = {
    id: `${chainId}:${wallet.toLowerCase()}:restaked:${strategy}`,
    wallet, chainId, kind: 'restaked',
    asset: underlyingAsset(ctx, underlying, d.underlyingToken),
    amount: d.withdrawableUnderlying, valueEth, marketValueEth: null,
    stack: stackFor(pr, `restaked|${strategy}|${delegated?.toLowerCase() ?? ''}`, profile, attribution, {
      outer: [], venue, lookThrough: attribution.layers,
      inner: layers ? [...layers.outer, ...layers.inner] : [], beacon: underlying === 'ETH' || (layers?.endsInEth ?? false),
    }),
    exit: { ...NO_EXIT, atNavSeconds: delaySeconds, atNavDelayOnChain: delayOnChain },
    exposure: { operators: attribution.operators, operatorSets: attribution.operatorSets },
    nominalEth: attribution.nominalEth, unrestakedEth: attribution.unrestakedEth,
    degraded: (profile?.degraded ?? false) || delegationUnknown || (valueEth === null && underlying !== 'EIGEN'),
  };
  return { position, profile, slashableEth: attribution.slashableEth, tokenIds: layers?.tokenIds ?? [], marketToken: null, canonicalToken: null };
}

function queuedPosition(
  pr: Profiles, chainId: number, wallet: Address, q: QueuedWithdrawal, snap: ChainSnapshot, blockTime: number, venue: StackLayer,
): PositionFacts {
  const ctx = pr.ctx;
  let valueEth: bigint | null = 0n;
  let degraded = false;
  let allEigen = true;
  const entryValues: { strategy: string; eth: bigint }[] = [];
  const underlyings = new Set<string>();
  let firstUnderlying: string | null = null;
  let amount = 0n;
  for (const e of q.entries) {
    const strategy = e.strategy.toLowerCase();
    const underlying = underlyingTokenId(ctx, strategy, e.underlyingToken);
    underlyings.add(underlying ?? `?${e.underlyingToken.toLowerCase()}`);
    firstUnderlying ??= underlying;
    amount += e.withdrawableUnderlying;
    if (underlying !== 'EIGEN') allEigen = false;
    const eth = underlyingEth(ctx, underlying, e.withdrawableUnderlying);
    if (eth === null) {
      if (underlying !== 'EIGEN') degraded = true;
      continue;
    }
    entryValues.push({ strategy, eth });
    valueEth += eth;
  }
  if (degraded || (allEigen && q.entries.length > 0)) valueEth = null;
  const single = underlyings.size === 1;
  const asset = single ? underlyingAsset(ctx, firstUnderlying, q.entries[0]?.underlyingToken ?? null) : underlyingAsset(ctx, 'ETH', null);

  const remaining = snap.blockNumber === null ? null : q.completableBlock > snap.blockNumber ? q.completableBlock - snap.blockNumber : 0n;
  const atNavSeconds = remaining === null ? null : blocksToSeconds(remaining, blockTime);
  const claimableAt = atNavSeconds !== null && snap.blockTimestamp !== null ? snap.blockTimestamp + atNavSeconds : null;
  const claimable = remaining === 0n;

  // Until it can be completed, a queued withdrawal stays slashable by the operator it was delegated to.
  const operator = q.delegatedTo.toLowerCase() === ZERO_ADDRESS || claimable ? null : q.delegatedTo;
  const links: ExposureLink[] = operator === null ? [] : entryValues.map((e) => ({ operator, strategy: e.strategy, numerator: e.eth }));
  const only = links.length === 1 ? links[0] : undefined;
  const profile = valueEth === null || links.length === 0 ? null
    : only ? ownProfile(pr, only.operator, only.strategy) : buildExposureProfile(ctx, pr.layers, links, valueEth);
  const attribution = attributeExposure(valueEth ?? 0n, profile);
  const layers = firstUnderlying !== null && firstUnderlying !== 'ETH' && firstUnderlying !== 'EIGEN' ? tokenLayers(ctx, firstUnderlying) : null;
  const position: Position = {
    id: `${chainId}:${wallet.toLowerCase()}:queued-withdrawal:${q.root.toLowerCase()}`,
    wallet, chainId, kind: 'queued-withdrawal', asset,
    amount: single ? amount : (valueEth ?? 0n), valueEth, marketValueEth: null,
    stack: buildStack({
      outer: [], venue, lookThrough: attribution.layers,
      inner: layers ? [...layers.outer, ...layers.inner] : [], beacon: firstUnderlying === 'ETH' || (layers?.endsInEth ?? false),
    }),
    exit: { instantEth: null, atNavSeconds, atNavDelayOnChain: true, claimableAtBlock: q.completableBlock, claimableAt },
    exposure: { operators: attribution.operators, operatorSets: attribution.operatorSets },
    nominalEth: attribution.nominalEth, unrestakedEth: attribution.unrestakedEth,
    degraded: degraded || (profile?.degraded ?? false),
  };
  return { position, profile, slashableEth: attribution.slashableEth, tokenIds: layers?.tokenIds ?? [], marketToken: null, canonicalToken: null };
}
