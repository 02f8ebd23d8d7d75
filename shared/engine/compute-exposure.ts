import type { Address } from 'viem';
import type { Concentration, Layer, Metrics, Share } from '../report';
import { LAYERS } from '../report';
import type { EngineContext } from './build-engine-context';
import type { PositionSums } from './sum-positions';
import type { GroupExposure } from './group-exposure';
import { shortAddress } from './short-address';
import { stackInfo } from './stack-info';
import type { ShareBuckets } from './to-shares';
import { addToBucket, toShares } from './to-shares';

/** Keys of the buckets that hold what belongs to no protocol / venue / operator (left out of concentration). */
export const UNASSIGNED = { protocol: 'direct', venue: 'none', operator: 'unattributed' } as const;

const LAYER_LABELS: Record<Layer, string> = {
  defi: 'DeFi use', bridge: 'Bridge / L2', lrt: 'LRT wrapper', venue: 'Restaking venue', operator: 'Operator',
  avs: 'AVS / operator set (slashable)', lst: 'LST', beacon: 'Beacon chain ETH',
};

export interface ExposureWallet {
  readonly address: Address;
  readonly label: string | null;
  readonly ens: string | null;
}

/**
 * Exposure by dimension and concentration. Protocol, venue, operator, chain and wallet each
 * partition the total (a remainder bucket catches what has no protocol, venue or operator);
 * layer counts each position once per layer kind it passes through (operator: its delegated
 * part, AVS: its worst-case slashable part); AVS is slashable ETH per AVS.
 */
export function computeExposure(ctx: EngineContext, sums: PositionSums, groups: readonly GroupExposure[], wallets: readonly ExposureWallet[], total: bigint): {
  readonly exposure: Metrics['exposure'];
  readonly concentration: readonly Concentration[];
} {
  const layer: ShareBuckets = new Map();
  const protocol: ShareBuckets = new Map();
  const venue: ShareBuckets = new Map();
  const operator: ShareBuckets = new Map();
  const avs: ShareBuckets = new Map();
  const chain: ShareBuckets = new Map();
  const wallet: ShareBuckets = new Map();
  const walletLabels = new Map(wallets.map((w) => [w.address.toLowerCase(), w.label ?? w.ens ?? shortAddress(w.address)]));

  // Operators and AVSs: from the groups (see groupExposure).
  let delegatedTotal = 0n;
  let slashableTotal = 0n;
  for (const g of groups) {
    const a = g.attribution;
    for (const s of a.operatorSets) {
      const key = s.avs.toLowerCase();
      addToBucket(avs, key, ctx.avsNames.get(key) ?? `AVS ${shortAddress(s.avs)}`, s.slashableEth);
    }
    slashableTotal += a.slashableEth;
    for (const o of a.operators) {
      delegatedTotal += o.valueEth;
      addToBucket(operator, o.operator.toLowerCase(), `Operator ${shortAddress(o.operator)}`, o.valueEth);
    }
  }
  if (total - delegatedTotal > 0n) addToBucket(operator, UNASSIGNED.operator, 'Not attributed to an operator', total - delegatedTotal);
  if (delegatedTotal > 0n) addToBucket(layer, 'operator', LAYER_LABELS.operator, delegatedTotal);
  if (slashableTotal > 0n) addToBucket(layer, 'avs', LAYER_LABELS.avs, slashableTotal);

  // Per stack, chain and wallet spelling first (see sumPositions), then spread over the buckets.
  // Maps keep insertion order, so a wallet bucket still takes its label from its first position.
  const { byStack, byChain, byWallet } = sums;
  for (const [stack, v] of byStack) {
    const info = stackInfo(stack);
    for (const k of info.kinds) addToBucket(layer, k, LAYER_LABELS[k], v);
    addToBucket(protocol, info.protocol ?? UNASSIGNED.protocol, info.protocol ?? 'No LRT or LST', v);
    addToBucket(venue, info.venue ?? UNASSIGNED.venue, info.venue ?? 'Not restaked', v);
  }
  for (const [chainId, v] of byChain) addToBucket(chain, String(chainId), ctx.chains.get(chainId)?.name ?? `Chain ${chainId}`, v);
  for (const [address, v] of byWallet) {
    const wk = address.toLowerCase();
    addToBucket(wallet, wk, walletLabels.get(wk) ?? shortAddress(address), v);
  }

  const exposure: Metrics['exposure'] = {
    layer: toShares(layer, total, LAYERS),
    protocol: toShares(protocol, total),
    venue: toShares(venue, total),
    operator: toShares(operator, total),
    avs: toShares(avs, total),
    chain: toShares(chain, total),
    wallet: toShares(wallet, total),
  };
  const concentration: Concentration[] = [
    concentrationOf('protocol', exposure.protocol, UNASSIGNED.protocol),
    concentrationOf('venue', exposure.venue, UNASSIGNED.venue),
    concentrationOf('operator', exposure.operator, UNASSIGNED.operator),
    concentrationOf('avs', exposure.avs, null),
  ];
  return { exposure, concentration };
}

/** Largest share and Herfindahl index (sum of squared shares) over the assigned buckets. */
function concentrationOf(dimension: string, shares: readonly Share[], unassigned: string | null): Concentration {
  const assigned = shares.filter((s) => s.key !== unassigned);
  const hhi = assigned.reduce((acc, s) => acc + s.share * s.share, 0);
  return { dimension, top: assigned[0] ?? null, hhi };
}
