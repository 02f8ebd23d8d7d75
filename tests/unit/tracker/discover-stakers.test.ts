/**
 * LRT staker discovery over a scripted ContractReader: the indices an indexed discovery reads (Renzo's
 * count from 0, Swell's last id from 1, the cap), and how each answer is narrowed: a malformed length
 * or item is a failed read, never a staker; a failed discovery keeps the registry's known stakers.
 */
import { getAddress, zeroAddress, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import type { ContractReader } from '../../../node/tracker/contract-reader';
import { discoverStakers } from '../../../node/tracker/discover-stakers';
import { indexedDiscoveryRange } from '../../../node/tracker/indexed-discovery-range';
import { readLookThrough } from '../../../node/tracker/read-look-through';
import { tokens } from '../../../shared/registry/tokens';
import type { IndexedDiscovery, ListDiscovery, TokenInfo } from '../../../shared/registry/types';
import type { FailedRead, Read } from '../../../shared/snapshot';

const MANAGER = getAddress('0x00000000000000000000000000000000000e1a00');
const POOL = getAddress('0x0000000000000000000000000000000000000b01');
const staker = (i: number): Address => getAddress(`0x${(0x5a000 + i).toString(16).padStart(40, '0')}`);

const renzoLike: IndexedDiscovery = {
  kind: 'indexed',
  length: { address: MANAGER, signature: 'function getOperatorDelegatorsLength() view returns (uint256)', args: 'none' },
  item: 'function operatorDelegators(uint256) view returns (address)',
  first: 0, lastInclusive: false, max: 10, prefetch: 0,
};
const swellLike: IndexedDiscovery = {
  kind: 'indexed',
  length: { address: MANAGER, signature: 'function stakeId() view returns (uint256)', args: 'none' },
  item: 'function stakerProxyAddresses(uint256) view returns (address)',
  first: 1, lastInclusive: true, max: 10, prefetch: 0,
};
const list: ListDiscovery = { kind: 'list', call: { address: POOL, signature: 'function getNodeDelegatorQueue() view returns (address[])', args: 'none' } };

interface Scripted {
  readonly reader: ContractReader;
  /** Every read asked for, as `name(args)`. */
  readonly calls: string[];
  readonly failures: FailedRead[];
}

/** A reader answering each call from `answer`; a failed answer is recorded as the real readers do. */
function scripted(answer: (functionName: string, args: readonly unknown[]) => Read<unknown>): Scripted {
  const calls: string[] = [];
  const failures: FailedRead[] = [];
  const reader: ContractReader = {
    read(c) {
      calls.push(`${c.functionName}(${c.args.map(String).join(',')})`);
      const result = answer(c.functionName, c.args);
      // Key '' reads keep their failure out of failedReads, as in the multicall reader.
      if (!result.ok && c.key !== '') failures.push({ key: c.key, target: c.address, call: c.functionName, error: result.error });
      // The scripted value stands for what the call's ABI decodes to.
      return Promise.resolve(result) as never;
    },
    block: () => Promise.resolve({ ok: true, value: { number: 1n, timestamp: 1n } }),
    fail(f) { failures.push(f); },
    failedReads: () => failures,
  };
  return { reader, calls, failures };
}

const ok = (value: unknown): Read<unknown> => ({ ok: true, value });
const reverted: Read<unknown> = { ok: false, error: 'execution reverted' };

/** A contract listing `items` by index from `first` (a count for Renzo, the last id for Swell). */
function indexedContract(items: readonly unknown[], d: IndexedDiscovery) {
  return scripted((name, args) => {
    if (name === 'getOperatorDelegatorsLength') return ok(BigInt(items.length));
    if (name === 'stakeId') return ok(BigInt(items.length));
    const i = Number(args[0]) - d.first;
    return i >= 0 && i < items.length ? ok(items[i]) : reverted;
  });
}

describe('indexedDiscoveryRange', () => {
  it('reads 0 … length-1 for a count and 1 … length for a last id', () => {
    expect(indexedDiscoveryRange(renzoLike, 3n)).toEqual({ ok: true, indices: [0n, 1n, 2n] });
    expect(indexedDiscoveryRange(swellLike, 3n)).toEqual({ ok: true, indices: [1n, 2n, 3n] });
  });

  it('reads nothing for an empty list, whatever the first index', () => {
    expect(indexedDiscoveryRange(renzoLike, 0n)).toEqual({ ok: true, indices: [] });
    expect(indexedDiscoveryRange(swellLike, 0n)).toEqual({ ok: true, indices: [] });
    expect(indexedDiscoveryRange({ first: 1, lastInclusive: false, max: 10 }, 0n)).toEqual({ ok: true, indices: [] });
  });

  it('reads up to the cap and refuses a longer list rather than cutting it', () => {
    expect(indexedDiscoveryRange(swellLike, 10n)).toEqual({ ok: true, indices: [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n] });
    const over = indexedDiscoveryRange(swellLike, 11n);
    expect(over.ok).toBe(false);
    expect(over.ok ? '' : over.error).toMatch(/11 stakers, more than the registry's cap of 10/);
    expect(indexedDiscoveryRange(renzoLike, 2n ** 256n - 1n).ok).toBe(false);
  });
});

describe('discoverStakers: indexed', () => {
  it('reads the length, then each item at its index, and returns them checksummed in order', async () => {
    const items = [staker(1), staker(2), staker(3)].map((a) => a.toLowerCase());
    for (const d of [renzoLike, swellLike]) {
      const s = indexedContract(items, d);
      await expect(discoverStakers(s.reader, 'k', d)).resolves.toEqual([staker(1), staker(2), staker(3)]);
      const name = d.first === 0 ? 'operatorDelegators' : 'stakerProxyAddresses';
      const ids = d.first === 0 ? [0, 1, 2] : [1, 2, 3];
      expect(s.calls.slice(1)).toEqual(ids.map((i) => `${name}(${i})`));
      expect(s.failures).toEqual([]);
    }
  });

  it('an empty list reads no item', async () => {
    const s = indexedContract([], swellLike);
    await expect(discoverStakers(s.reader, 'k', swellLike)).resolves.toEqual([]);
    expect(s.calls).toEqual(['stakeId()']);
  });

  it('a failed or malformed length reads no item and is one failed read under the discovery key', async () => {
    const failed = scripted(() => reverted);
    await expect(discoverStakers(failed.reader, 'lookThrough.discover:x', renzoLike)).resolves.toEqual([]);
    expect(failed.calls).toEqual(['getOperatorDelegatorsLength()']);
    expect(failed.failures.map((f) => f.key)).toEqual(['lookThrough.discover:x']);

    const malformed = scripted(() => ok('3'));
    await expect(discoverStakers(malformed.reader, 'lookThrough.discover:x', renzoLike)).resolves.toEqual([]);
    expect(malformed.calls).toEqual(['getOperatorDelegatorsLength()']);
    expect(malformed.failures).toEqual([{ key: 'lookThrough.discover:x', target: MANAGER, call: 'getOperatorDelegatorsLength()', error: 'unexpected result: expected uint256' }]);
  });

  it('a length over the cap reads no item and is a failed read', async () => {
    const s = scripted(() => ok(11n));
    await expect(discoverStakers(s.reader, 'lookThrough.discover:x', swellLike)).resolves.toEqual([]);
    expect(s.calls).toEqual(['stakeId()']);
    expect(s.failures).toEqual([{ key: 'lookThrough.discover:x', target: MANAGER, call: 'stakeId()', error: expect.stringMatching(/more than the registry's cap of 10/) }]);
  });

  it('an item that fails, is not an address or is the zero address is a failed read of that index; the others are kept', async () => {
    const s = scripted((name, args) => {
      if (name === 'stakeId') return ok(4n);
      return [ok(staker(1)), reverted, ok(zeroAddress), ok(7n)][Number(args[0]) - 1] ?? reverted;
    });
    await expect(discoverStakers(s.reader, 'd', swellLike)).resolves.toEqual([staker(1)]);
    expect(s.failures.map((f) => [f.key, f.error])).toEqual([
      ['d:2', 'execution reverted'],
      ['d:3', 'unexpected result: expected a non-zero address'],
      ['d:4', 'unexpected result: expected a non-zero address'],
    ]);
    expect(s.failures.find((f) => f.key === 'd:3')?.call).toBe('stakerProxyAddresses(uint256)');
  });
});

describe('discoverStakers: list', () => {
  it('returns the listed addresses checksummed; anything but address[] is a failed read', async () => {
    const good = scripted(() => ok([staker(1).toLowerCase(), staker(2)]));
    await expect(discoverStakers(good.reader, 'k', list)).resolves.toEqual([staker(1), staker(2)]);
    const bad = scripted(() => ok([staker(1), 'not an address']));
    await expect(discoverStakers(bad.reader, 'k', list)).resolves.toEqual([]);
    expect(bad.failures).toEqual([{ key: 'k', target: POOL, call: 'getNodeDelegatorQueue()', error: 'unexpected result: expected address[]' }]);
  });
});

describe('readLookThrough', () => {
  const renzo = tokens.find((t) => t.id === 'ezETH@1');
  if (renzo?.lookThrough?.discover?.kind !== 'indexed') throw new Error('the registry has no indexed discovery for ezETH');
  const known = renzo.lookThrough.stakers.map((a) => getAddress(a));
  const token: TokenInfo = renzo;

  it('the known stakers, then the discovered ones not among them', async () => {
    const [first, second] = known;
    const s = indexedContract([second, staker(9), first], renzoLike);
    const [lt] = await readLookThrough(s.reader, { tokens: [token] });
    expect(lt).toEqual({ token: 'ezETH@1', stakers: [...known, staker(9)] });
  });

  it('a failed discovery keeps the known stakers, with the failure recorded', async () => {
    const s = scripted(() => reverted);
    const [lt] = await readLookThrough(s.reader, { tokens: [token] });
    expect(lt).toEqual({ token: 'ezETH@1', stakers: known });
    expect(s.failures.map((f) => f.key)).toEqual(['lookThrough.discover:ezETH@1']);
  });
});

describe('indexed discovery with prefetch', () => {
  const prefetching = (prefetch: number): IndexedDiscovery => ({ ...renzoLike, prefetch });
  const key = 'lookThrough.discover:ezETH@1';

  it('reads the first items with the length and drops the ones past the end without a failed read', async () => {
    const d = prefetching(4);
    const c = indexedContract([staker(1), staker(2)], d);
    expect(await discoverStakers(c.reader, key, d)).toEqual([staker(1), staker(2)]);
    expect(c.calls.filter((x) => x.startsWith('operatorDelegators'))).toEqual(['operatorDelegators(0)', 'operatorDelegators(1)', 'operatorDelegators(2)', 'operatorDelegators(3)']);
    expect(c.failures).toEqual([]);
  });

  it('reads each index once: the prefetched ones, then only those beyond', async () => {
    const d = prefetching(4);
    const items = [1, 2, 3, 4, 5, 6].map(staker);
    const c = indexedContract(items, d);
    expect(await discoverStakers(c.reader, key, d)).toEqual(items);
    const indices = c.calls.filter((x) => x.startsWith('operatorDelegators')).map((x) => x.slice('operatorDelegators('.length, -1));
    expect(indices).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('records an in-range prefetched item that failed under its own key', async () => {
    const d = prefetching(4);
    const c = scripted((name, args) => (name === 'getOperatorDelegatorsLength' ? ok(2n) : args[0] === 1n ? reverted : ok(staker(Number(args[0])))));
    expect(await discoverStakers(c.reader, key, d)).toEqual([staker(0)]);
    expect(c.failures.map((f) => f.key)).toEqual([`${key}:1`]);
  });
});

