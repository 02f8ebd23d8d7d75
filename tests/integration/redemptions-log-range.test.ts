/**
 * The eth_getLogs block range of the redemption scan through a whole refresh (refreshPortfolio), against the
 * anvil world behind a recording fetch that can refuse ranges above a limit the way public endpoints do:
 * a configured small range chunks the scan under it, a range learned after a refusal is reused by the next
 * refresh (no refused request repeated), a rate limit is not mistaken for a range cap, and the scan's
 * progress rises to its total.
 */
import { getAddress, hexToBigInt, isHex } from 'viem';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../shared/registry/registry';
import { ADDR } from '../../shared/registry/tokens';
import type { ScanCursor } from '../../shared/redemption';
import { defaultThresholds } from '../../shared/settings/thresholds';
import { refreshPortfolio, type ChainScanProgress, type RefreshPortfolioParameters } from '../../node/core/refresh-portfolio';
import { createChainClient } from '../../node/tracker/create-chain-client';
import { createLearnedLogRanges, type LearnedLogRanges } from '../../node/tracker/learned-log-ranges';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { deployRedemptions, populateRedemptionsDemo } from '../../world/redemptions-world';
import { deployTokens } from '../../world/tokens-world';

const DAVE = getAddress('0xda7e00000000000000000000000000000000da7e');
const NFT = ADDR.etherfiWithdrawRequestNFT.toLowerCase();

interface Range { readonly from: bigint; readonly to: bigint }
let anvil: Anvil;
let ctx: WorldContext;
let genesis: bigint;
/** The NFT's eth_getLogs ranges the endpoint answered, and those it refused. */
let answered: Range[] = [];
let refused: Range[] = [];
/** How the endpoint words a refused range. */
let refusal: 'limit-exceeded' | 'invalid-params' = 'limit-exceeded';
/** Refuse eth_getLogs spanning more blocks than this (null: any range). */
let endpointLimit: bigint | null = null;
/** Answer the NFT's eth_getLogs with HTTP 429 (a rate limit, not a range cap). */
let rateLimited = false;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** A fetch in front of anvil that records the NFT's eth_getLogs ranges and refuses the ones above the limit. */
const recordingFetch: typeof fetch = async (input, init) => {
  const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
  const filter: unknown = field(body, 'method') === 'eth_getLogs' ? (field(body, 'params') as unknown[] | undefined)?.[0] : undefined;
  const from = field(filter, 'fromBlock');
  const to = field(filter, 'toBlock');
  const address = field(filter, 'address');
  if (isHex(from) && isHex(to) && typeof address === 'string' && address.toLowerCase() === NFT) {
    const range = { from: hexToBigInt(from), to: hexToBigInt(to) };
    if (rateLimited) {
      refused.push(range);
      return new Response('Too Many Requests', { status: 429 });
    }
    if (endpointLimit !== null && range.to - range.from + 1n > endpointLimit) {
      refused.push(range);
      // What Infura-like endpoints answer (JSON-RPC error -32005 in a 200 response; the client is built
      // without retries), or Alchemy-like ones (-32602, which viem words over two lines).
      const error = refusal === 'invalid-params'
        ? { code: -32602, message: `Log response size exceeded. You can make eth_getLogs requests with up to a ${endpointLimit} block range and no limit on the response size.` }
        : { code: -32005, message: `query exceeds max block range ${endpointLimit}` };
      return new Response(JSON.stringify({ jsonrpc: '2.0', id: field(body, 'id'), error }), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    answered.push(range);
  }
  return fetch(input, init);
};

const head = () => ctx.publicClient.getBlockNumber({ cacheTime: 0 });

async function refresh(options: { cursors: readonly ScanCursor[]; range: bigint; learned?: LearnedLogRanges; progress?: ChainScanProgress[] }) {
  const cc = createChainClient({ chainId: 1, urls: [anvil.rpcUrl], fetchFn: recordingFetch, retryCount: 0 });
  const params: RefreshPortfolioParameters = {
    clients: new Map([[1, cc]]), wallets: [{ address: DAVE, label: null, ens: null, chains: null }], registry,
    thresholds: defaultThresholds, now: BigInt(Math.floor(Date.now() / 1000)), previous: null,
    redemptions: {
      cursors: options.cursors, scanStartBlocks: new Map([[NFT, genesis]]), maxBlockRanges: new Map([[1, options.range]]),
      ...(options.learned === undefined ? {} : { learnedRanges: options.learned }),
    },
    ...(options.progress === undefined ? {} : { onScanProgress: (chainId: number, p: ChainScanProgress) => { if (chainId === 1) options.progress?.push(p); } }),
  };
  return refreshPortfolio(params);
}

/** The ranges tile [from, to] exactly, each at most `max` blocks. */
function tiles(ranges: readonly Range[], from: bigint, to: bigint, max: bigint): boolean {
  const s = [...ranges].sort((a, b) => (a.from < b.from ? -1 : 1));
  let next = from;
  for (const r of s) {
    if (r.from !== next || r.to - r.from + 1n > max) return false;
    next = r.to + 1n;
  }
  return next === to + 1n;
}

beforeAll(async () => {
  anvil = await startAnvil();
  ctx = connectWorld(anvil.rpcUrl);
  genesis = await head();
  const tokens = await deployTokens(ctx);
  const rw = await deployRedemptions(ctx);
  await populateRedemptionsDemo(rw, tokens, DAVE);
  await ctx.mine(200);
}, 300_000);

afterAll(async () => {
  await anvil?.stop();
});

beforeEach(() => {
  answered = [];
  refused = [];
  endpointLimit = null;
  rateLimited = false;
  refusal = 'limit-exceeded';
});

describe('the eth_getLogs range of a refresh', () => {
  it('chunks the scan under the configured range and reports progress rising to the total', async () => {
    const progress: ChainScanProgress[] = [];
    const result = await refresh({ cursors: [], range: 25n, progress });
    const block = result.snapshots[0]?.blockNumber ?? 0n;
    expect(result.report.positions.filter((p) => p.kind === 'redemption' && p.stack[0]?.protocol === 'ether.fi')).toHaveLength(2);
    expect(tiles(answered, genesis, block, 25n)).toBe(true);
    expect(answered).toHaveLength(Number((block - genesis + 1n + 24n) / 25n));
    // One event before the first call, one after each call: 0, 25, 50, … up to every block.
    const total = block - genesis + 1n;
    expect(progress.every((p) => p.totalBlocks === total)).toBe(true);
    expect(progress.map((p) => p.scannedBlocks)).toEqual([0n, ...answered.map((r) => r.to - genesis + 1n)]);
    expect(progress.every((p, i) => i === 0 || p.scannedBlocks > (progress[i - 1]?.scannedBlocks ?? 0n))).toBe(true);
    expect(progress.at(-1)?.scannedBlocks).toBe(total);
  });

  it('reuses the range learned after a refusal on the next refresh instead of asking for the refused one again', async () => {
    endpointLimit = 40n;
    const learned = createLearnedLogRanges();
    const first = await refresh({ cursors: [], range: 200n, learned });
    // 200 -> 100 -> 50 refused, 25 answered.
    expect(refused.map((r) => r.to - r.from + 1n)).toEqual([200n, 100n, 50n]);
    expect(first.snapshots[0]?.failedReads.filter((f) => f.key.startsWith('redemption:'))).toEqual([]);
    await ctx.mine(150);
    answered = [];
    refused = [];
    const second = await refresh({ cursors: first.redemptionCursors ?? [], range: 200n, learned });
    expect(refused).toEqual([]);
    const from = BigInt(first.redemptionCursors?.[0]?.scannedTo ?? '0') + 1n;
    expect(tiles(answered, from, second.snapshots[0]?.blockNumber ?? 0n, 25n)).toBe(true);
    // Without the session's memory the same refresh asks for the refused ranges again.
    await ctx.mine(150);
    refused = [];
    await refresh({ cursors: second.redemptionCursors ?? [], range: 200n, learned: createLearnedLogRanges() });
    expect(refused.length).toBeGreaterThan(0);
  });

  it('halves on an Alchemy-style refusal too (JSON-RPC -32602, its text in the error details)', async () => {
    endpointLimit = 40n;
    refusal = 'invalid-params';
    const result = await refresh({ cursors: [], range: 200n });
    expect(refused.map((r) => r.to - r.from + 1n)).toEqual([200n, 100n, 50n]);
    expect(result.snapshots[0]?.failedReads.filter((f) => f.key.startsWith('redemption:'))).toEqual([]);
    expect(result.report.positions.filter((p) => p.kind === 'redemption' && p.stack[0]?.protocol === 'ether.fi')).toHaveLength(2);
  });

  it('does not take a rate limit (HTTP 429) for a range refusal: no halving, nothing learned', async () => {
    rateLimited = true;
    const learned = createLearnedLogRanges();
    const result = await refresh({ cursors: [], range: 200n, learned });
    expect(refused).toHaveLength(1);
    expect(result.snapshots[0]?.failedReads.find((f) => f.key.endsWith(':scan'))?.error).toMatch(/Too Many Requests/);
    expect(learned.rangeFor(1, result.snapshots[0]?.endpoint ?? null, 200n)).toBe(200n);
  });
});
