/**
 * The benchmark's baseline: the same ContractReader, with one eth_call per read (no Multicall3),
 * all pinned to a block read first with eth_getBlockByNumber. Readers running on it produce the
 * same snapshot as on createMulticallReader, so the benchmark compares like with like.
 */
import type { PublicClient } from 'viem';
import { getBlock, readContract } from 'viem/actions';
import type { FailedRead, Read } from '../../shared/snapshot';
import type { ContractReader, PinnedBlock } from './contract-reader';
import { describeError } from './describe-error';
import { functionCodec } from './function-codec';

export interface NaiveReaderOptions {
  /** Most eth_calls in flight at once (a browser-like connection pool, not a batch). */
  readonly concurrency?: number;
}

/** A ContractReader sending one eth_call per read (the benchmark's baseline). */
export function createNaiveReader(client: PublicClient, options: NaiveReaderOptions = {}): ContractReader {
  const failures: FailedRead[] = [];
  const cache = new Map<string, Promise<Read<unknown>>>();
  const concurrency = options.concurrency ?? 16;
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  let pinned: Promise<Read<PinnedBlock>> | undefined;

  async function slot<T>(fn: () => Promise<T>): Promise<T> {
    if (inFlight >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight += 1;
    try {
      return await fn();
    } finally {
      inFlight -= 1;
      waiting.shift()?.();
    }
  }

  function block(): Promise<Read<PinnedBlock>> {
    pinned ??= getBlock(client, { blockTag: 'latest' }).then(
      (b): Read<PinnedBlock> => (b.number === null ? { ok: false, error: 'latest block has no number' } : { ok: true, value: { number: b.number, timestamp: b.timestamp } }),
      (error: unknown): Read<PinnedBlock> => ({ ok: false, error: describeError(error) }),
    ).then((r) => {
      if (!r.ok) failures.push({ key: 'block', target: null, call: 'eth_getBlockByNumber', error: r.error });
      return r;
    });
    return pinned;
  }

  return {
    read(c) {
      const args: readonly unknown[] = c.args;
      const codec = functionCodec(c.abi, c.functionName);
      const dedupeKey = `${c.address.toLowerCase()}:${codec.encode(args)}`;
      const cached = cache.get(dedupeKey);
      // Same typing bridge as the multicall reader: the value is decoded with this call's own ABI.
      if (cached) return cached as never;
      const promise = (async (): Promise<Read<unknown>> => {
        const b = await block();
        let result: Read<unknown>;
        if (!b.ok) {
          result = { ok: false, error: `chain not readable: ${b.error}` };
        } else {
          const blockNumber = b.value.number;
          result = await slot(() => readContract(client, { address: c.address, abi: c.abi, functionName: c.functionName, args: c.args, blockNumber } as never)).then(
            (value: unknown): Read<unknown> => ({ ok: true, value }),
            (error: unknown): Read<unknown> => ({ ok: false, error: describeError(error) }),
          );
        }
        if (!result.ok && c.key !== '') failures.push({ key: c.key, target: c.address, call: codec.signature(args), error: result.error });
        return result;
      })();
      cache.set(dedupeKey, promise);
      return promise as never;
    },
    block,
    fail(failed) { failures.push(failed); },
    failedReads: () => failures,
  };
}
