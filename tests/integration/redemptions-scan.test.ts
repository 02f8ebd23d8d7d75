/**
 * The incremental Transfer-log scan that finds ether.fi withdraw requests (scanTransferLogs), against a real
 * anvil node behind a recording transport: every eth_getLogs range is logged, and the transport can reject
 * ranges above a limit the way public endpoints do. Checks: ranges chunked under the limit, no block scanned
 * twice across refreshes and a restart (cursor through JSON), a new wallet caught up on its own, a reorg
 * rewinding the cursor, an endpoint that rejects large ranges.
 */
import { createPublicClient, custom, getAddress, hexToBigInt, http, parseEther, type PublicClient } from 'viem';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADDR } from '../../shared/registry/tokens';
import type { ScanCursor } from '../../shared/redemption';
import { scanTransferLogs, type ScanTransferLogsParameters } from '../../node/tracker/scan-transfer-logs';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { deployRedemptions, type RedemptionsWorld } from '../../world/redemptions-world';
import { deployTokens, type TokensWorld } from '../../world/tokens-world';

const ALICE = getAddress('0xa11ce0000000000000000000000000000000a11c');
const BOB = getAddress('0xb0b000000000000000000000000000000000b0b0');
const NFT = ADDR.etherfiWithdrawRequestNFT;

let anvil: Anvil;
let ctx: WorldContext;
let tokens: TokensWorld;
let rw: RedemptionsWorld;
let start: bigint;

interface Range { readonly from: bigint; readonly to: bigint }
/** eth_getLogs ranges the endpoint answered, and the ones it rejected. */
let answered: Range[] = [];
let rejected: Range[] = [];
/** Reject eth_getLogs spanning more blocks than this (null: accept any). */
let endpointLimit: bigint | null = null;

function recordingClient(): PublicClient {
  const inner = http(anvil.rpcUrl, { batch: false, retryCount: 0 })({ chain: ctx.chain });
  return createPublicClient({
    chain: ctx.chain,
    transport: custom({
      async request({ method, params }: { method: string; params?: unknown }) {
        if (method === 'eth_getLogs' && Array.isArray(params)) {
          const filter: unknown = params[0];
          const fromHex = typeof filter === 'object' && filter !== null ? Reflect.get(filter, 'fromBlock') : undefined;
          const toHex = typeof filter === 'object' && filter !== null ? Reflect.get(filter, 'toBlock') : undefined;
          if (typeof fromHex === 'string' && typeof toHex === 'string') {
            const range = { from: hexToBigInt(fromHex as `0x${string}`), to: hexToBigInt(toHex as `0x${string}`) };
            if (endpointLimit !== null && range.to - range.from + 1n > endpointLimit) {
              rejected.push(range);
              // What Infura-like endpoints answer (JSON-RPC error -32005 with this text).
              throw Object.assign(new Error(`query exceeds max block range ${endpointLimit}`), { code: -32005 });
            }
            answered.push(range);
          }
        }
        return inner.request({ method, params } as never);
      },
    }, { retryCount: 0 }),
  });
}

const head = () => ctx.publicClient.getBlockNumber({ cacheTime: 0 });
const scan = async (client: PublicClient, extra: Partial<ScanTransferLogsParameters> & { cursor: ScanCursor | null }) =>
  scanTransferLogs(client, { chainId: 1, contract: NFT, wallets: [ALICE], toBlock: await head(), startBlock: start, maxBlockRange: 50n, ...extra });

/** No two answered ranges share a block. */
function overlaps(ranges: readonly Range[]): boolean {
  const s = [...ranges].sort((a, b) => (a.from < b.from ? -1 : 1));
  return s.some((r, i) => i > 0 && r.from <= (s[i - 1]?.to ?? -1n));
}

/** The answered ranges tile [from, to] exactly. */
function tiles(ranges: readonly Range[], from: bigint, to: bigint): boolean {
  const s = [...ranges].sort((a, b) => (a.from < b.from ? -1 : 1));
  let next = from;
  for (const r of s) {
    if (r.from !== next) return false;
    next = r.to + 1n;
  }
  return next === to + 1n;
}

beforeAll(async () => {
  anvil = await startAnvil();
  ctx = connectWorld(anvil.rpcUrl);
  tokens = await deployTokens(ctx);
  rw = await deployRedemptions(ctx);
  start = await head();
  await tokens.mint('eETH', ALICE, parseEther('10'));
  await tokens.mint('eETH', BOB, parseEther('10'));
}, 300_000);

afterAll(async () => {
  await anvil?.stop();
});

beforeEach(() => {
  answered = [];
  rejected = [];
  endpointLimit = null;
});

describe('scanTransferLogs', () => {
  it('chunks a first scan under the range limit, tiles every block once, and finds the requests sent to the wallet', async () => {
    const id = await rw.requestEtherFi(ALICE, parseEther('1'));
    await ctx.mine(230);
    const to = await head();
    const result = await scan(recordingClient(), { cursor: null, toBlock: to });
    expect(result.complete).toBe(true);
    expect(answered.every((r) => r.to - r.from + 1n <= 50n)).toBe(true);
    expect(answered.length).toBe(Number((to - start + 1n + 49n) / 50n));
    expect(tiles(answered, start, to)).toBe(true);
    expect(result.candidates.get(ALICE.toLowerCase())).toContain(id);
    expect(result.cursor.scannedTo).toBe(to.toString());
  });

  it('persists its cursor through JSON across a restart and never scans a block twice', async () => {
    const first = await scan(recordingClient(), { cursor: null });
    const firstRanges = [...answered];
    // "Restart": the cursor goes through the store's JSON and a brand-new client reads on.
    const stored: ScanCursor = JSON.parse(JSON.stringify(first.cursor)) as ScanCursor;
    const id = await rw.requestEtherFi(ALICE, parseEther('0.25'));
    await ctx.mine(70);
    answered = [];
    const second = await scan(recordingClient(), { cursor: stored });
    expect(second.complete).toBe(true);
    expect(answered[0]?.from).toBe(BigInt(first.cursor.scannedTo) + 1n);
    expect(overlaps([...firstRanges, ...answered])).toBe(false);
    expect(tiles([...firstRanges, ...answered], start, BigInt(second.cursor.scannedTo))).toBe(true);
    expect(second.candidates.get(ALICE.toLowerCase())).toContain(id);
    // A refresh with no new block asks for no logs at all.
    answered = [];
    const third = await scan(recordingClient(), { cursor: second.cursor, toBlock: BigInt(second.cursor.scannedTo) });
    expect(answered).toEqual([]);
    expect(third.cursor.scannedTo).toBe(second.cursor.scannedTo);
  });

  it('catches a newly added wallet up on its own, then scans new blocks for everyone together', async () => {
    const base = await scan(recordingClient(), { cursor: null, wallets: [ALICE] });
    const bobId = await rw.requestEtherFi(BOB, parseEther('0.5'));
    answered = [];
    const withBob = await scan(recordingClient(), { cursor: base.cursor, wallets: [ALICE, BOB] });
    const catchUp = answered.filter((r) => r.to <= BigInt(base.cursor.scannedTo));
    const fresh = answered.filter((r) => r.from > BigInt(base.cursor.scannedTo));
    expect(tiles(catchUp, start, BigInt(base.cursor.scannedTo))).toBe(true);
    expect(tiles(fresh, BigInt(base.cursor.scannedTo) + 1n, BigInt(withBob.cursor.scannedTo))).toBe(true);
    expect(withBob.cursor.wallets).toEqual([ALICE.toLowerCase(), BOB.toLowerCase()].sort());
    expect(withBob.candidates.get(BOB.toLowerCase())).toEqual([bobId]);
  });

  it('rewinds its cursor after a reorg and forgets requests from the orphaned blocks', async () => {
    const snapshot = await ctx.testClient.snapshot();
    const orphanId = await rw.requestEtherFi(ALICE, parseEther('0.1'));
    await ctx.mine(3);
    const before = await scan(recordingClient(), { cursor: null, reorgRewindBlocks: 20n });
    expect(before.candidates.get(ALICE.toLowerCase())).toContain(orphanId);
    // The reorg: the chain goes back and grows another way (same request id, now Bob's, different blocks).
    await ctx.testClient.revert({ id: snapshot });
    await ctx.mine(2);
    const bobId = await rw.requestEtherFi(BOB, parseEther('0.2'));
    await ctx.mine(4);
    answered = [];
    const after = await scan(recordingClient(), { cursor: before.cursor, wallets: [ALICE, BOB], reorgRewindBlocks: 20n });
    expect(after.rewound).toBe(true);
    expect(after.complete).toBe(true);
    expect(bobId).toBe(orphanId);
    expect(after.candidates.get(ALICE.toLowerCase()) ?? []).not.toContain(orphanId);
    expect(after.candidates.get(BOB.toLowerCase())).toContain(bobId);
    // Rescanned from 20 blocks below the old cursor, up to the new head.
    const rewoundTo = BigInt(before.cursor.scannedTo) - 20n;
    expect(answered.filter((r) => r.from > rewoundTo).length).toBeGreaterThan(0);
    expect(answered.every((r) => r.to <= BigInt(after.cursor.scannedTo))).toBe(true);
    expect(after.cursor.scannedToHash).toBe((await ctx.publicClient.getBlock({ blockNumber: BigInt(after.cursor.scannedTo) })).hash);
  });

  it('halves its range when the endpoint rejects a range as too large, and keeps the size that worked', async () => {
    endpointLimit = 40n;
    await ctx.mine(300);
    const to = await head();
    const result = await scan(recordingClient(), { cursor: null, toBlock: to, maxBlockRange: 200n });
    expect(result.complete).toBe(true);
    expect(result.error).toBeNull();
    // Halving: 200 -> 100 -> 50 -> 25 is three rejections, then the 25-block range is kept.
    expect(rejected.length).toBe(3);
    expect(answered.every((r) => r.to - r.from + 1n <= 40n)).toBe(true);
    expect(tiles(answered, start, to)).toBe(true);
    expect(result.maxBlockRange).toBe(25n);
  });

  it('stops on an error that is not about range size, keeping the progress made so far', async () => {
    const client = recordingClient();
    const failing: PublicClient = { ...client, request: (async (args: { method: string }) => {
      if (args.method === 'eth_getLogs' && answered.length >= 2) throw new Error('connection reset');
      return client.request(args as never);
    }) as PublicClient['request'] };
    const result = await scan(failing, { cursor: null });
    expect(result.complete).toBe(false);
    expect(result.error).toMatch(/connection reset/);
    expect(result.cursor.scannedTo).toBe((start + 99n).toString());
  });
});
