import type { Address } from 'viem';
import type { StackLayer } from '../report';
import type { ExposureProfile } from './attribute-exposure';
import type { PositionFacts } from './build-positions';

/** The per-position sums every metric starts from, gathered in one pass over the positions. */
export interface PositionSums {
  /** Sum of the valued positions at NAV, and at market where a market value exists (else NAV). */
  readonly totalValueEth: bigint;
  readonly totalMarketValueEth: bigint;
  /** Registry tokens the positions stand on, and the tokens whose market price applies to some position. */
  readonly heldTokens: ReadonlySet<string>;
  readonly heldMarketTokens: ReadonlySet<string>;
  /** Value of the positions with a profile and a positive value, per profile, in order of first position (see groupExposure). */
  readonly byProfile: ReadonlyMap<ExposureProfile, bigint>;
  /** Value of the positions with a non-zero value, per stack array, chain and wallet (as spelled), in order of first position. */
  readonly byStack: ReadonlyMap<readonly StackLayer[], bigint>;
  readonly byChain: ReadonlyMap<number, bigint>;
  readonly byWallet: ReadonlyMap<Address, bigint>;
  /** Value of the valued positions per market token. */
  readonly byMarketToken: ReadonlyMap<string, bigint>;
  /** Per lowercase wallet: summed value (unvalued positions count 0) and number of positions. */
  readonly perWallet: ReadonlyMap<string, { readonly valueEth: bigint; readonly positionCount: number }>;
}

/**
 * One pass over the positions (sorted by id, so a wallet's positions are consecutive), summing
 * what the metrics need. Sums are exact, so the metrics computed from them are the same as
 * from the positions one by one.
 */
export function sumPositions(facts: readonly PositionFacts[]): PositionSums {
  let totalValueEth = 0n;
  let totalMarketValueEth = 0n;
  const heldTokens = new Set<string>();
  const heldMarketTokens = new Set<string>();
  const byProfile = new Map<ExposureProfile, bigint>();
  const byStack = new Map<readonly StackLayer[], bigint>();
  const byChain = new Map<number, bigint>();
  const byWallet = new Map<Address, bigint>();
  const byMarketToken = new Map<string, bigint>();
  const perWallet = new Map<string, { valueEth: bigint; positionCount: number }>();
  // A run of consecutive positions of one wallet (as spelled) on one chain is summed locally and
  // added to the wallet, chain and total sums once: fewer map updates, the same sums.
  let runWallet: Address | null = null;
  let runChain = 0;
  let runValue = 0n;
  let runNonZero = false;
  let runEntry: { valueEth: bigint; positionCount: number } | null = null;
  const flush = (): void => {
    if (runWallet === null || runEntry === null) return;
    totalValueEth += runValue;
    runEntry.valueEth += runValue;
    if (runNonZero) {
      byChain.set(runChain, (byChain.get(runChain) ?? 0n) + runValue);
      byWallet.set(runWallet, (byWallet.get(runWallet) ?? 0n) + runValue);
    }
  };
  let seenTokenIds: readonly string[] | null = null;
  for (const f of facts) {
    const p = f.position;
    const v = p.valueEth;
    // Positions of one token share their tokenIds list: skip the set updates when it repeats.
    if (f.tokenIds !== seenTokenIds) {
      for (const id of f.tokenIds) heldTokens.add(id);
      seenTokenIds = f.tokenIds;
    }
    if (f.marketToken !== null) heldMarketTokens.add(f.marketToken);
    if (p.wallet !== runWallet || p.chainId !== runChain) {
      flush();
      runWallet = p.wallet;
      runChain = p.chainId;
      runValue = 0n;
      runNonZero = false;
      const key = p.wallet.toLowerCase();
      runEntry = perWallet.get(key) ?? null;
      if (runEntry === null) {
        runEntry = { valueEth: 0n, positionCount: 0 };
        perWallet.set(key, runEntry);
      }
    }
    // Every position counts, valued or not.
    if (runEntry !== null) runEntry.positionCount++;
    if (v === null) continue;
    runValue += v;
    totalMarketValueEth += p.marketValueEth ?? v;
    if (f.marketToken !== null) byMarketToken.set(f.marketToken, (byMarketToken.get(f.marketToken) ?? 0n) + v);
    if (f.profile !== null && v > 0n) byProfile.set(f.profile, (byProfile.get(f.profile) ?? 0n) + v);
    if (v === 0n) continue;
    runNonZero = true;
    byStack.set(p.stack, (byStack.get(p.stack) ?? 0n) + v);
  }
  flush();
  return { totalValueEth, totalMarketValueEth, heldTokens, heldMarketTokens, byProfile, byStack, byChain, byWallet, byMarketToken, perWallet };
}
