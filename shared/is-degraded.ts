import type { RiskReport } from './report';

/**
 * True when the report is missing holdings: a position read failed (`unread`) or a whole chain
 * could not be read. Other failed reads (a redemption delay, a market rate) leave the portfolio
 * whole; the warnings that depend on them are the engine's to qualify.
 *
 * @param report - A report from the engine (or the monitor, with carried-over positions).
 */
export function isDegraded(report: RiskReport): boolean {
  return report.unread.length > 0 || report.chains.some((chain) => chain.status === 'failed');
}
