/**
 * Progress of a long redemption log scan for the CLI faces, as lines for stderr (stdout stays the
 * report or the JSON lines). A scan counts as long when it needs at least LONG_SCAN_REQUESTS
 * eth_getLogs calls at the chain's configured range; such a scan gets a line at 0% and then one per
 * 10% step, so even a first mainnet scan of hundreds of calls writes about ten lines.
 */

/** A scan needing at least this many eth_getLogs calls is reported. */
export const LONG_SCAN_REQUESTS = 20;

export interface ScanProgressCounts {
  readonly scannedBlocks: number | bigint;
  readonly totalBlocks: number | bigint;
}

/**
 * Returns the listener to call with each scan progress update of a chain.
 * @param write - Writes one line (without its newline).
 * @param rangeOf - The chain's configured eth_getLogs block range.
 */
export function createScanProgressLog(write: (line: string) => void, rangeOf: (chainId: number) => number): (chainId: number, progress: ScanProgressCounts) => void {
  const last = new Map<number, { readonly scanned: number; readonly total: number; readonly step: number }>();
  return (chainId, progress) => {
    const scanned = Number(progress.scannedBlocks);
    const total = Number(progress.totalBlocks);
    if (total <= 0 || total < LONG_SCAN_REQUESTS * Math.max(1, rangeOf(chainId))) return;
    const step = Math.min(10, Math.floor((scanned * 10) / total));
    const before = last.get(chainId);
    // The same update again (the monitor republishes every chain) prints nothing; a count that went back or
    // another total is the next scan (the next refresh), which starts its own steps.
    const sameScan = before !== undefined && before.total === total && before.scanned <= scanned;
    if (sameScan && step <= before.step) return;
    last.set(chainId, { scanned, total, step });
    const percent = Math.floor((scanned * 100) / total);
    write(`chain ${chainId}: redemption log scan ${percent}% (${scanned.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} blocks)`);
  };
}
