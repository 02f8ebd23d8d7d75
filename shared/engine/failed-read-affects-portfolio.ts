/**
 * Whether a failed read (by its tracker key) can change a figure of this portfolio: reads of a
 * token's state (`token.<what>:<tokenId>`) matter only for tokens a position stands on; every
 * other read (balances, EigenLayer state, operators, the block) matters.
 */
export function failedReadAffectsPortfolio(key: string, heldTokens: ReadonlySet<string>): boolean {
  const m = /^token\.[A-Za-z]+:(.+)$/.exec(key);
  return m === null || heldTokens.has(m[1] ?? '');
}
