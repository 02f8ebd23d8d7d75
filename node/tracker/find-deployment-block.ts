/**
 * The first block at which a contract has code, by binary search over eth_getCode (about
 * log2(head) requests, once per contract and process). A first event scan starts there instead of
 * at a hard-coded block, so it neither misses events on a young chain nor scans empty history.
 */
import type { Address, PublicClient } from 'viem';

const found = new Map<string, bigint>();

async function hasCode(client: PublicClient, address: Address, blockNumber: bigint): Promise<boolean> {
  try {
    const code = await client.getCode({ address, blockNumber });
    return code !== undefined && code !== '0x';
  } catch {
    return false; // a block the node cannot serve (pruned, before its genesis) counts as "not yet"
  }
}

/** The deployment block of `address`, or null when it has no code at `head`. */
export async function findDeploymentBlock(client: PublicClient, chainId: number, address: Address, head: bigint): Promise<bigint | null> {
  const key = `${chainId}:${address.toLowerCase()}`;
  const cached = found.get(key);
  if (cached !== undefined && cached <= head) return cached;
  if (!(await hasCode(client, address, head))) return null;
  let lo = 0n, hi = head; // invariant: code at hi
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    if (await hasCode(client, address, mid)) hi = mid; else lo = mid + 1n;
  }
  found.set(key, hi);
  return hi;
}
