/**
 * What `matryoshka watch` prints for one monitor update: a `report` line, then one `event` line per
 * warning in each notification the diff decided to show (after hysteresis, cooldown, minimum
 * severity, mutes, quiet hours and grouping: the same notifications every channel receives). A
 * grouped notification gives one line per warning it lists, each naming the notification's key.
 * Shapes: schemas/watch-line.schema.json. Pure: the caller keeps `WatchMemory` between updates.
 */
import { isDegraded } from '../../shared/is-degraded';
import { listedValue } from '../../shared/listed-value';
import type { Notification, NotifyEvent, NotifyEventType } from '../../shared/notify/diff-reports';
import { toPlainText } from '../../shared/notify/to-plain-text';
import type { RiskReport, Severity, Warning } from '../../shared/report';
import type { ChainStatus } from '../../shared/snapshot';

export interface ReportLine {
  readonly type: 'report';
  /** Unix seconds of the refresh. */
  readonly generatedAt: string;
  readonly chains: readonly { readonly chainId: number; readonly blockNumber: string | null; readonly status: ChainStatus }[];
  readonly metrics: {
    /** Wei: the sum of the positions listed, last known figures included for reads that failed. */
    readonly totalValueEth: string;
    /** 0 to 100; in a degraded refresh, the last complete refresh's score (when there was one). */
    readonly riskScore: number;
  };
  readonly warnings: number;
  /** Positions listed, those kept from earlier refreshes for failed reads included. */
  readonly positions: number;
  /** True when some holdings could not be read and their last known figures stand in. */
  readonly degraded: boolean;
}

export interface EventLine {
  readonly type: 'event';
  readonly event: NotifyEventType;
  readonly warning: Pick<Warning, 'id' | 'kind' | 'severity' | 'title' | 'subject' | 'value' | 'threshold'>;
  readonly chainId: number;
  /** The block the figures come from: the chain's block this refresh, else the last one read ("0" if never). */
  readonly blockNumber: string;
  /** The notification this event was shown in (several events share a grouped one). */
  readonly notification: { readonly key: string; readonly grouped: boolean; readonly severity: Severity; readonly title: string; readonly body: string };
}

export type WatchLine = ReportLine | EventLine;

/** What the lines of one update need from earlier ones. */
export interface WatchMemory {
  /** Last block read per chain id (decimal strings). */
  readonly lastBlocks: ReadonlyMap<number, string>;
  /** Risk score of the last complete (not degraded) refresh. */
  readonly lastCompleteRiskScore: number | null;
}

export const emptyWatchMemory: WatchMemory = { lastBlocks: new Map(), lastCompleteRiskScore: null };

export interface WatchUpdate {
  readonly report: RiskReport;
  readonly events: readonly NotifyEvent[];
  readonly notifications: readonly Notification[];
}

/** The chain a warning is about, when its subject names one (`ezETH@1`, `1`, `1:0x…:…`). */
function chainOf(warning: Warning): number | null {
  const at = /@([1-9][0-9]{0,9})$/.exec(warning.subject);
  if (at?.[1] !== undefined) return Number(at[1]);
  const lead = /^([1-9][0-9]{0,9})(?::|$)/.exec(warning.subject);
  return lead?.[1] === undefined ? null : Number(lead[1]);
}

/** Why a warning is in a notification: what the diff made it due for. */
function eventTypeOf(notification: Notification, event: NotifyEvent | undefined): NotifyEventType {
  // Singles are keyed `<reason>:<warning id>`, a warning held by quiet hours being delivered as `new:`.
  if (!notification.grouped) {
    if (notification.key.startsWith('resolved:')) return 'resolved';
    if (notification.key.startsWith('escalated:')) return 'escalated';
    return 'new';
  }
  // A summary lists warnings due for their event of this refresh, or held ones (no such event): new.
  return event !== undefined && event.type !== 'de-escalated' ? event.type : 'new';
}

/** Memory after `report`, for the next update. */
export function nextWatchMemory(memory: WatchMemory, report: RiskReport): WatchMemory {
  const lastBlocks = new Map(memory.lastBlocks);
  for (const chain of report.chains) if (chain.status !== 'failed' && chain.blockNumber !== null) lastBlocks.set(chain.chainId, chain.blockNumber.toString());
  return { lastBlocks, lastCompleteRiskScore: isDegraded(report) ? memory.lastCompleteRiskScore : report.metrics.riskScore.score };
}

/**
 * The lines for one monitor update.
 *
 * @param update - The monitor's update: the report (carried-over positions included), the diff's events and notifications.
 * @param memory - What earlier updates left (`emptyWatchMemory` at first, or seeded with the stored last report).
 * @returns The report line first, then the event lines in notification order.
 */
export function toWatchLines(update: WatchUpdate, memory: WatchMemory): WatchLine[] {
  const { report } = update;
  const degraded = isDegraded(report);
  const blocks = nextWatchMemory(memory, report).lastBlocks;
  const total = listedValue(report).totalEth;
  const lines: WatchLine[] = [{
    type: 'report',
    generatedAt: report.generatedAt.toString(),
    chains: report.chains.map((c) => ({ chainId: c.chainId, blockNumber: c.blockNumber === null ? null : c.blockNumber.toString(), status: c.status })),
    metrics: { totalValueEth: total.toString(), riskScore: degraded ? (memory.lastCompleteRiskScore ?? report.metrics.riskScore.score) : report.metrics.riskScore.score },
    warnings: report.warnings.length,
    positions: report.positions.length,
    degraded,
  }];
  const defaultChain = report.chains.some((c) => c.chainId === 1) ? 1 : (report.chains[0]?.chainId ?? 1);
  for (const notification of update.notifications) {
    for (const id of notification.warningIds) {
      const event = update.events.find((e) => e.warning.id === id);
      const warning = event?.warning ?? report.warnings.find((w) => w.id === id);
      if (warning === undefined) continue;
      const chainId = chainOf(warning) ?? defaultChain;
      const { kind, severity, title, subject, value, threshold } = warning;
      lines.push({
        type: 'event',
        event: eventTypeOf(notification, event),
        warning: { id, kind, severity, title, subject, value, threshold },
        chainId,
        blockNumber: blocks.get(chainId) ?? '0',
        notification: { key: notification.key, grouped: notification.grouped, severity: notification.severity, title: notification.title, body: notification.body },
      });
    }
  }
  return lines;
}

/**
 * The default (not `--json-lines`) output for one event: UTC time, event, severity, title, and in
 * brackets kind, subject, chain and block. Text from chain data is made inert (no control, bidi
 * or zero-width characters reach the terminal) and cut to a sensible length.
 */
export function toReadableLine(line: EventLine, at: Date): string {
  const w = line.warning;
  return `${at.toISOString().slice(0, 19)}Z ${line.event.padEnd(12)} ${w.severity.padEnd(8)} ${toPlainText(w.title, 200)}  [${toPlainText(w.kind, 40)} ${toPlainText(w.subject, 80)}, chain ${line.chainId} block ${line.blockNumber}]`;
}
