/**
 * Which EigenLayer stakers each LRT protocol runs: the registry's known staker contracts plus, where
 * the protocol exposes them, the ones its own contracts list live (Kelp's getNodeDelegatorQueue(),
 * Renzo's and Swell's indexed views: discoverStakers). The stakers' positions are read by readStaker,
 * like a wallet's.
 */
import { getAddress, type Address } from 'viem';
import type { TokenInfo } from '../../shared/registry/types';
import type { ContractReader } from './contract-reader';
import { discoverStakers } from './discover-stakers';

export interface ReadLookThroughParameters {
  readonly tokens: readonly TokenInfo[];
}

export interface LookThroughStakers {
  readonly token: string;
  readonly stakers: readonly Address[];
}

/**
 * One entry per token with a look-through entry in the registry, in registry order: the known
 * stakers, then the discovered ones not among them. A failed discovery is in failedReads; the known
 * stakers are still read. An indexed discovery resolves one level later than a list view (the items
 * wait for the length).
 */
export function readLookThrough(reader: ContractReader, params: ReadLookThroughParameters): Promise<LookThroughStakers[]> {
  return Promise.all(params.tokens.flatMap((token) => {
    const lt = token.lookThrough;
    if (!lt) return [];
    return [(async () => {
      const stakers = new Set<Address>(lt.stakers.map((s) => getAddress(s)));
      if (lt.discover) for (const s of await discoverStakers(reader, `lookThrough.discover:${token.id}`, lt.discover)) stakers.add(s);
      return { token: token.id, stakers: [...stakers] };
    })()];
  }));
}
