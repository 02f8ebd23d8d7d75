/**
 * A small level batcher for the redemption reads: every call queued in the same tick goes into one
 * Multicall3 aggregate3 eth_call (allowFailure: true) pinned to the snapshot's block, so a protocol's
 * dependent reads cost one HTTP request per level, shared by all protocols and wallets. Unlike
 * createMulticallReader it pins to a block it is given (the redemption reads run after the main
 * snapshot's block is known) instead of reading the block itself.
 */
import type { Abi, Address, Hex, PublicClient } from 'viem';
import { call } from 'viem/actions';
import type { FailedRead, Read } from '../../shared/snapshot';
import { decodeAggregate3, encodeAggregate3 } from './aggregate3-codec';
import { decodeRevert } from './decode-revert';
import { describeError } from './describe-error';
import { functionCodec, type FunctionCodec } from './function-codec';

export interface RedemptionsBatchCall {
  /** Stable key for failedReads (e.g. `redemption:eETH@1:ownerOf:40001`); '' keeps an expected failure out of failedReads. */
  readonly key: string;
  readonly address: Address;
  readonly abi: Abi;
  readonly functionName: string;
  readonly args: readonly unknown[];
}

export interface RedemptionsBatch {
  /** Queues a view call; never rejects. */
  read(c: RedemptionsBatchCall): Promise<Read<unknown>>;
  failedReads(): readonly FailedRead[];
  /** eth_call requests sent. */
  requests(): number;
}

interface Entry {
  readonly c: RedemptionsBatchCall;
  readonly codec: FunctionCodec;
  readonly callData: Hex;
  readonly resolve: (r: Read<unknown>) => void;
}

/** Calls per aggregate3: keeps one eth_call well under common 1-2 MB body limits. */
const MAX_CALLS = 2_000;

/** A batcher of view calls through Multicall3 at `multicall3`, pinned to `blockNumber`. */
export function createRedemptionsBatch(client: PublicClient, options: { readonly multicall3: Address; readonly blockNumber: bigint }): RedemptionsBatch {
  const failures: FailedRead[] = [];
  const cache = new Map<string, Promise<Read<unknown>>>();
  let queue: Entry[] = [];
  let scheduled = false;
  let sent = 0;

  function finish(e: Entry, r: Read<unknown>): void {
    if (!r.ok && e.c.key !== '') failures.push({ key: e.c.key, target: e.c.address, call: e.codec.signature(e.c.args), error: r.error });
    e.resolve(r);
  }

  async function run(entries: readonly Entry[]): Promise<void> {
    sent += 1;
    try {
      const { data } = await call(client, { to: options.multicall3, data: encodeAggregate3(entries.map((e) => ({ target: e.c.address, callData: e.callData }))), blockNumber: options.blockNumber });
      if (data === undefined || data === '0x') throw new Error(`no Multicall3 contract at ${options.multicall3}`);
      const results = decodeAggregate3(data);
      entries.forEach((e, i) => {
        const r = results[i];
        if (!r) return finish(e, { ok: false, error: 'missing from the Multicall3 result' });
        if (!r.success) return finish(e, { ok: false, error: decodeRevert(e.c.abi, r.returnData) });
        if (r.returnData === '0x') return finish(e, { ok: false, error: `no data returned: no contract at ${e.c.address}?` });
        try {
          finish(e, { ok: true, value: e.codec.decode(r.returnData) });
        } catch (error) {
          finish(e, { ok: false, error: `could not decode the result: ${describeError(error)}` });
        }
      });
    } catch (error) {
      const message = describeError(error);
      for (const e of entries) finish(e, { ok: false, error: message });
    }
  }

  function flush(): void {
    scheduled = false;
    const batch = queue;
    queue = [];
    for (let i = 0; i < batch.length; i += MAX_CALLS) void run(batch.slice(i, i + MAX_CALLS));
  }

  return {
    read(c) {
      const codec = functionCodec(c.abi, c.functionName);
      const callData = codec.encode(c.args);
      const dedupe = `${c.address.toLowerCase()}:${callData}`;
      const cached = cache.get(dedupe);
      if (cached) return cached;
      const promise = new Promise<Read<unknown>>((resolve) => { queue.push({ c, codec, callData, resolve }); });
      cache.set(dedupe, promise);
      if (!scheduled) {
        scheduled = true;
        // After every pending continuation: the reads a level's results unlock all join the next batch.
        setImmediate(flush);
      }
      return promise;
    },
    failedReads: () => failures,
    requests: () => sent,
  };
}
