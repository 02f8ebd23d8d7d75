import type { Address } from 'viem';
import type { TokenInfo } from '../registry/types';
import type { Position } from '../report';
import { compareText } from './compare-text';

/** A wallet holds tokens of a protocol whose pending redemption requests the app does not read. */
export interface RedemptionsNotTracked {
  readonly wallet: Address;
  /** Registry protocol name (`Puffer`, `Rocket Pool`, …). */
  readonly protocol: string;
  /** The protocol's queue or vault contract, when the registry names one. */
  readonly queue: Address | null;
  /** Registry ids of the tokens held (`pufETH@1`, …), sorted. */
  readonly tokens: readonly string[];
  /** Their symbols, in the order of `tokens`. */
  readonly symbols: readonly string[];
}

/**
 * For each wallet, the protocols of the tokens it holds (positions of kind `token`) whose registry
 * redemption says `requestsTracked: false` (issue 10: "otherwise the registry says 'not tracked' and the
 * UI says so"): a request the wallet has in such a queue is not among its positions, so every face says
 * so. A bridged copy counts under the token it is bridged from. Sorted by wallet, then protocol. Pure.
 */
export function redemptionsNotTracked(positions: readonly Position[], tokens: readonly TokenInfo[]): RedemptionsNotTracked[] {
  const byId = new Map(tokens.map((t) => [t.id, t]));
  const groups = new Map<string, { wallet: Address; protocol: string; queue: Address | null; tokens: Map<string, string> }>();
  for (const p of positions) {
    if (p.kind !== 'token' || p.asset.tokenId === null) continue;
    const held = byId.get(p.asset.tokenId);
    if (!held) continue;
    const origin = held.redemption === null && held.bridgedFrom !== null ? byId.get(held.bridgedFrom) ?? held : held;
    const r = origin.redemption;
    if (r === null || r.requestsTracked) continue;
    const key = `${p.wallet.toLowerCase()}\u0000${origin.protocol}`;
    const group = groups.get(key) ?? { wallet: p.wallet, protocol: origin.protocol, queue: r.contract, tokens: new Map<string, string>() };
    group.tokens.set(held.id, held.symbol);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, g]) => {
      const ids = [...g.tokens.keys()].sort(compareText);
      return { wallet: g.wallet, protocol: g.protocol, queue: g.queue, tokens: ids, symbols: ids.map((id) => g.tokens.get(id) ?? id) };
    });
}
