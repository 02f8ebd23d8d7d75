/**
 * Incremental scan of an ERC-721's Transfer logs to a set of wallets (the ether.fi WithdrawRequestNFT has no
 * per-owner enumeration: a wallet's requests are found from the NFTs sent to it). A cursor per chain and
 * contract, persisted by the caller, records how far the scan got and the hash of that block, so that:
 * - each refresh scans only the blocks after the cursor (no block is scanned twice);
 * - a wallet added later is caught up from the start block to the cursor on its own, then joins the others;
 * - ranges are chunked under `maxBlockRange`, halved whenever the endpoint rejects a range as too large;
 * - a reorg (the cursor block's hash changed) rewinds the cursor by `reorgRewindBlocks` and rescans.
 * The token ids it returns are candidates only: the caller checks ownerOf at its pinned block.
 */
import { getAddress, isAddress, parseAbiItem, type Address, type PublicClient } from 'viem';
import { getBlock, getLogs } from 'viem/actions';
import type { ScanCursor } from '../../shared/redemption';
import { DEFAULT_LOG_BLOCK_RANGE } from '../../shared/settings/settings';
import { describeError } from './describe-error';

export interface ScanTransferLogsParameters {
  readonly chainId: number;
  readonly contract: Address;
  readonly wallets: readonly Address[];
  /** Last block to scan, inclusive (the snapshot's pinned block). */
  readonly toBlock: bigint;
  /** Where a scan with no cursor starts: the contract's deployment block, or a documented default. */
  readonly startBlock: bigint;
  /** The cursor the previous scan returned (null on the first scan, or when it belongs to another chain or contract). */
  readonly cursor: ScanCursor | null;
  /** Largest eth_getLogs block range, inclusive count of blocks. Default DEFAULT_LOG_BLOCK_RANGE (2,000: public endpoints often allow a few thousand). */
  readonly maxBlockRange?: bigint;
  /** Blocks re-scanned below the cursor when a reorg is detected. Default 64 (two epochs: finalized beyond that). */
  readonly reorgRewindBlocks?: bigint;
  /** Called once before the first chunk and after every chunk that worked, for the UI's first-scan progress. */
  readonly onProgress?: (progress: LogScanProgress) => void;
}

/**
 * How far one scan has got: blocks scanned so far out of the blocks this scan has to read (a new wallet's
 * catch-up counts once per block, like the blocks every wallet reads together). Monotonic; ends at
 * `scannedBlocks === totalBlocks` when the scan reaches its target, earlier when it stops on an error.
 */
export interface LogScanProgress {
  readonly contract: Address;
  readonly scannedBlocks: bigint;
  readonly totalBlocks: bigint;
}

export interface ScanTransferLogsReturnType {
  /** The cursor to persist: advanced as far as the scan got, even when it stopped on an error. */
  readonly cursor: ScanCursor;
  /** Whether every wallet is scanned up to `toBlock`. */
  readonly complete: boolean;
  readonly error: string | null;
  /** A reorg was detected and the cursor rewound. */
  readonly rewound: boolean;
  /** The block range that worked last (halved after rejections): pass it to the next scan. */
  readonly maxBlockRange: bigint;
  /** Token ids seen sent to each wallet (lowercase wallet -> ids), over the whole scanned history. */
  readonly candidates: ReadonlyMap<string, readonly bigint[]>;
}

const TRANSFER = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)');
const DEFAULT_MAX_RANGE = BigInt(DEFAULT_LOG_BLOCK_RANGE);
const DEFAULT_REWIND = 64n;
/** Endpoint messages meaning "ask for fewer blocks" (Alchemy, Infura, QuickNode, Ankr, geth, erigon, anvil proxies). */
const RANGE_TOO_LARGE = /range|too (large|wide|many|big)|exceed|more than \d+ results|response size|limit/i;
/** ...unless it is a rate limit ("rate limit exceeded", HTTP 429, QuickNode's "N/second request limit reached"): halving would not help, and the caller remembers the range. */
const RATE_LIMITED = /rate.?limit|too many requests|\b429\b|request limit|per second|\/second/i;
const ZERO = '0x0000000000000000000000000000000000000000';

type Seen = ScanCursor['seen'][number];

/** Lowercase form: cursor keys stay stable whatever checksum the caller passes. */
function lower(a: string): Address {
  const l = getAddress(a).toLowerCase();
  if (!isAddress(l, { strict: false })) throw new Error(`not an address: ${a}`);
  return l;
}

/** Scans Transfer logs to `wallets` from the cursor (or `startBlock`) to `toBlock`. Never throws: see `error`. */
export async function scanTransferLogs(client: PublicClient, params: ScanTransferLogsParameters): Promise<ScanTransferLogsReturnType> {
  const wallets = [...new Set(params.wallets.map(lower))].sort();
  let range = params.maxBlockRange ?? DEFAULT_MAX_RANGE;
  if (range < 1n) range = 1n;
  const rewind = params.reorgRewindBlocks ?? DEFAULT_REWIND;
  const contract = getAddress(params.contract);
  const usable = params.cursor !== null && params.cursor.chainId === params.chainId && params.cursor.contract.toLowerCase() === contract.toLowerCase();
  const prior = usable ? params.cursor : null;

  const fromBlock = prior ? BigInt(prior.fromBlock) : params.startBlock;
  let scannedTo = prior ? BigInt(prior.scannedTo) : params.startBlock - 1n;
  let seen: Seen[] = prior ? prior.seen.filter((s) => wallets.includes(s.wallet)) : [];
  const known = new Set(prior ? prior.wallets.filter((w) => wallets.includes(w)) : []);
  const fresh = wallets.filter((w) => !known.has(w));
  let rewound = false;
  let error: string | null = null;

  let scannedBlocks = 0n;
  let totalBlocks = 0n;
  const advance = (blocks: bigint): void => {
    scannedBlocks += blocks;
    params.onProgress?.({ contract, scannedBlocks, totalBlocks });
  };
  const hashOf = async (n: bigint): Promise<`0x${string}` | null> => {
    try {
      return (await getBlock(client, { blockNumber: n })).hash;
    } catch {
      return null;
    }
  };

  // Reorg: the block the cursor ended at is no longer the one scanned.
  if (prior && scannedTo >= fromBlock) {
    const hash = await hashOf(scannedTo);
    if (hash !== prior.scannedToHash) {
      rewound = true;
      const back = scannedTo - rewind;
      scannedTo = back < fromBlock - 1n ? fromBlock - 1n : back;
      const limit = scannedTo;
      seen = seen.filter((s) => BigInt(s.block) <= limit);
    }
  }

  const record = (logs: readonly { blockNumber: bigint | null; args: { from?: Address; to?: Address; tokenId?: bigint } }[]): void => {
    for (const log of logs) {
      const { to, from, tokenId } = log.args;
      if (to === undefined || tokenId === undefined || log.blockNumber === null) continue;
      const wallet = lower(to);
      const id = tokenId.toString();
      const minted = from !== undefined && from.toLowerCase() === ZERO;
      const existing = seen.find((s) => s.wallet === wallet && s.tokenId === id);
      if (!existing) seen.push({ wallet, tokenId: id, block: log.blockNumber.toString(), minted });
      else if (BigInt(existing.block) > log.blockNumber) seen = seen.map((s) => (s === existing ? { wallet, tokenId: id, block: log.blockNumber?.toString() ?? s.block, minted } : s));
    }
  };

  /** Scans [from, to] for `group`, chunked; returns the last block fully scanned. */
  const scan = async (group: readonly Address[], from: bigint, to: bigint): Promise<bigint> => {
    let next = from;
    while (next <= to && group.length > 0) {
      const end = next + range - 1n < to ? next + range - 1n : to;
      try {
        const logs = await getLogs(client, { address: contract, event: TRANSFER, args: { to: [...group] }, fromBlock: next, toBlock: end, strict: true });
        record(logs);
      } catch (e) {
        const message = describeError(e);
        if (range > 1n && RANGE_TOO_LARGE.test(message) && !RATE_LIMITED.test(message)) {
          range = range / 2n;
          continue;
        }
        error = `eth_getLogs ${next}-${end}: ${message}`;
        return next - 1n;
      }
      advance(end - next + 1n);
      next = end + 1n;
    }
    return to;
  };

  // New wallets first catch up to where the others are, then everyone goes on together.
  const catchUp = fresh.length > 0 && scannedTo >= fromBlock;
  totalBlocks = (catchUp ? scannedTo - fromBlock + 1n : 0n) + (params.toBlock > scannedTo ? params.toBlock - scannedTo : 0n);
  if (totalBlocks > 0n) advance(0n);
  let walletsCovered = [...known];
  if (catchUp) {
    const reached = await scan(fresh, fromBlock, scannedTo);
    if (reached >= scannedTo) walletsCovered.push(...fresh);
    else seen = seen.filter((s) => !fresh.includes(s.wallet));
  } else {
    walletsCovered.push(...fresh);
  }
  walletsCovered = [...new Set(walletsCovered)].sort();
  if (error === null && params.toBlock > scannedTo) scannedTo = await scan(walletsCovered, scannedTo + 1n, params.toBlock);

  const scannedToHash = scannedTo >= fromBlock ? ((await hashOf(scannedTo)) ?? '0x') : '0x';
  const cursor: ScanCursor = {
    chainId: params.chainId, contract, wallets: walletsCovered,
    fromBlock: fromBlock.toString(), scannedTo: scannedTo.toString(), scannedToHash,
    seen: [...seen].sort((a, b) => (a.wallet === b.wallet ? (BigInt(a.tokenId) < BigInt(b.tokenId) ? -1 : 1) : a.wallet < b.wallet ? -1 : 1)),
  };
  const candidates = new Map<string, bigint[]>();
  for (const s of cursor.seen) candidates.set(s.wallet, [...(candidates.get(s.wallet) ?? []), BigInt(s.tokenId)]);
  const complete = error === null && scannedTo >= params.toBlock && walletsCovered.length === wallets.length;
  return { cursor, complete, error, rewound, maxBlockRange: range, candidates };
}
