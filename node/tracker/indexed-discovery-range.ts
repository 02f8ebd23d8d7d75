/**
 * Which indices an indexed staker discovery reads, from the length its contract returned: `first`
 * up to `length` (exclusive), or up to and including it when `length` is the last id (Swell's
 * `stakeId()`). A list longer than the registry's cap is refused, not truncated: its stakers would be
 * silently missing from the look-through.
 */
import type { IndexedDiscovery } from '../../shared/registry/types';

export type IndexedDiscoveryRange = { readonly ok: true; readonly indices: readonly bigint[] } | { readonly ok: false; readonly error: string };

/** The indices to read for `length`, or why none are read (more than `discovery.max`). */
export function indexedDiscoveryRange(discovery: Pick<IndexedDiscovery, 'first' | 'lastInclusive' | 'max'>, length: bigint): IndexedDiscoveryRange {
  const first = BigInt(discovery.first);
  const end = discovery.lastInclusive ? length + 1n : length;
  const count = end > first ? end - first : 0n;
  if (count > BigInt(discovery.max)) {
    return { ok: false, error: `unexpected result: ${count} stakers, more than the registry's cap of ${discovery.max}` };
  }
  return { ok: true, indices: Array.from({ length: Number(count) }, (_, i) => first + BigInt(i)) };
}
