/**
 * The eth_getLogs block ranges endpoints have accepted after refusing larger ones, per chain and
 * endpoint, for the session (issue 10). The redemption scan halves its range when an endpoint refuses
 * one as too large; without this memory every refresh would start again from the configured range and
 * repeat the refused requests. In memory only: a restart (or another endpoint, or another configured
 * range) starts from the configured range again, at the cost of a few refused requests once.
 */

export interface LearnedLogRanges {
  /** The range to ask for: the one learned for this chain, endpoint and configured range, else `configured`. */
  rangeFor(chainId: number, endpoint: string | null, configured: bigint): bigint;
  /** Records the range the scan ended with (forgotten again when it is the configured one). */
  learn(chainId: number, endpoint: string | null, configured: bigint, worked: bigint): void;
}

/** An empty memory; one per long-running core (or per CLI run). */
export function createLearnedLogRanges(): LearnedLogRanges {
  const learned = new Map<string, bigint>();
  // The configured range is part of the key: a user who changes the setting is taken at their word.
  const key = (chainId: number, endpoint: string | null, configured: bigint): string => `${chainId}\n${endpoint ?? ''}\n${configured}`;
  return {
    rangeFor(chainId, endpoint, configured) {
      // learn() keeps only ranges below the configured one.
      return learned.get(key(chainId, endpoint, configured)) ?? configured;
    },
    learn(chainId, endpoint, configured, worked) {
      const k = key(chainId, endpoint, configured);
      if (worked < configured && worked >= 1n) learned.set(k, worked);
      else learned.delete(k);
    },
  };
}
