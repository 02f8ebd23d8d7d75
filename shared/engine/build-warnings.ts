import { formatEther } from 'viem';
import { ethParam } from '../i18n/eth-param';
import type { WarningKey, WarningParams } from '../i18n/warning-params';
import { readListParams, warningMessage } from '../i18n/warning-params';
import { renderWarningText } from '../i18n/warning-text';
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

const rank = (s: Severity): number => SEVERITY_RANK[s];
/** The concentration dimensions with a top-share rule, and their message keys. */
const TOP_SHARE_KEYS = {
  protocol: 'concentration-protocol', venue: 'concentration-venue', operator: 'concentration-operator', avs: 'concentration-avs',
} as const satisfies Record<string, WarningKey>;
/** The dimensions with a Herfindahl rule, and their message keys. */
const HHI_KEYS = { protocol: 'concentration-hhi-protocol', operator: 'concentration-hhi-operator' } as const satisfies Record<string, WarningKey>;
const isKeyOf = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);
/** A chain's name as a message parameter, when the registry knows it (templates fall back to its id). */
const chainParams = (chainId: number, name: string | undefined): { chainId: number; chain?: string } => (name === undefined ? { chainId } : { chainId, chain: name });

/**
 * Every warning rule of docs/risk-model.md applied to the metrics. Ids are `${kind}:${subject}`;
 * numeric rules use hysteresis against the previous report. Sorted by severity (critical first),
 * then id. Each warning carries its text as a catalog message (shared/i18n) and rendered in English.
 */
export function buildWarnings(inp: WarningInputs): Warning[] {
  const { ctx, metrics: m, thresholds: t } = inp;
  const out: Warning[] = [];
  const h = t.hysteresisFraction;
  const prevSeverity = (id: string): Severity | null => inp.previous.get(id)?.severity ?? null;
  const push = <K extends WarningKey>(kind: string, subject: string, severity: Severity, value: Warning['value'], threshold: Warning['threshold'], key: K, params: WarningParams<K>): void => {
    const message = warningMessage(key, params);
    const text = renderWarningText(message, 'en');
    out.push({ id: `${kind}:${subject}`, kind, subject, severity, title: text.title, value, threshold, explanation: text.explanation, action: text.action, message });
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
    push('depeg', d.token, lvl.severity, -d.depeg, lvl.threshold, 'depeg', {
      symbol: d.symbol, discount: -d.depeg, marketEth: ethParam(d.marketEthPerToken), navEth: ethParam(d.navEthPerToken),
      ...(token ? { protocol: token.protocol } : {}), ...(exit === null ? {} : { exitDays: Number(exit) / 86_400 }),
    });
  }

  // NAV drop since the previous report: a realised loss (slashing, exploit, accounting error).
  for (const d of m.navDrops) {
    if (!inp.heldTokens.has(d.token)) continue;
    const id = `nav-drop:${d.token}`;
    const lvl = thresholdLevel({ value: d.drop, warning: t.navDropWarning, critical: t.navDropCritical, hysteresis: h, previous: prevSeverity(id) });
    if (!lvl) continue;
    const symbol = ctx.tokensById.get(d.token)?.symbol ?? d.token;
    push('nav-drop', d.token, lvl.severity, d.drop, lvl.threshold, 'nav-drop', { symbol, drop: d.drop, previousEth: ethParam(d.previousEthPerToken), currentEth: ethParam(d.ethPerToken) });
  }

  // Concentration (risk 3).
  const topThreshold: Record<string, number> = {
    protocol: t.concentrationProtocolTopShare, venue: t.concentrationVenueTopShare,
    operator: t.concentrationOperatorTopShare, avs: t.concentrationAvsTopShare,
  };
  for (const c of m.concentration) {
    const threshold = topThreshold[c.dimension];
    if (threshold === undefined || total === 0n || !isKeyOf(TOP_SHARE_KEYS, c.dimension)) continue;
    let fired = false;
    if (c.top) {
      const id = `concentration-${c.dimension}:${c.top.key}`;
      const lvl = thresholdLevel({ value: c.top.share, warning: threshold, critical: null, hysteresis: h, previous: prevSeverity(id) });
      if (lvl) {
        fired = true;
        // Nearly all restaking runs through one venue today: shown, but not an alarm.
        const severity: Severity = c.dimension === 'venue' ? 'info' : lvl.severity;
        push(`concentration-${c.dimension}`, c.top.key, severity, c.top.share, lvl.threshold, TOP_SHARE_KEYS[c.dimension], {
          share: c.top.share, label: c.top.label, valueEth: ethParam(c.top.valueEth), totalEth: ethParam(total), threshold,
        });
      }
    }
    if (!fired && isKeyOf(HHI_KEYS, c.dimension)) {
      const id = `concentration-hhi:${c.dimension}`;
      const lvl = thresholdLevel({ value: c.hhi, warning: t.hhiWarning, critical: null, hysteresis: h, previous: prevSeverity(id) });
      if (lvl) push('concentration-hhi', c.dimension, lvl.severity, c.hhi, lvl.threshold, HHI_KEYS[c.dimension], { hhi: c.hhi });
    }
  }

  // Slashable exposure (risk 2).
  if (total > 0n) {
    const s = m.slashable;
    const id = 'slashable-exposure:portfolio';
    const lvl = thresholdLevel({ value: s.worstCaseShare, warning: t.slashableShareWarning, critical: t.slashableShareCritical, hysteresis: h, previous: prevSeverity(id) });
    if (lvl) {
      push('slashable-exposure', 'portfolio', lvl.severity, s.worstCaseShare, lvl.threshold, 'slashable-exposure', { share: s.worstCaseShare, worstCaseEth: ethParam(s.worstCaseEth) });
    }
    if (s.delegatedEth > 0n) {
      const nid = 'nominal-security:portfolio';
      const nl = thresholdLevel({ value: s.nominalShareOfDelegated, warning: t.nominalShareWarning, critical: null, hysteresis: h, previous: prevSeverity(nid) });
      if (nl) {
        push('nominal-security', 'portfolio', 'info', s.nominalShareOfDelegated, nl.threshold, 'nominal-security', { share: s.nominalShareOfDelegated, nominalEth: ethParam(s.nominalEth) });
      }
    }
  }

  // Operators: slashed, tiny magnitude, leverage (risk 2).
  for (const op of m.leverage) {
    const subject = op.operator.toLowerCase();
    const operator = shortAddress(op.operator);
    const exposureEth = ethParam(op.exposureEth);
    if (op.slashedFraction !== null && op.slashedFraction > 0) {
      const cut = op.slashedFraction;
      const severity: Severity = cut >= t.operatorMaxMagnitudeCut ? 'critical' : 'warning';
      push('operator-slashed', subject, severity, cut, severity === 'critical' ? t.operatorMaxMagnitudeCut : 0, 'operator-slashed', { operator, cut, exposureEth });
    }
    if (op.maxMagnitude !== null && op.maxMagnitude < t.operatorTinyMagnitude) {
      push('operator-tiny-magnitude', subject, 'warning', op.maxMagnitude, t.operatorTinyMagnitude, 'operator-tiny-magnitude', { operator, maxMagnitude: op.maxMagnitude });
    }
    const sid = `restaking-leverage:${subject}:sets`;
    const sl = thresholdLevel({ value: op.sets, warning: t.leverageSetsWarning, critical: null, hysteresis: h, previous: prevSeverity(sid) });
    if (sl) {
      push('restaking-leverage', `${subject}:sets`, sl.severity, op.sets, sl.threshold, 'restaking-leverage-sets', { operator, sets: op.sets, exposureEth });
    }
    if (op.magnitudeSum !== null) {
      const mid = `restaking-leverage:${subject}:magnitude`;
      const ml = thresholdLevel({ value: op.magnitudeSum, warning: t.leverageMagnitudeSumWarning, critical: null, hysteresis: h, previous: prevSeverity(mid) });
      if (ml) {
        push('restaking-leverage', `${subject}:magnitude`, ml.severity, op.magnitudeSum, ml.threshold, 'restaking-leverage-magnitude', { operator, magnitudeSum: op.magnitudeSum, exposureEth });
      }
    }
  }

  // Exit mismatch and locked liquidity (risk 5).
  if (total > 0n) {
    const e = m.exit;
    const id = 'exit-mismatch:portfolio';
    const lvl = thresholdLevel({ value: e.beyondHorizonShare, warning: t.exitMismatchShare, critical: null, hysteresis: h, previous: prevSeverity(id) });
    if (lvl) {
      push('exit-mismatch', 'portfolio', lvl.severity, e.beyondHorizonShare, lvl.threshold, 'exit-mismatch', {
        share: e.beyondHorizonShare, horizonDays: e.horizonDays, beyondEth: ethParam(e.beyondHorizonEth),
      });
    }
    const lid = 'liquidity-locked:portfolio';
    const ll = thresholdLevel({ value: e.lockedShare, warning: t.lockedShareWarning, critical: null, hysteresis: h, previous: prevSeverity(lid) });
    if (ll) push('liquidity-locked', 'portfolio', ll.severity, e.lockedShare, ll.threshold, 'liquidity-locked', { share: e.lockedShare, lockedEth: ethParam(e.lockedEth) });
  }

  // Claimable withdrawals.
  for (const { position: p } of inp.facts) {
    if (p.kind !== 'queued-withdrawal' || p.exit.atNavSeconds !== 0n) continue;
    push('withdrawal-claimable', p.id, 'info', p.valueEth === null ? null : Number(formatEther(p.valueEth)), null, 'withdrawal-claimable', {
      symbol: p.asset.symbol, wallet: shortAddress(p.wallet),
      ...(p.valueEth === null ? {} : { amountEth: ethParam(p.valueEth) }), ...(p.exit.claimableAtBlock === null ? {} : { block: String(p.exit.claimableAtBlock) }),
    });
  }

  // Paused tokens.
  for (const id of [...inp.heldTokens].sort()) {
    const paused = ctx.tokenStates.get(id)?.state.paused;
    if (!paused?.ok || !paused.value) continue;
    push('token-paused', id, 'warning', 1, null, 'token-paused', { symbol: ctx.tokensById.get(id)?.symbol ?? id });
  }

  // Data quality: stale or failed chains, failed reads.
  for (const snap of [...inp.snapshots].sort((a, b) => a.chainId - b.chainId)) {
    const chain = chainParams(snap.chainId, ctx.chains.get(snap.chainId)?.name);
    const subject = String(snap.chainId);
    if (snap.status === 'failed' || snap.blockTimestamp === null) {
      push('stale-data', subject, 'warning', null, t.staleDataSeconds, 'chain-unreachable', chain);
    } else {
      const age = Number(inp.now - snap.blockTimestamp);
      const id = `stale-data:${subject}`;
      const lvl = thresholdLevel({ value: age, warning: t.staleDataSeconds, critical: null, hysteresis: h, previous: prevSeverity(id) });
      if (lvl) push('stale-data', subject, lvl.severity, age, lvl.threshold, 'stale-data', { ...chain, ageSeconds: age });
    }
    if (snap.status === 'failed') continue;
    const unread = inp.unread.filter((u) => u.chainId === snap.chainId);
    // A failed read about a token nothing in the portfolio stands on cannot change any figure the
    // user sees: it is reported, as info, so that it never raises the exit code or a notification.
    const relevant = snap.failedReads.filter((f) => failedReadAffectsPortfolio(f.key, inp.heldTokens));
    const other = snap.failedReads.filter((f) => !failedReadAffectsPortfolio(f.key, inp.heldTokens));
    const count = relevant.length + unread.length;
    if (count > 0) {
      const items = [...unread.map((u) => ({ read: u.source, wallet: shortAddress(u.wallet) })), ...relevant.map((f) => ({ read: f.key, wallet: null }))];
      push('failed-reads', subject, 'warning', count, 0, 'failed-reads', { ...chain, count, ...readListParams(items) });
    } else if (other.length > 0) {
      push('failed-reads', subject, 'info', other.length, 0, 'failed-reads-not-held', { ...chain, count: other.length, ...readListParams(other.map((f) => ({ read: f.key, wallet: null }))) });
    }
  }

  return out.sort((a, b) => (a.severity === b.severity ? compareText(a.id, b.id) : rank(b.severity) - rank(a.severity)));
}
