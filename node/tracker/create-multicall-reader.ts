/**
 * A ContractReader that batches every call queued in the same tick into one Multicall3 aggregate3
 * eth_call (allowFailure: true, so one reverting call fails alone). Readers await their results and
 * queue the reads that depend on them, which all land in the next batch: one level of dependent reads
 * = one HTTP request, whatever the number of wallets, until a batch passes `maxBatchBytes` and is
 * split into chunks sent side by side.
 *
 * Pinning: the first batch also asks Multicall3 for getBlockNumber() and getCurrentBlockTimestamp(),
 * so the block is read in the same eth_call as the first level (no extra round trip); every later
 * batch passes that block number. When the first batch needs several chunks, the chunk holding the
 * block reads goes first and the others are pinned to its block.
 */
import type { Abi, Address, Hex, PublicClient } from 'viem';
import { call } from 'viem/actions';
import { multicall3Abi } from '../../shared/abi/multicall3-abi';
import type { FailedRead, Read } from '../../shared/snapshot';
import { decodeAggregate3, encodeAggregate3 } from './aggregate3-codec';
import type { ContractReader, PinnedBlock } from './contract-reader';
import { decodeRevert } from './decode-revert';
import { describeError } from './describe-error';
import { functionCodec, type FunctionCodec } from './function-codec';

/** Start of the error a read fails with when the chain has no Multicall3 at the registry's address. */
export const NO_MULTICALL3 = 'no Multicall3 contract';

export interface MulticallReaderOptions {
  readonly multicall3: Address;
  /**
   * Largest aggregate3 calldata per eth_call, in bytes. Default 1 MB: a 2 MB JSON body, which anvil
   * accepts (its limit is 2 MiB; geth's is 5 MB); 100 wallets' first level is about 0.5 MB. A batch
   * rejected as too large (HTTP 413, gas or size limits, "invalid request") is split in two and retried.
   */
  readonly maxBatchBytes?: number;
}

interface Entry {
  readonly key: string;
  readonly target: Address;
  readonly abi: Abi;
  readonly codec: FunctionCodec;
  readonly args: readonly unknown[];
  readonly callData: Hex;
  /** Approximate bytes this call adds to aggregate3's calldata. */
  readonly size: number;
  result: Read<unknown> | undefined;
  readonly resolve: (r: Read<unknown>) => void;
}

const DEFAULT_MAX_BATCH_BYTES = 1_000_000;
/** Below this, a rejected batch is not split further: the rejection is not about size. */
const MIN_SPLIT_BYTES = 32_000;
/** Errors that mean "this request is too big", worth splitting the batch for. */
const TOO_LARGE = /too large|exceeds|out of gas|gas limit|gas required|response size|body size|limit exceeded|invalid request|413/i;

/** A ContractReader batching each level of reads into Multicall3 aggregate3 eth_calls. */
export function createMulticallReader(client: PublicClient, options: MulticallReaderOptions): ContractReader {
  const maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const failures: FailedRead[] = [];
  const cache = new Map<string, Promise<Read<unknown>>>();
  let queue: Entry[] = [];
  let scheduled = false;
  let pin: Read<PinnedBlock> | undefined;
  let resolvePin: (r: Read<PinnedBlock>) => void = () => undefined;
  const pinPromise = new Promise<Read<PinnedBlock>>((resolve) => { resolvePin = resolve; });
  let pinRequested = false;

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // setImmediate runs after every pending promise continuation: all reads a level's results
    // unlock are queued before the next batch leaves.
    setImmediate(() => { void flush(); });
  }

  function enqueue(key: string, target: Address, abi: Abi, functionName: string, args: readonly unknown[]): Promise<Read<unknown>> {
    // Encoding fails only on a programmer error (wrong argument types): let it throw.
    const codec = functionCodec(abi, functionName);
    const callData = codec.encode(args);
    const dedupeKey = `${target.toLowerCase()}:${callData}`;
    const cached = cache.get(dedupeKey);
    if (cached) return cached;
    const promise = new Promise<Read<unknown>>((resolve) => {
      queue.push({
        key, target, abi, codec, args, callData, resolve, result: undefined,
        size: 160 + Math.ceil((callData.length - 2) / 64) * 32,
      });
    });
    cache.set(dedupeKey, promise);
    schedule();
    return promise;
  }

  function chunk(entries: readonly Entry[]): Entry[][] {
    const chunks: Entry[][] = [];
    let current: Entry[] = [];
    let bytes = 0;
    for (const e of entries) {
      if (current.length > 0 && bytes + e.size > maxBatchBytes) {
        chunks.push(current);
        current = [];
        bytes = 0;
      }
      current.push(e);
      bytes += e.size;
    }
    if (current.length > 0) chunks.push(current);
    return chunks;
  }

  function decodeEntry(e: Entry, success: boolean, data: Hex): Read<unknown> {
    if (!success) return { ok: false, error: decodeRevert(e.abi, data) };
    if (data === '0x') return { ok: false, error: `no data returned: no contract at ${e.target}?` };
    try {
      return { ok: true, value: e.codec.decode(data) };
    } catch (error) {
      return { ok: false, error: `could not decode the result: ${describeError(error)}` };
    }
  }

  async function runChunk(entries: Entry[], blockNumber: bigint | undefined): Promise<void> {
    const data = encodeAggregate3(entries);
    try {
      const { data: returned } = await call(client, blockNumber === undefined ? { to: options.multicall3, data } : { to: options.multicall3, data, blockNumber });
      if (returned === undefined || returned === '0x') throw new Error(`${NO_MULTICALL3} at ${options.multicall3}`);
      const results = decodeAggregate3(returned);
      entries.forEach((e, i) => {
        const r = results[i];
        e.result = r ? decodeEntry(e, r.success, r.returnData) : { ok: false, error: 'missing from the Multicall3 result' };
      });
    } catch (error) {
      const bytes = (data.length - 2) / 2;
      if (entries.length > 1 && bytes > MIN_SPLIT_BYTES && TOO_LARGE.test(describeError(error))) {
        const half = Math.ceil(entries.length / 2);
        await Promise.all([runChunk(entries.slice(0, half), blockNumber), runChunk(entries.slice(half), blockNumber)]);
        return;
      }
      const message = describeError(error);
      for (const e of entries) e.result = { ok: false, error: message };
    }
  }

  async function flush(): Promise<void> {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0 && pinRequested) return;
    if (!pinRequested) {
      pinRequested = true;
      const numberRead = enqueueBlockRead('getBlockNumber', batch);
      const timestampRead = enqueueBlockRead('getCurrentBlockTimestamp', batch);
      const [first = [], ...rest] = chunk(batch);
      await runChunk(first, undefined);
      const [n, t] = [numberRead(), timestampRead()];
      pin = n.ok && t.ok && typeof n.value === 'bigint' && typeof t.value === 'bigint'
        ? { ok: true, value: { number: n.value, timestamp: t.value } }
        : { ok: false, error: n.ok ? (t.ok ? 'unexpected block reads' : t.error) : n.error };
      if (!pin.ok) failures.push({ key: 'block', target: options.multicall3, call: 'getBlockNumber()', error: pin.error });
      resolvePin(pin);
      await runPinned(rest, pin);
    } else {
      await runPinned(chunk(batch), pin ?? (await pinPromise));
    }
    for (const e of batch) {
      const result = e.result ?? { ok: false, error: 'not read' };
      if (!result.ok && e.key !== '') failures.push({ key: e.key, target: e.target, call: e.codec.signature(e.args), error: result.error });
      e.resolve(result);
    }
  }

  async function runPinned(chunks: Entry[][], block: Read<PinnedBlock>): Promise<void> {
    if (!block.ok) {
      // Nothing is sent once the chain could not be read: every later read fails with the reason.
      for (const e of chunks.flat()) e.result = { ok: false, error: `chain not readable: ${block.error}` };
      return;
    }
    await Promise.all(chunks.map((c) => runChunk(c, block.value.number)));
  }

  /** Puts a Multicall3 block view at the front of the first batch; returns a getter of its result. */
  function enqueueBlockRead(functionName: 'getBlockNumber' | 'getCurrentBlockTimestamp', batch: Entry[]): () => Read<unknown> {
    const codec = functionCodec(multicall3Abi, functionName);
    // Key '' keeps these out of failedReads: a failed block read is recorded once, as `block`.
    const entry: Entry = {
      key: '', target: options.multicall3, abi: multicall3Abi, codec, args: [], callData: codec.encode([]), size: 192,
      result: undefined, resolve: () => undefined,
    };
    batch.unshift(entry);
    return () => entry.result ?? { ok: false, error: 'block not read' };
  }

  return {
    read(c) {
      // The generic signature ties each call to its ABI's return type; the value decoded by
      // decodeFunctionResult for that same ABI and function is of that type.
      return enqueue(c.key, c.address, c.abi, c.functionName, c.args) as never;
    },
    block() {
      if (!pinRequested && queue.length === 0) schedule();
      return pinPromise;
    },
    fail(failed) { failures.push(failed); },
    failedReads: () => failures,
  };
}
