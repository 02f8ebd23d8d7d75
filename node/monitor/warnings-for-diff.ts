import type { RiskReport, Warning } from '../../shared/report';
import type { NotifyState } from '../../shared/notify/notify-state';
import { isDegraded } from '../../shared/is-degraded';

/** Warnings about the data itself: always passed to the diff as the engine reported them. */
export const DATA_QUALITY_KINDS: ReadonlySet<string> = new Set(['stale-data', 'failed-reads']);

/**
 * Warnings computed from facts read about a token or an operator (not from the composition of the
 * portfolio): a failed read elsewhere cannot cause them, so they pass even in a degraded refresh.
 */
export const FACT_KINDS: ReadonlySet<string> = new Set(['depeg', 'nav-drop', 'token-paused', 'operator-slashed', 'operator-tiny-magnitude', 'withdrawal-claimable']);


/**
 * The warnings to give the notification diff. For a complete refresh, the report's own. For a
 * degraded one (holdings missing, see `isDegraded`), a missing position shifts every share, concentration and
 * exit figure, so only the data-quality warnings and fact warnings pass as reported; every other
 * warning the notifier tracks is held at its tracked version (no escalation, de-escalation or
 * resolution while data is missing), and such warnings that are new are held back until a
 * complete refresh confirms them. A tracked warning missing from the report is kept as tracked.
 */
export function warningsForDiff(report: RiskReport, state: NotifyState): Warning[] {
  if (!isDegraded(report)) return [...report.warnings];
  const out: Warning[] = [];
  const seen = new Set<string>();
  for (const warning of report.warnings) {
    seen.add(warning.id);
    if (DATA_QUALITY_KINDS.has(warning.kind) || FACT_KINDS.has(warning.kind)) {
      out.push(warning);
      continue;
    }
    const tracked = state.active[warning.id];
    if (tracked !== undefined) out.push(tracked.warning);
  }
  for (const [id, entry] of Object.entries(state.active)) {
    if (seen.has(id) || DATA_QUALITY_KINDS.has(entry.warning.kind)) continue;
    out.push(entry.warning);
  }
  return out;
}
