/**
 * Reads one chain's snapshot with a given ContractReader: composes the per-concern readers and
 * assembles a ChainSnapshot. readChain (Multicall3 levels) and readChainNaive (one eth_call per
 * read) differ only in the reader they pass.
 */
import { getAddress, type Address } from 'viem';
import { eigenLayerAbi } from '../../shared/abi/eigenlayer-abi';
import type { Registry } from '../../shared/registry/types';
import type { ChainSnapshot, ChainStatus, FailedRead, LrtLookThrough, Read, StakerEigenState } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';
import { createStrategyBook } from './create-strategy-book';
import { readBalances } from './read-balances';
import { ETH_USD_CHAIN_ID, ETH_USD_READ_KEY, readEthUsd } from './read-eth-usd';
import { ETHERFI_INSTANT_CHAIN_ID, ETHERFI_INSTANT_CONTRACTS, readEtherFiInstant } from './read-etherfi-instant';
import { readLookThrough } from './read-look-through';
import { readOperators } from './read-operators';
import { readStaker, type StakerReads } from './read-staker';
import { readTokenStates } from './read-token-states';

export interface ReadChainWithParameters {
  readonly chainId: number;
  readonly registry: Registry;
  readonly wallets: readonly Address[];
}

/** Stable order: the block read first (its error explains a failed chain), then by key. */
const byKey = (a: FailedRead, b: FailedRead) => (a.key === 'block' ? -1 : b.key === 'block' ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** One record per distinct failure (a shared check, such as a Curve pool's coin, can fail for several readers). */
function distinct(failures: readonly FailedRead[]): FailedRead[] {
  const seen = new Set<string>();
  return failures.filter((f) => {
    const id = `${f.key}\n${f.call}\n${f.error}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Composes the readers over `reader` and assembles the snapshot (without endpoint and request count). */
export async function readChainWith(reader: ContractReader, params: ReadChainWithParameters): Promise<Omit<ChainSnapshot, 'rpcRequests' | 'endpoint'>> {
  const { chainId, registry } = params;
  const wallets = [...new Set(params.wallets.map((w) => getAddress(w)))];
  const tokens = registry.tokens.filter((t) => t.chainId === chainId);
  const el = registry.eigenLayer.chainId === chainId && registry.chains.some((c) => c.id === chainId && c.eigenLayer) ? registry.eigenLayer : null;

  const blockRead = reader.block();
  const tokenStates = readTokenStates(reader, { tokens });
  const balances = readBalances(reader, { tokens, wallets });
  const ethUsd = chainId === ETH_USD_CHAIN_ID ? readEthUsd(reader, { feed: registry.ethUsdFeed }) : undefined;
  const etherfiInstant = chainId === ETHERFI_INSTANT_CHAIN_ID ? readEtherFiInstant(reader, ETHERFI_INSTANT_CONTRACTS) : undefined;

  let eigen: Promise<{
    readonly global: ChainSnapshot['eigen'];
    readonly wallets: Map<Address, StakerEigenState>;
    readonly operators: ChainSnapshot['operators'];
    readonly lookThrough: readonly LrtLookThrough[];
  }> | null = null;

  if (el) {
    const book = createStrategyBook(reader, el);
    const dm = el.delegationManager;
    const minDelay = reader.read({ key: 'eigen.minWithdrawalDelayBlocks', address: dm, abi: eigenLayerAbi.delegationManager, functionName: 'minWithdrawalDelayBlocks', args: [] })
      .then((r): Read<bigint> => (r.ok ? { ok: true, value: BigInt(r.value) } : r));
    const deallocation = reader.read({ key: 'eigen.deallocationDelay', address: el.allocationManager, abi: eigenLayerAbi.allocationManager, functionName: 'DEALLOCATION_DELAY', args: [] })
      .then((r): Read<bigint> => (r.ok ? { ok: true, value: BigInt(r.value) } : r));
    const stakers = new Map<Address, StakerReads>();
    const stakerOf = (address: Address): StakerReads => {
      const a = getAddress(address);
      let s = stakers.get(a);
      if (!s) {
        s = readStaker(reader, { staker: a, eigenLayer: el, strategies: book, minWithdrawalDelayBlocks: minDelay });
        stakers.set(a, s);
      }
      return s;
    };
    const walletStakers = wallets.map((w) => [w, stakerOf(w)] as const);
    // LRT stakers (~600 known ones on mainnet) start in the second level, with the discovered ones:
    // the first level stays small enough for one request with 100 wallets, and the level count
    // is the same (discovered stakers need a second level anyway).
    const lookThrough = Promise.all([readLookThrough(reader, { tokens }), blockRead]).then(([lt]) => lt);
    // Operators need every staker's delegation, including stakers an LRT reports live.
    const operators = lookThrough.then(async (lt) => {
      const all = [...wallets, ...lt.flatMap((t) => t.stakers)].map(stakerOf);
      // Current delegations, and the operators queued withdrawals are still slashable by.
      const [current, queued] = await Promise.all([Promise.all(all.map((s) => s.delegation)), Promise.all(all.map((s) => s.queuedDelegations))]);
      return readOperators(reader, { eigenLayer: el, delegations: [...current, ...queued.flat()] });
    });
    eigen = (async () => {
      const [lt, ops, walletStates, min, dealloc] = await Promise.all([
        lookThrough.then((l) => Promise.all(l.map(async (t) => ({ token: t.token, stakers: await Promise.all(t.stakers.map((s) => stakerOf(s).state)) })))),
        operators,
        Promise.all(walletStakers.map(async ([w, s]) => [w, await s.state] as const)),
        minDelay,
        deallocation,
      ]);
      return {
        global: { minWithdrawalDelayBlocks: min, deallocationDelayBlocks: dealloc, strategies: await book.entries() },
        wallets: new Map(walletStates),
        operators: ops,
        lookThrough: lt,
      };
    })();
  }

  const [block, states, walletBalances, eigenResult, usd, instant] = await Promise.all([blockRead, tokenStates, balances, eigen, ethUsd, etherfiInstant]);
  const failedReads = distinct(reader.failedReads()).sort(byKey);
  // The ETH/USD price is display only: its failure is listed but does not make the chain partial.
  const status: ChainStatus = !block.ok ? 'failed' : failedReads.some((f) => f.key !== ETH_USD_READ_KEY) ? 'partial' : 'ok';
  return {
    chainId,
    status,
    blockNumber: block.ok ? block.value.number : null,
    blockTimestamp: block.ok ? block.value.timestamp : null,
    failedReads,
    wallets: walletBalances.map((b) => ({ wallet: b.wallet, balances: b.balances, eigen: eigenResult?.wallets.get(b.wallet) ?? null })),
    tokens: states,
    eigen: eigenResult?.global ?? null,
    operators: eigenResult?.operators ?? [],
    lookThrough: eigenResult?.lookThrough ?? [],
    ...(usd === undefined ? {} : { ethUsd: block.ok ? usd : null }),
    ...(instant === undefined || !block.ok ? {} : { etherfiInstant: instant }),
  };
}
