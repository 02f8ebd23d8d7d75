/**
 * Reads an LRT protocol's live staker list the way its registry entry says: one view returning the
 * whole list (Kelp), or a length and then one item view per index (Renzo, Swell): the first
 * `prefetch` items with the length, any further ones in the level after it. A failed or malformed read is in failedReads and adds no staker; the
 * registry's known stakers are read whatever happens here (readLookThrough).
 */
import { getAddress, isAddress, zeroAddress, type Address } from 'viem';
import type { AmountCall, IndexedDiscovery, StakerDiscovery } from '../../shared/registry/types';
import type { ContractReader } from './contract-reader';
import { indexedDiscoveryRange } from './indexed-discovery-range';
import { isAddressList, isBigint, narrowRead } from './narrow-read';
import { readViewCall, viewCallName } from './read-view-call';

/** A staker slot that holds a contract: an address, not the zero address an unset mapping entry returns. */
const isStakerAddress = (v: unknown): v is Address => typeof v === 'string' && isAddress(v) && v !== zeroAddress;

/** The stakers `discovery` finds, checksummed, in the order the protocol lists them; failures recorded under `key`. */
export async function discoverStakers(reader: ContractReader, key: string, discovery: StakerDiscovery): Promise<Address[]> {
  if (discovery.kind === 'indexed') return discoverIndexed(reader, key, discovery);
  const { call } = discovery;
  const raw = await readViewCall(reader, key, call);
  const found = narrowRead(reader, raw, isAddressList, { key, target: call.address, call: viewCallName(call), expected: 'address[]' });
  return found.ok ? found.value.map((a) => getAddress(a)) : [];
}

async function discoverIndexed(reader: ContractReader, key: string, discovery: IndexedDiscovery): Promise<Address[]> {
  const target = discovery.length.address;
  const lengthName = viewCallName(discovery.length);
  // The item view takes one uint256 and sits on the length's contract: read like an AmountCall.
  const item: AmountCall = { address: target, signature: discovery.item };
  const itemName = viewCallName(item);
  // The first `prefetch` items are read with the length, in the same level, so a list no longer than
  // that costs no extra round trip; reads past the end (reverts, zero slots) are dropped unrecorded
  // (key ''), and an in-range one that failed is recorded below under its own key.
  const first = BigInt(discovery.first);
  const early = new Map(Array.from({ length: discovery.prefetch }, (_, i) => {
    const index = first + BigInt(i);
    return [index, readViewCall(reader, '', item, index)] as const;
  }));
  const length = narrowRead(reader, await readViewCall(reader, key, discovery.length), isBigint, { key, target, call: lengthName, expected: 'uint256' });
  if (!length.ok) return [];
  const range = indexedDiscoveryRange(discovery, length.value);
  if (!range.ok) {
    reader.fail({ key, target, call: lengthName, error: range.error });
    return [];
  }
  const found = await Promise.all(range.indices.map(async (index) => {
    const itemKey = `${key}:${index}`;
    const prefetched = early.get(index);
    const raw = prefetched === undefined ? await readViewCall(reader, itemKey, item, index) : await prefetched;
    if (prefetched !== undefined && !raw.ok) reader.fail({ key: itemKey, target, call: itemName, error: raw.error });
    return narrowRead(reader, raw, isStakerAddress, { key: itemKey, target, call: itemName, expected: 'a non-zero address' });
  }));
  return found.flatMap((r) => (r.ok ? [getAddress(r.value)] : []));
}
