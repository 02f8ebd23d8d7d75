import type { Share } from '../report';
import { compareText } from './compare-text';
import { ratio } from './ratio';

/** An accumulator for one exposure dimension: value per key, with a display label. */
export type ShareBuckets = Map<string, { label: string; valueEth: bigint }>;

/** Adds `valueEth` to `key` (creating it with `label`). */
export function addToBucket(buckets: ShareBuckets, key: string, label: string, valueEth: bigint): void {
  const b = buckets.get(key);
  if (b) b.valueEth += valueEth;
  else buckets.set(key, { label, valueEth });
}

/**
 * Buckets as shares of `total`, largest first, ties by key; empty buckets are dropped.
 * With `order`, keys are sorted by their index in it instead.
 */
export function toShares(buckets: ShareBuckets, total: bigint, order?: readonly string[]): Share[] {
  const list: Share[] = [];
  for (const [key, b] of buckets) {
    if (b.valueEth === 0n) continue;
    list.push({ key, label: b.label, valueEth: b.valueEth, share: ratio(b.valueEth, total) });
  }
  if (order) return list.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return list.sort((a, b) => (a.valueEth === b.valueEth ? compareText(a.key, b.key) : a.valueEth > b.valueEth ? -1 : 1));
}
