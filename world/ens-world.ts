/**
 * ENS on the simulated chain, as viem resolves it on mainnet: the Universal Resolver at the
 * address viem's `mainnet` chain names (`contracts.ensUniversalResolver`), the ENS registry and a
 * public resolver at their mainnet addresses. `getEnsAddress` / `getEnsName` work unchanged; an
 * unknown name reverts with ResolverNotFound, which viem maps to null as on mainnet.
 */
import { getAddress, namehash, type Address } from 'viem';
import { mainnet } from 'viem/chains';
import { normalize } from 'viem/ens';
import type { WorldContext } from './context';

export const ENS_REGISTRY_ADDRESS: Address = '0x00000000000C2E074eC69A0dFb2997BA6C7d2e1e';
/** ENS PublicResolver on mainnet (the resolver the ENS app sets by default). */
export const ENS_PUBLIC_RESOLVER_ADDRESS: Address = '0x231b0Ee14048e9dCcD1d247744d114a4EB5E8E63';
/** The Universal Resolver viem calls, taken from viem itself so the two cannot drift apart. */
export const ENS_UNIVERSAL_RESOLVER_ADDRESS: Address = getAddress(mainnet.contracts.ensUniversalResolver.address);

export interface EnsWorld {
  /** Points `name` at `address` (forward record) and makes it `address`'s primary name (reverse record). */
  setEnsName(name: string, address: Address): Promise<void>;
}

/** The reverse node of an address: namehash('<lowercase hex>.addr.reverse') (ENSIP-3). */
export function reverseNode(address: Address): `0x${string}` {
  return namehash(`${address.slice(2).toLowerCase()}.addr.reverse`);
}

/** Places the ENS registry, public resolver and Universal Resolver fixtures. */
export async function deployEns(ctx: WorldContext): Promise<EnsWorld> {
  await Promise.all([
    ctx.place('FixtureEnsRegistry', ENS_REGISTRY_ADDRESS),
    ctx.place('FixturePublicResolver', ENS_PUBLIC_RESOLVER_ADDRESS),
    ctx.place('FixtureUniversalResolver', ENS_UNIVERSAL_RESOLVER_ADDRESS),
  ]);
  return {
    async setEnsName(name, address) {
      const normalized = normalize(name);
      const node = namehash(normalized);
      const reverse = reverseNode(address);
      await ctx.write('FixtureEnsRegistry', ENS_REGISTRY_ADDRESS, 'setRecord', [node, address, ENS_PUBLIC_RESOLVER_ADDRESS, 0n]);
      await ctx.write('FixturePublicResolver', ENS_PUBLIC_RESOLVER_ADDRESS, 'setAddr', [node, address]);
      await ctx.write('FixtureEnsRegistry', ENS_REGISTRY_ADDRESS, 'setRecord', [reverse, address, ENS_PUBLIC_RESOLVER_ADDRESS, 0n]);
      await ctx.write('FixturePublicResolver', ENS_PUBLIC_RESOLVER_ADDRESS, 'setName', [reverse, normalized]);
    },
  };
}
