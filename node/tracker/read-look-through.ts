/**
 * Which EigenLayer stakers each LRT protocol runs: the registry's known staker contracts plus, where
 * the protocol exposes one, the list its own contract returns (e.g. Kelp's getNodeDelegatorQueue()).
 * The stakers' positions are read by readStaker, like a wallet's.
 */
import { getAddress, type Address } from 'viem';
import type { TokenInfo } from '../../shared/registry/types';
import type { ContractReader } from './contract-reader';
import { isAddressList, narrowRead } from './narrow-read';
import { readViewCall, viewCallName } from './read-view-call';

export interface ReadLookThroughParameters {
  readonly tokens: readonly TokenInfo[];
}

export interface LookThroughStakers {
  readonly token: string;
  readonly stakers: readonly Address[];
}

/** One entry per token with a look-through entry in the registry, in registry order. */
export function readLookThrough(reader: ContractReader, params: ReadLookThroughParameters): Promise<LookThroughStakers[]> {
  return Promise.all(params.tokens.flatMap((token) => {
    const lt = token.lookThrough;
    if (!lt) return [];
    return [(async () => {
      const stakers = new Set<Address>(lt.stakers.map((s) => getAddress(s)));
      if (lt.discover) {
        const key = `lookThrough.discover:${token.id}`;
        const raw = await readViewCall(reader, key, lt.discover);
        // A failed discovery is in failedReads; the known stakers are still read.
        const found = narrowRead(reader, raw, isAddressList, { key, target: lt.discover.address, call: viewCallName(lt.discover), expected: 'address[]' });
        if (found.ok) for (const s of found.value) stakers.add(getAddress(s));
      }
      return { token: token.id, stakers: [...stakers] };
    })()];
  }));
}
