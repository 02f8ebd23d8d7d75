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
import { etherFiInstantExit } from './etherfi-instant-exit';
import { compareText } from './compare-text';
import { navToEth } from './nav-to-eth';
import { applyNavRates, navRateChain, type NavRates } from './nav-rate-chain';
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
const ETH_ASSET: Position['asset'] = { symbol: 'ETH', address: null, decimals: 18, tokenId: null };

/** Profiles shared by many positions, built once per report. */
interface Profiles {
  readonly ctx: EngineContext;
  readonly layers: LayerCache;
  /** Own delegation, key `${operator}|${strategy}`. */
  readonly own: Map<string, ExposureProfile>;
  /** The same profiles by the operator address as written and the strategy, to skip lowercasing per position. */
  readonly ownByAddress: Map<string, Map<string, ExposureProfile>>;
  /** LRT look-through, key: look-through token id. */
  readonly protocol: Map<string, { readonly lookThrough: ProtocolLookThrough; readonly profile: ExposureProfile | null } | null>;
  /** Per token id: what every position in it shares. */
  readonly tokens: Map<string, TokenShared>;
  /** Stacks shared by positions whose look-through kept every operator and AVS of their profile. */
  readonly stacks: Map<string, StackLayer[]>;
  /** The same for queued withdrawals, by profile and first underlying token. */
  readonly queuedStacks: Map<ExposureProfile | null, Map<string, StackLayer[]>>;
}

interface TokenShared {
  readonly layers: TokenLayers;
  readonly venue: StackLayer | null;
  readonly exit: { readonly atNavSeconds: bigint | null; readonly onChain: boolean };
  readonly asset: Position['asset'];
  /** 10^decimals: one whole token in base units. */
  readonly unit: bigint;
  /** Key of the token's shared stack (see stackFor). */
  readonly stackKey: string;
  /** NAV rates of a balance, and of a balance given in the NAV unit (see navRateChain). */
  readonly navRates: NavRates | null;
  readonly unitNavRates: NavRates | null;
  /** The token whose market price applies (its own, else the one it is bridged from), and that price (null: unreadable). */
  readonly market: { readonly token: string | null; readonly rate: bigint | null; readonly degraded: boolean };
  /** The look-through protocol under the token, found on first use (undefined until then). */
  protocol?: { readonly lookThrough: ProtocolLookThrough; readonly profile: ExposureProfile | null; readonly degraded: boolean } | null;
}

/** The market source of a token: its own, else (for a bridged copy without one) the source of the token it is bridged from. */
function marketOf(ctx: EngineContext, token: TokenInfo): TokenShared['market'] {
  const own = ctx.tokenStates.get(token.id)?.state.marketRate ?? null;
  const origin = token.bridgedFrom !== null ? (ctx.tokenStates.get(token.bridgedFrom)?.state.marketRate ?? null) : null;
  const source = own ?? origin;
  if (source === null) return { token: null, rate: null, degraded: false };
  return { token: own !== null ? token.id : token.bridgedFrom, rate: source.ok ? source.value : null, degraded: !source.ok };
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
    shared = {
      layers, venue, exit: tokenExit(pr.ctx, token), asset: { symbol: token.symbol, address: token.address, decimals: token.decimals, tokenId: token.id },
      unit: 10n ** BigInt(token.decimals), stackKey: `token|${token.id}`,
      navRates: navRateChain(pr.ctx, token.id, false), unitNavRates: navRateChain(pr.ctx, token.id, true), market: marketOf(pr.ctx, token),
    };
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
  let byStrategy = pr.ownByAddress.get(operator);
  if (!byStrategy) {
    byStrategy = new Map();
    pr.ownByAddress.set(operator, byStrategy);
  }
  let profile = byStrategy.get(strategy);
  if (profile) return profile;
  // Keyed by the lowercase address: every spelling of one operator shares one profile (and one exposure group).
  const key = `${operator.toLowerCase()}|${strategy}`;
  profile = pr.own.get(key);
  if (!profile) {
    profile = buildExposureProfile(pr.ctx, pr.layers, [{ operator, strategy, numerator: 1n }], 1n);
    pr.own.set(key, profile);
  }
  byStrategy.set(strategy, profile);
  return profile;
}

const byPositionId = (a: PositionFacts, b: PositionFacts): number => compareText(a.position.id, b.position.id);
// Token position ids are `${prefix}token:${token id}`: with the prefix equal, the token ids decide.
const byTokenId = (a: PositionFacts, b: PositionFacts): number => compareText(a.position.asset.tokenId ?? a.position.id, b.position.asset.tokenId ?? b.position.id);

/** One wallet's facts on one chain, in the order they were built: tokens, restaked deposits, the pod, queued withdrawals. */
interface WalletGroup {
  /** `${chainId}:${lowercase wallet}:`, which every id of the group starts with. */
  readonly prefix: string;
  readonly facts: PositionFacts[];
  /** End of the token positions, the restaked ones and the pod in `facts`. */
  tokensEnd: number;
  restakedEnd: number;
  podEnd: number;
}

/** Appends facts[from, to) to out, sorted with `compare` (stable) when there are several. */
function appendSorted(out: PositionFacts[], facts: PositionFacts[], from: number, to: number, compare: (a: PositionFacts, b: PositionFacts) => number): void {
  if (to - from > 1) {
    for (const f of facts.slice(from, to).sort(compare)) out.push(f);
    return;
  }
  for (let i = from; i < to; i++) {
    const f = facts[i];
    if (f !== undefined) out.push(f);
  }
}

/**
 * Sorts the facts of every wallet by position id, then the wallets by their id prefix: the same
 * order as one stable sort of everything by id, in far fewer string comparisons. Within a group
 * the kinds come in id order (`native-restaked` < `queued-withdrawal` < `restaked` < `token`),
 * so only positions of one kind are compared. Falls back to the one sort when two groups share a
 * prefix (a wallet listed twice in a snapshot).
 */
function sortGroups(groups: WalletGroup[]): PositionFacts[] {
  groups.sort((a, b) => compareText(a.prefix, b.prefix));
  const out: PositionFacts[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g === undefined) continue;
    if (i > 0 && groups[i - 1]?.prefix === g.prefix) return groups.flatMap((x) => x.facts).sort(byPositionId);
    const f = g.facts;
    appendSorted(out, f, g.restakedEnd, g.podEnd, byPositionId);
    appendSorted(out, f, g.podEnd, f.length, byPositionId);
    appendSorted(out, f, g.tokensEnd, g.restakedEnd, byPositionId);
    appendSorted(out, f, 0, g.tokensEnd, byTokenId);
  }
  return out;
}

/**
 * Turns every chain snapshot into positions: one per non-zero token balance, per EigenLayer
 * strategy deposit, per EigenPod, and per queued withdrawal. A failed read yields no position,
 * only an entry in `unread` (a failed read is never a zero balance); a whole failed chain yields
 * one `unread` entry per watched wallet.
 */
export function buildPositions(ctx: EngineContext, snapshots: readonly ChainSnapshot[], wallets: readonly WatchedWallet[]): BuiltPositions {
  // Facts per wallet and chain, sorted together at the end (see sortGroups).
  const groups: WalletGroup[] = [];
  const unread: UnreadPosition[] = [];
  const pr: Profiles = { ctx, layers: new Map(), own: new Map(), ownByAddress: new Map(), protocol: new Map(), tokens: new Map(), stacks: new Map(), queuedStacks: new Map() };
  const eigen = ctx.registry.eigenLayer;
  const mainnetBlockTime = ctx.chains.get(eigen.chainId)?.blockTimeSeconds ?? 12;
  const eigenDelaySeconds = blocksToSeconds(ctx.minWithdrawalDelayBlocks ?? BigInt(eigen.defaultMinWithdrawalDelayBlocks), mainnetBlockTime);
  const eigenDelayOnChain = ctx.minWithdrawalDelayBlocks !== null;
  // One exit for every restaked and native-restaked position (positions are never mutated).
  const eigenExit: PositionExit = { instantEth: null, atNavSeconds: eigenDelaySeconds, atNavDelayOnChain: eigenDelayOnChain, claimableAtBlock: null, claimableAt: null };
  const queueVenue: StackLayer = { layer: 'venue', protocol: 'EigenLayer', address: eigen.delegationManager, label: 'EigenLayer withdrawal queue' };

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
      const facts: PositionFacts[] = [];
      const group: WalletGroup = { prefix: `${chainId}:${w}:`, facts, tokensEnd: 0, restakedEnd: 0, podEnd: 0 };
      groups.push(group);
      for (const tb of ws.balances) {
        const prefix = `${chainId}:${w}:token:${tb.token}`;
        if (!tb.balance.ok) {
          unread.push({ chainId, wallet, source: tb.token, positionIdPrefix: prefix, error: tb.balance.error });
          continue;
        }
        if (tb.balance.value === 0n) continue;
        facts.push(tokenPosition(pr, chainId, wallet, prefix, tb, tb.balance.value, snap));
      }
      group.tokensEnd = group.restakedEnd = group.podEnd = facts.length;
      const es = ws.eigen;
      if (!es) continue;
      const delegated = es.delegatedTo.ok ? es.delegatedTo.value : null;
      const delegationUnknown = !es.delegatedTo.ok;
      const wf: WalletFacts = { chainId, wallet, w, delegated, delegatedKey: delegated?.toLowerCase() ?? '', delegationUnknown };

      if (!es.deposits.ok) {
        unread.push({ chainId, wallet, source: 'eigen.deposits', positionIdPrefix: `${chainId}:${w}:restaked:`, error: es.deposits.error });
      } else {
        for (const d of es.deposits.value) {
          if (d.withdrawableShares === 0n && d.withdrawableUnderlying === 0n) continue;
          facts.push(restakedPosition(pr, wf, d, eigenExit));
        }
      }
      group.restakedEnd = group.podEnd = facts.length;
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
          asset: ETH_ASSET,
          amount: value, valueEth: value, marketValueEth: null,
          stack: buildStack({ outer: [], venue: { layer: 'venue', protocol: 'EigenLayer', address: pod.pod, label: 'EigenLayer EigenPod' }, lookThrough: attribution.layers, inner: [], beacon: true }),
          exit: eigenExit,
          exposure: { operators: attribution.operators, operatorSets: attribution.operatorSets },
          nominalEth: attribution.nominalEth, unrestakedEth: attribution.unrestakedEth,
          degraded: (profile?.degraded ?? false) || delegationUnknown,
        };
        facts.push({ position, profile, slashableEth: attribution.slashableEth, tokenIds: [], marketToken: null, canonicalToken: null });
      }
      group.podEnd = facts.length;
      if (!es.queuedWithdrawals.ok) {
        unread.push({ chainId, wallet, source: 'eigen.queuedWithdrawals', positionIdPrefix: `${chainId}:${w}:queued-withdrawal:`, error: es.queuedWithdrawals.error });
      } else {
        for (const q of es.queuedWithdrawals.value) {
          facts.push(queuedPosition(pr, chainId, wallet, q, snap, blockTime, queueVenue));
        }
      }
    }
  }
  unread.sort((a, b) => compareText(a.positionIdPrefix, b.positionIdPrefix));
  return { facts: sortGroups(groups), unread };
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

function tokenPosition(pr: Profiles, chainId: number, wallet: Address, id: string, tb: TokenBalance, balance: bigint, snap: ChainSnapshot): PositionFacts {
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
  const shared = tokenShared(pr, token);
  const rates = tb.navAmount?.ok ? shared.unitNavRates : shared.navRates;
  const valueEth = rates === null ? null : applyNavRates(tb.navAmount?.ok ? tb.navAmount.value : balance, rates);
  const market = shared.market;
  let degraded = valueEth === null || market.degraded;
  const marketToken = market.token;
  const marketValueEth = market.rate === null ? null : (balance * market.rate) / shared.unit;
  const instantEth = tb.saleAmountEth?.ok ? tb.saleAmountEth.value : marketValueEth;
  const { atNavSeconds, onChain } = shared.exit;
  const layers = shared.layers;
  let protocol: TokenShared['protocol'] = null;
  if (valueEth !== null) {
    if (shared.protocol === undefined) {
      const found = protocolFor(pr, layers.tokenIds);
      shared.protocol = found === null ? null : { lookThrough: found.lookThrough, profile: found.profile, degraded: found.lookThrough.degraded || found.profile === null || found.profile.degraded };
    }
    protocol = shared.protocol;
  }
  const profile = protocol?.profile ?? null;
  if (protocol) degraded ||= protocol.degraded;
  const attribution = attributeExposure(valueEth ?? 0n, profile);
  const position: Position = {
    id, wallet, chainId, kind: 'token',
    asset: shared.asset,
    amount: balance, valueEth, marketValueEth,
    stack: stackFor(pr, shared.stackKey, profile, attribution, { outer: layers.outer, venue: shared.venue, lookThrough: attribution.layers, inner: layers.inner, beacon: layers.endsInEth }),
    exit: { instantEth, atNavSeconds, atNavDelayOnChain: onChain, claimableAtBlock: null, claimableAt: null, ...etherFiInstantExit(token, balance, snap) },
    exposure: { operators: attribution.operators, operatorSets: attribution.operatorSets },
    nominalEth: attribution.nominalEth, unrestakedEth: attribution.unrestakedEth, degraded,
  };
  return { position, profile, slashableEth: attribution.slashableEth, tokenIds: layers.tokenIds, marketToken, canonicalToken: token.bridgedFrom ?? token.id };
}

function underlyingAsset(ctx: EngineContext, underlying: string | null, address: Address | null): Position['asset'] {
  if (underlying === 'ETH') return ETH_ASSET;
  const token = underlying === null ? undefined : ctx.tokensById.get(underlying);
  if (token) return { symbol: token.symbol, address: token.address, decimals: token.decimals, tokenId: token.id };
  return { symbol: underlying ?? 'unknown', address, decimals: 18, tokenId: null };
}

function underlyingEth(ctx: EngineContext, underlying: string | null, amount: bigint): bigint | null {
  if (underlying === null || underlying === 'EIGEN') return null;
  if (underlying === 'ETH') return amount;
  return navToEth(ctx, underlying, amount);
}

/** What the positions of one wallet share. */
interface WalletFacts {
  readonly chainId: number;
  readonly wallet: Address;
  /** The wallet, lowercase. */
  readonly w: string;
  readonly delegated: Address | null;
  /** `delegated`, lowercase ('' when not delegated). */
  readonly delegatedKey: string;
  readonly delegationUnknown: boolean;
}

function restakedPosition(pr: Profiles, wf: WalletFacts, d: StrategyDeposit, exit: PositionExit): PositionFacts {
  const ctx = pr.ctx;
  const { chainId, wallet, delegated } = wf;
  const strategy = d.strategy.toLowerCase();
  const underlying = underlyingTokenId(ctx, strategy, d.underlyingToken);
  const valueEth = underlyingEth(ctx, underlying, d.withdrawableUnderlying);
  const profile = valueEth === null ? null : ownProfile(pr, delegated, strategy);
  const attribution = attributeExposure(valueEth ?? 0n, profile);
  const underlyingToken = underlying === null ? undefined : ctx.tokensById.get(underlying);
  const layers = underlyingToken ? tokenShared(pr, underlyingToken).layers : null;
  const position: Position = {
    id: `${chainId}:${wf.w}:restaked:${strategy}`,
    wallet, chainId, kind: 'restaked',
    asset: underlyingAsset(ctx, underlying, d.underlyingToken),
    amount: d.withdrawableUnderlying, valueEth, marketValueEth: null,
    stack: stackFor(pr, `restaked|${strategy}|${wf.delegatedKey}`, profile, attribution, {
      outer: [], venue: { layer: 'venue', protocol: 'EigenLayer', address: d.strategy, label: 'EigenLayer' }, lookThrough: attribution.layers,
      inner: layers ? [...layers.outer, ...layers.inner] : [], beacon: underlying === 'ETH' || (layers?.endsInEth ?? false),
    }),
    exit,
    exposure: { operators: attribution.operators, operatorSets: attribution.operatorSets },
    nominalEth: attribution.nominalEth, unrestakedEth: attribution.unrestakedEth,
    degraded: (profile?.degraded ?? false) || wf.delegationUnknown || (valueEth === null && underlying !== 'EIGEN'),
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
  let layers: TokenLayers | null = null;
  if (firstUnderlying !== null && firstUnderlying !== 'ETH' && firstUnderlying !== 'EIGEN') {
    const underlyingToken = ctx.tokensById.get(firstUnderlying);
    layers = underlyingToken ? tokenShared(pr, underlyingToken).layers : tokenLayers(ctx, firstUnderlying);
  }
  const build = (): StackLayer[] => buildStack({
    outer: [], venue, lookThrough: attribution.layers,
    inner: layers ? [...layers.outer, ...layers.inner] : [], beacon: firstUnderlying === 'ETH' || (layers?.endsInEth ?? false),
  });
  // Shared like stackFor's: the venue is the same for every queued withdrawal, the rest follows the profile and the underlying.
  let stack: StackLayer[];
  if (profile === null || (attribution.layers.operators.length === profile.operators.length && attribution.operatorSets.length === profile.sets.length)) {
    let byUnderlying = pr.queuedStacks.get(profile);
    if (!byUnderlying) {
      byUnderlying = new Map();
      pr.queuedStacks.set(profile, byUnderlying);
    }
    const key = firstUnderlying ?? '';
    stack = byUnderlying.get(key) ?? build();
    byUnderlying.set(key, stack);
  } else stack = build();
  const position: Position = {
    id: `${chainId}:${wallet.toLowerCase()}:queued-withdrawal:${q.root.toLowerCase()}`,
    wallet, chainId, kind: 'queued-withdrawal', asset,
    amount: single ? amount : (valueEth ?? 0n), valueEth, marketValueEth: null,
    stack,
    exit: { instantEth: null, atNavSeconds, atNavDelayOnChain: true, claimableAtBlock: q.completableBlock, claimableAt },
    exposure: { operators: attribution.operators, operatorSets: attribution.operatorSets },
    nominalEth: attribution.nominalEth, unrestakedEth: attribution.unrestakedEth,
    degraded: degraded || (profile?.degraded ?? false),
  };
  return { position, profile, slashableEth: attribution.slashableEth, tokenIds: layers?.tokenIds ?? [], marketToken: null, canonicalToken: null };
}
