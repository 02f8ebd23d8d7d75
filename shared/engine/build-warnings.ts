import { formatEther } from 'viem';
import type { Metrics, Severity, UnreadPosition, Warning } from '../report';
import { SEVERITY_RANK } from '../report';
import type { Thresholds } from '../settings/thresholds';
import type { ChainSnapshot } from '../snapshot';
import type { EngineContext } from './build-engine-context';
import type { PositionFacts } from './build-positions';
import { compareText } from './compare-text';
import { failedReadAffectsPortfolio } from './failed-read-affects-portfolio';
import { shortAddress } from './short-address';
import { thresholdLevel } from './threshold-level';
import { tokenExit } from './token-exit';

export interface WarningInputs {
  readonly ctx: EngineContext;
  readonly snapshots: readonly ChainSnapshot[];
  readonly facts: readonly PositionFacts[];
  readonly unread: readonly UnreadPosition[];
  readonly metrics: Metrics;
  readonly thresholds: Thresholds;
  readonly now: bigint;
  /** The previous report's warnings by id (for hysteresis). */
  readonly previous: ReadonlyMap<string, Warning>;
  /** Token ids any position stands on. */
  readonly heldTokens: ReadonlySet<string>;
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
/** `12.3456 ETH`: at most four decimals, no locale (Intl is slow and machine-dependent). */
const eth = (wei: bigint): string => {
  const [whole = '0', decimals = ''] = formatEther(wei).split('.');
  const cut = decimals.slice(0, 4).replace(/0+$/, '');
  return `${whole}${cut ? `.${cut}` : ''} ETH`;
};
const days = (seconds: bigint | null): string => (seconds === null ? 'an unknown time' : `${(Number(seconds) / 86_400).toFixed(1)} days`);
const rank = (s: Severity): number => SEVERITY_RANK[s];
const LIST_LIMIT = 5;

/**
 * Every warning rule of docs/risk-model.md applied to the metrics. Ids are `${kind}:${subject}`;
 * numeric rules use hysteresis against the previous report. Sorted by severity (critical first),
 * then id.
 */
export function buildWarnings(inp: WarningInputs): Warning[] {
  const { ctx, metrics: m, thresholds: t } = inp;
  const out: Warning[] = [];
  const h = t.hysteresisFraction;
  const prevSeverity = (id: string): Severity | null => inp.previous.get(id)?.severity ?? null;
  const push = (kind: string, subject: string, severity: Severity, title: string, value: Warning['value'], threshold: Warning['threshold'], explanation: string, action: string): void => {
    out.push({ id: `${kind}:${subject}`, kind, subject, severity, title, value, threshold, explanation, action });
  };
  const total = m.totalValueEth;

  // Depeg: market price below NAV (risk 5; Gauntlet: tracking error beyond 1% of NAV).
  for (const d of m.depeg) {
    if (!d.held) continue;
    const id = `depeg:${d.token}`;
    const lvl = thresholdLevel({ value: -d.depeg, warning: t.depegWarning, critical: t.depegCritical, hysteresis: h, previous: prevSeverity(id) });
    if (!lvl) continue;
    const token = ctx.tokensById.get(d.token);
    const exit = token ? tokenExit(ctx, token).atNavSeconds : null;
    push('depeg', d.token, lvl.severity, `${d.symbol} trades ${pct(-d.depeg)} below its NAV`, -d.depeg, lvl.threshold,
      `The market pays ${eth(d.marketEthPerToken)} for one ${d.symbol}, while the protocol values it at ${eth(d.navEthPerToken)} (NAV). `
        + 'Selling now loses the difference, and a widening discount is often the first sign that the market doubts the protocol.',
      `Avoid selling at the discount if you can wait: redeem at NAV through ${token?.protocol ?? 'the protocol'}'s withdrawal queue${exit !== null ? ` (about ${days(exit)})` : ''}. `
        + 'Check the protocol\'s announcements, and if you use it as collateral, check how far it can fall before liquidation.');
  }

  // NAV drop since the previous report: a realised loss (slashing, exploit, accounting error).
  for (const d of m.navDrops) {
    if (!inp.heldTokens.has(d.token)) continue;
    const id = `nav-drop:${d.token}`;
    const lvl = thresholdLevel({ value: d.drop, warning: t.navDropWarning, critical: t.navDropCritical, hysteresis: h, previous: prevSeverity(id) });
    if (!lvl) continue;
    const symbol = ctx.tokensById.get(d.token)?.symbol ?? d.token;
    push('nav-drop', d.token, lvl.severity, `${symbol}'s NAV fell ${pct(d.drop)}`, d.drop, lvl.threshold,
      `The protocol's own value of one ${symbol} fell from ${eth(d.previousEthPerToken)} to ${eth(d.ethPerToken)} since the last refresh. `
        + 'A restaking token\'s NAV normally only rises with rewards; a fall means the protocol lost ETH (a slashing, a loss in a strategy, or an accounting change).',
      'Look for an announcement by the protocol explaining the loss before adding to the position; consider whether the protocol\'s risk still suits you.');
  }

  // Concentration (risk 3).
  const topThreshold: Record<string, number> = {
    protocol: t.concentrationProtocolTopShare, venue: t.concentrationVenueTopShare,
    operator: t.concentrationOperatorTopShare, avs: t.concentrationAvsTopShare,
  };
  for (const c of m.concentration) {
    const threshold = topThreshold[c.dimension];
    if (threshold === undefined || total === 0n) continue;
    let fired = false;
    if (c.top) {
      const id = `concentration-${c.dimension}:${c.top.key}`;
      const lvl = thresholdLevel({ value: c.top.share, warning: threshold, critical: null, hysteresis: h, previous: prevSeverity(id) });
      if (lvl) {
        fired = true;
        // Nearly all restaking runs through one venue today: shown, but not an alarm.
        const severity: Severity = c.dimension === 'venue' ? 'info' : lvl.severity;
        const what = c.dimension === 'avs' ? 'can be slashed by' : 'depends on';
        push(`concentration-${c.dimension}`, c.top.key, severity, `${pct(c.top.share)} of your ETH ${what} one ${c.dimension === 'avs' ? 'AVS' : c.dimension}: ${c.top.label}`,
          c.top.share, lvl.threshold,
          `${c.top.label} accounts for ${eth(c.top.valueEth)} of your ${eth(total)}. If it fails (a bug, a governance error, a slashing), that whole share is affected at once.`,
          `Spread your restaked ETH over several ${c.dimension === 'avs' ? 'operators with different AVSs' : `${c.dimension}s`}, so that no single one holds more than ${pct(threshold)}.`);
      }
    }
    if (!fired && (c.dimension === 'protocol' || c.dimension === 'operator')) {
      const id = `concentration-hhi:${c.dimension}`;
      const lvl = thresholdLevel({ value: c.hhi, warning: t.hhiWarning, critical: null, hysteresis: h, previous: prevSeverity(id) });
      if (lvl) {
        push('concentration-hhi', c.dimension, lvl.severity, `Your ${c.dimension}s are concentrated (HHI ${c.hhi.toFixed(2)})`, c.hhi, lvl.threshold,
          `The Herfindahl index of your exposure by ${c.dimension} is ${c.hhi.toFixed(2)} (1 = everything in one, 0.25 or more counts as highly concentrated in antitrust practice).`,
          `Add exposure to other ${c.dimension}s to lower the index.`);
      }
    }
  }

  // Slashable exposure (risk 2).
  if (total > 0n) {
    const s = m.slashable;
    const id = 'slashable-exposure:portfolio';
    const lvl = thresholdLevel({ value: s.worstCaseShare, warning: t.slashableShareWarning, critical: t.slashableShareCritical, hysteresis: h, previous: prevSeverity(id) });
    if (lvl) {
      push('slashable-exposure', 'portfolio', lvl.severity, `${pct(s.worstCaseShare)} of your ETH can be slashed`, s.worstCaseShare, lvl.threshold,
        `Operators you are delegated to (directly or through your LRTs) have allocated stake to operator sets that can slash it. If every one of them slashed all it can, you would lose ${eth(s.worstCaseEth)}.`,
        'Check which operator sets hold the largest share (Slashing view); prefer operators that allocate less of their stake, or move part of your ETH out of restaking.');
    }
    if (s.delegatedEth > 0n) {
      const nid = 'nominal-security:portfolio';
      const nl = thresholdLevel({ value: s.nominalShareOfDelegated, warning: t.nominalShareWarning, critical: null, hysteresis: h, previous: prevSeverity(nid) });
      if (nl) {
        push('nominal-security', 'portfolio', 'info', `${pct(s.nominalShareOfDelegated)} of your delegated ETH secures nothing slashable`, s.nominalShareOfDelegated, nl.threshold,
          `${eth(s.nominalEth)} is delegated to operators but not allocated to any operator set: it cannot be slashed, but it does not secure any service either, so the restaking rewards it earns rest on nominal security and may shrink.`,
          'Nothing to do for safety; when comparing yields, discount rewards that come from nominal delegation.');
      }
    }
  }

  // Operators: slashed, tiny magnitude, leverage (risk 2).
  for (const op of m.leverage) {
    const subject = op.operator.toLowerCase();
    const name = `Operator ${shortAddress(op.operator)}`;
    if (op.slashedFraction !== null && op.slashedFraction > 0) {
      const cut = op.slashedFraction;
      const severity: Severity = cut >= t.operatorMaxMagnitudeCut ? 'critical' : 'warning';
      push('operator-slashed', subject, severity, `${name} has been slashed (${pct(cut)} of its stake)`, cut, severity === 'critical' ? t.operatorMaxMagnitudeCut : 0,
        `Its max magnitude fell below 1e18: operator sets slashed ${pct(cut)} of the stake delegated to it. ${eth(op.exposureEth)} of your ETH is delegated to it (directly or through your LRTs), and its withdrawable value has already been reduced.`,
        'Find out why it was slashed; consider undelegating (native restaking) or leaving LRTs that delegate to it.');
    }
    if (op.maxMagnitude !== null && op.maxMagnitude < t.operatorTinyMagnitude) {
      push('operator-tiny-magnitude', subject, 'warning', `${name} has almost nothing left to slash`, op.maxMagnitude, t.operatorTinyMagnitude,
        `Its max magnitude is ${op.maxMagnitude.toPrecision(3)} of the original: it has been slashed nearly completely. Stake delegated to it is worth almost nothing, and new deposits round to almost no shares.`,
        'Do not deposit or delegate to this operator; undelegate and withdraw what is left.');
    }
    const sid = `restaking-leverage:${subject}:sets`;
    const sl = thresholdLevel({ value: op.sets, warning: t.leverageSetsWarning, critical: null, hysteresis: h, previous: prevSeverity(sid) });
    if (sl) {
      push('restaking-leverage', `${subject}:sets`, sl.severity, `${name} backs ${op.sets} operator sets with the same stake`, op.sets, sl.threshold,
        `The stake you delegate to it (${eth(op.exposureEth)}) is allocated to ${op.sets} operator sets. Each can slash its share, so one stake answers for many services.`,
        'Prefer operators that serve fewer AVSs, or check that each AVS\'s slashing conditions are well understood.');
    }
    if (op.magnitudeSum !== null) {
      const mid = `restaking-leverage:${subject}:magnitude`;
      const ml = thresholdLevel({ value: op.magnitudeSum, warning: t.leverageMagnitudeSumWarning, critical: null, hysteresis: h, previous: prevSeverity(mid) });
      if (ml) {
        push('restaking-leverage', `${subject}:magnitude`, ml.severity, `${name} has allocated ${pct(op.magnitudeSum)} of its stake`, op.magnitudeSum, ml.threshold,
          `Its operator sets together can slash ${pct(op.magnitudeSum)} of the stake delegated to it, including your ${eth(op.exposureEth)}.`,
          'Prefer operators that keep part of their stake unallocated, or reduce your exposure to this one.');
      }
    }
  }

  // Exit mismatch and locked liquidity (risk 5).
  if (total > 0n) {
    const e = m.exit;
    const id = 'exit-mismatch:portfolio';
    const lvl = thresholdLevel({ value: e.beyondHorizonShare, warning: t.exitMismatchShare, critical: null, hysteresis: h, previous: prevSeverity(id) });
    if (lvl) {
      push('exit-mismatch', 'portfolio', lvl.severity, `${pct(e.beyondHorizonShare)} of your ETH needs more than ${e.horizonDays} days to exit at NAV`, e.beyondHorizonShare, lvl.threshold,
        `${eth(e.beyondHorizonEth)} can only be turned back into ETH at full value through queues longer than your horizon of ${e.horizonDays} days (or an unknown time). Selling faster means accepting the market discount, which widens in a crisis.`,
        'Keep the part you may need soon in assets with a short exit, or start redemptions early.');
    }
    const lid = 'liquidity-locked:portfolio';
    const ll = thresholdLevel({ value: e.lockedShare, warning: t.lockedShareWarning, critical: null, hysteresis: h, previous: prevSeverity(lid) });
    if (ll) {
      push('liquidity-locked', 'portfolio', ll.severity, `${pct(e.lockedShare)} of your ETH is waiting in withdrawal queues`, e.lockedShare, ll.threshold,
        `${eth(e.lockedEth)} is in withdrawal or redemption queues and cannot be used until they complete.`,
        'See the Withdrawals view for when each becomes claimable; avoid starting more withdrawals you do not need.');
    }
  }

  // Claimable withdrawals.
  for (const { position: p } of inp.facts) {
    if (p.kind !== 'queued-withdrawal' || p.exit.atNavSeconds !== 0n) continue;
    push('withdrawal-claimable', p.id, 'info', `A withdrawal of ${p.valueEth === null ? p.asset.symbol : eth(p.valueEth)} can be completed`, p.valueEth === null ? null : Number(formatEther(p.valueEth)), null,
      `The EigenLayer withdrawal queued by ${shortAddress(p.wallet)} passed its delay at block ${p.exit.claimableAtBlock ?? '?'}; it earns nothing and is not restaked while it waits.`,
      'Complete the withdrawal (completeQueuedWithdrawal) from the wallet that queued it.');
  }

  // Paused tokens.
  for (const id of [...inp.heldTokens].sort()) {
    const paused = ctx.tokenStates.get(id)?.state.paused;
    if (!paused?.ok || !paused.value) continue;
    const symbol = ctx.tokensById.get(id)?.symbol ?? id;
    push('token-paused', id, 'warning', `${symbol} is paused`, 1, null,
      `The ${symbol} contract reports paused: transfers, deposits or withdrawals may be blocked until its operators resume it.`,
      'Do not rely on exiting through the protocol for now; follow its announcements.');
  }

  // Data quality: stale or failed chains, failed reads.
  for (const snap of [...inp.snapshots].sort((a, b) => a.chainId - b.chainId)) {
    const chainName = ctx.chains.get(snap.chainId)?.name ?? `chain ${snap.chainId}`;
    const subject = String(snap.chainId);
    if (snap.status === 'failed' || snap.blockTimestamp === null) {
      push('stale-data', subject, 'warning', `${chainName} could not be read`, null, t.staleDataSeconds,
        `No endpoint for ${chainName} answered this refresh. Figures for it are the last ones read successfully, if any.`,
        'Check your connection, or add a working RPC endpoint for this chain in Settings.');
    } else {
      const age = Number(inp.now - snap.blockTimestamp);
      const id = `stale-data:${subject}`;
      const lvl = thresholdLevel({ value: age, warning: t.staleDataSeconds, critical: null, hysteresis: h, previous: prevSeverity(id) });
      if (lvl) {
        push('stale-data', subject, lvl.severity, `${chainName} data is ${Math.round(age / 60)} minutes old`, age, lvl.threshold,
          `The latest block read from ${chainName} is ${age} seconds old: the endpoint may be lagging, so prices and balances may be out of date.`,
          'Check the endpoint in Settings, or add another one.');
      }
    }
    if (snap.status === 'failed') continue;
    const unread = inp.unread.filter((u) => u.chainId === snap.chainId);
    // A failed read about a token nothing in the portfolio stands on cannot change any figure the
    // user sees: it is reported, as info, so that it never raises the exit code or a notification.
    const relevant = snap.failedReads.filter((f) => failedReadAffectsPortfolio(f.key, inp.heldTokens));
    const other = snap.failedReads.filter((f) => !failedReadAffectsPortfolio(f.key, inp.heldTokens));
    const count = relevant.length + unread.length;
    const list = (items: readonly string[]): string =>
      items.slice(0, LIST_LIMIT).join(', ') + (items.length > LIST_LIMIT ? `, and ${items.length - LIST_LIMIT} more` : '');
    if (count > 0) {
      const items = [...unread.map((u) => `${u.source} of ${shortAddress(u.wallet)}`), ...relevant.map((f) => f.key)];
      push('failed-reads', subject, 'warning', `${count} read${count === 1 ? '' : 's'} failed on ${chainName}`, count, 0,
        `These reads failed: ${list(items)}. Positions that depend on them keep their last known figures (or are marked incomplete); they are never counted as zero.`,
        'Usually temporary; if it persists, check the RPC endpoint in Settings.');
    } else if (other.length > 0) {
      push('failed-reads', subject, 'info', `${other.length} read${other.length === 1 ? '' : 's'} failed on ${chainName} (tokens you do not hold)`, other.length, 0,
        `These reads failed: ${list(other.map((f) => f.key))}. None of your positions depends on them.`,
        'Nothing to do for your portfolio; if it persists, the endpoint or the registry entry may be out of date.');
    }
  }

  return out.sort((a, b) => (a.severity === b.severity ? compareText(a.id, b.id) : rank(b.severity) - rank(a.severity)));
}
