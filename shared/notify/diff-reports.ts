/**
 * The notification diff: compares the warnings of a new report with what the notifier remembers
 * and says what changed (events) and what to tell the user now (notifications).
 *
 * Rules, in the order they apply:
 *
 * - **Events** are always recorded, whatever the notification settings: `new` (an id not active
 *   before), `escalated` (higher severity than the tracked one; immediate), `de-escalated` and
 *   `resolved` (only after hysteresis, below).
 * - **Hysteresis.** A warning missing from the report, or present at a lower severity, must stay so
 *   for `hysteresisRefreshes` consecutive refreshes before it is resolved or de-escalated; a warning
 *   that disappears and comes back within that window produces no event at all. When the tracked
 *   warning and the lower observation both carry numeric `value`s and the tracked one a numeric
 *   `threshold`, a lower observation counts towards that streak only when its value is back past
 *   the tracked threshold by the margin `thresholds.hysteresisFraction` (below `threshold * (1 - f)`
 *   when higher values are worse, above `threshold * (1 + f)` when lower values are worse, which is
 *   told by which side of its threshold the tracked value sits); otherwise the streak starts over.
 *   A missing warning always counts (the engine reports no value for it). When the streak
 *   completes, a warning seen at a lower severity during it is de-escalated to the worst such
 *   severity; a warning missing throughout is resolved.
 * - **Which events notify.** `new` and `escalated`; `resolved` too when `notifyOnResolve` is set;
 *   `de-escalated` never (it is shown in the app's event list).
 * - **Filters**, each only holding back the notification, never the event: notifications disabled;
 *   a muted kind; a severity below `minimumSeverity`; the **cooldown** (no second notification for
 *   the same id within `cooldownSeconds` unless its severity is higher than the one last notified;
 *   resolutions are not subject to it).
 * - **Quiet hours.** Notifications due inside quiet hours are held, not dropped: the ids are kept
 *   in the state and notified at the first refresh after quiet hours if the warning is still active
 *   (and passes the filters then). Critical notifications are shown during quiet hours when
 *   `criticalBypassesQuietHours` is set (the default): a critical warning means money may be lost
 *   before morning. Resolutions inside quiet hours are dropped.
 * - **Grouping.** When more than `groupThreshold` notifications are due at once they are replaced
 *   by one summary notification listing the first ten and counting the rest.
 *
 * The function is pure: the caller passes `now` and the local time of day, and persists the
 * returned state (plain JSON) so that a restart never announces again what was already said.
 */
import { notificationWords, type NotificationWords } from '../i18n/notification-text';
import { warningTextFor } from '../i18n/warning-text-for';
import { SEVERITY_RANK, type Severity, type Warning } from '../report';
import type { NotificationSettings } from '../settings/settings';
import type { Thresholds } from '../settings/thresholds';
import { isQuietTime } from './is-quiet-time';
import type { ActiveWarning, NotifyState } from './notify-state';
import { toPlainText } from './to-plain-text';

export const NOTIFY_EVENT_TYPES = ['new', 'escalated', 'de-escalated', 'resolved'] as const;
export type NotifyEventType = (typeof NOTIFY_EVENT_TYPES)[number];

/** One change in the warnings. */
export interface NotifyEvent {
  readonly type: NotifyEventType;
  /** The warning after the change; for `resolved`, the warning as last tracked. */
  readonly warning: Warning;
  /** The tracked severity before the change; null for `new`. */
  readonly previousSeverity: Severity | null;
}

/** What to show the user now; plain text, safe for any notification surface. */
export interface Notification {
  /** Stable key of this notification, e.g. `new:depeg:weETH` or `summary:1700000000`. */
  readonly key: string;
  readonly severity: Severity;
  readonly title: string;
  readonly body: string;
  /** The warnings it is about; clicking it opens the app on the first one. */
  readonly warningIds: readonly string[];
  /** True for a summary of several changes. */
  readonly grouped: boolean;
}

export interface DiffContext {
  /** Unix seconds. */
  readonly now: bigint;
  readonly settings: NotificationSettings;
  readonly thresholds: Thresholds;
  /** Minutes since local midnight (0 to 1439), for quiet hours. */
  readonly localMinutesOfDay: number;
  /** The language of the notifications' text (settings `language`); English when absent or without a catalog. */
  readonly language?: string;
}

export interface DiffResult {
  readonly events: readonly NotifyEvent[];
  readonly notifications: readonly Notification[];
  readonly state: NotifyState;
}

/** How a notification came to be due. */
type DueReason = 'new' | 'escalated' | 'resolved' | 'held';

interface Due {
  readonly reason: DueReason;
  readonly warning: Warning;
}

const SUMMARY_LINES = 10;
const TITLE_MAX = 120;
const BODY_MAX = 400;

function worse(a: Warning | null, b: Warning): Warning {
  return a === null || SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a;
}

function numeric(value: string | number | null): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return null;
}

/**
 * Whether a lower-severity observation is far enough from the tracked warning's threshold to count
 * towards de-escalation. Non-numeric warnings always count.
 */
function pastMargin(tracked: Warning, observed: Warning, fraction: number): boolean {
  const trackedValue = numeric(tracked.value);
  const threshold = numeric(tracked.threshold);
  const value = numeric(observed.value);
  if (trackedValue === null || threshold === null || value === null) return true;
  const higherIsWorse = trackedValue >= threshold;
  return higherIsWorse ? value <= threshold * (1 - fraction) : value >= threshold * (1 + fraction);
}

/** One entry per id; the most severe wins, the first of equals. Sorted by id for a stable output. */
function byId(warnings: readonly Warning[]): Warning[] {
  const map = new Map<string, Warning>();
  for (const warning of warnings) {
    const seen = map.get(warning.id);
    if (seen === undefined || SEVERITY_RANK[warning.severity] > SEVERITY_RANK[seen.severity]) map.set(warning.id, warning);
  }
  return [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function plainWarning(warning: Warning): Warning {
  // The state must stay plain JSON: copy only the fields of `Warning`.
  const { id, kind, severity, title, subject, value, threshold, explanation, action, message } = warning;
  const plain = { id, kind, severity, title, subject, value, threshold, explanation, action };
  return message === undefined ? plain : { ...plain, message: { key: message.key, params: { ...message.params } } };
}

function single(due: Due, lang: string, words: NotificationWords): Notification {
  const { warning, reason } = due;
  const text = warningTextFor(warning, lang);
  const prefix = reason === 'escalated' ? words.worse : reason === 'resolved' ? words.resolved : '';
  const body = reason === 'resolved' ? text.explanation : `${text.explanation} ${text.action}`;
  return {
    key: `${reason === 'held' ? 'new' : reason}:${warning.id}`,
    severity: reason === 'resolved' ? 'info' : warning.severity,
    title: toPlainText(`${prefix}${text.title}`, TITLE_MAX),
    body: toPlainText(body, BODY_MAX),
    warningIds: [warning.id],
    grouped: false,
  };
}

function summary(dues: readonly Due[], now: bigint, lang: string, words: NotificationWords): Notification {
  const open = dues.filter((due) => due.reason !== 'resolved');
  const worst = open.reduce<Severity>((acc, due) => (SEVERITY_RANK[due.warning.severity] > SEVERITY_RANK[acc] ? due.warning.severity : acc), 'info');
  const critical = open.filter((due) => due.warning.severity === 'critical').length;
  const resolved = dues.length - open.length;
  const parts = [words.needAttention(open.length)];
  if (critical > 0) parts.push(words.critical(critical));
  if (resolved > 0) parts.push(words.resolvedCount(resolved));
  const lines = dues.slice(0, SUMMARY_LINES).map((due) => {
    const tag = due.reason === 'resolved' ? 'resolved' : due.warning.severity;
    return `[${words.tag(tag)}] ${toPlainText(warningTextFor(due.warning, lang).title, 80)}`;
  });
  if (dues.length > SUMMARY_LINES) lines.push(words.more(dues.length - SUMMARY_LINES));
  return {
    key: `summary:${now}`,
    severity: worst,
    title: toPlainText(parts.join(words.separator), TITLE_MAX),
    // Lines are already plain; only the length is cut here (newlines separate them).
    body: lines.join('\n').slice(0, SUMMARY_LINES * 90 + 40),
    warningIds: dues.map((due) => due.warning.id),
    grouped: true,
  };
}

/**
 * Compares the new report's warnings with the notifier's memory; see the module comment for every
 * rule (hysteresis, cooldown, minimum severity, mute, quiet hours, grouping).
 *
 * @param prev - The state returned by the previous call (or `emptyNotifyState`), e.g. read back from the store.
 * @param warnings - The new report's warnings (duplicates by id keep the most severe).
 * @param ctx - `now` (unix seconds), the notification settings, the thresholds (for the hysteresis margin) and the local time of day.
 * @returns The events of this refresh, the notifications to show now, and the state to persist.
 */
export function diffReports(prev: NotifyState, warnings: readonly Warning[], ctx: DiffContext): DiffResult {
  const { settings, now } = ctx;
  const needed = settings.hysteresisRefreshes;
  const fraction = ctx.thresholds.hysteresisFraction;
  const nowText = now.toString();

  const events: NotifyEvent[] = [];
  const active: Record<string, ActiveWarning> = {};
  const candidates: Due[] = [];
  const incoming = byId(warnings).map(plainWarning);
  const seen = new Set<string>();

  for (const warning of incoming) {
    seen.add(warning.id);
    const entry = prev.active[warning.id];
    if (entry === undefined) {
      events.push({ type: 'new', warning, previousSeverity: null });
      candidates.push({ reason: 'new', warning });
      active[warning.id] = { warning, since: nowText, streak: 0, pending: null };
      continue;
    }
    const tracked = entry.warning;
    if (SEVERITY_RANK[warning.severity] > SEVERITY_RANK[tracked.severity]) {
      events.push({ type: 'escalated', warning, previousSeverity: tracked.severity });
      candidates.push({ reason: 'escalated', warning });
      active[warning.id] = { warning, since: entry.since, streak: 0, pending: null };
    } else if (SEVERITY_RANK[warning.severity] === SEVERITY_RANK[tracked.severity]) {
      active[warning.id] = { warning, since: entry.since, streak: 0, pending: null };
    } else if (!pastMargin(tracked, warning, fraction)) {
      active[warning.id] = { warning: tracked, since: entry.since, streak: 0, pending: null };
    } else {
      const pending = worse(entry.pending, warning);
      const streak = entry.streak + 1;
      if (streak >= needed) {
        events.push({ type: 'de-escalated', warning: pending, previousSeverity: tracked.severity });
        active[warning.id] = { warning: pending, since: entry.since, streak: 0, pending: null };
      } else {
        active[warning.id] = { warning: tracked, since: entry.since, streak, pending };
      }
    }
  }

  const missing = Object.keys(prev.active).filter((id) => !seen.has(id)).sort();
  for (const id of missing) {
    const entry = prev.active[id];
    if (entry === undefined) continue;
    const streak = entry.streak + 1;
    if (streak < needed) {
      active[id] = { ...entry, streak };
    } else if (entry.pending !== null) {
      events.push({ type: 'de-escalated', warning: entry.pending, previousSeverity: entry.warning.severity });
      active[id] = { warning: entry.pending, since: entry.since, streak: 0, pending: null };
    } else {
      events.push({ type: 'resolved', warning: entry.warning, previousSeverity: entry.warning.severity });
      candidates.push({ reason: 'resolved', warning: entry.warning });
    }
  }

  // Notifications: filters, cooldown, quiet hours.
  const notified = { ...prev.notified };
  const quiet = isQuietTime(settings.quietHours, ctx.localMinutesOfDay);
  const muted = new Set(settings.mutedKinds);
  const minimum = SEVERITY_RANK[settings.minimumSeverity];
  const cooldown = BigInt(settings.cooldownSeconds);
  const held = new Set<string>();
  const due: Due[] = [];

  const passes = (warning: Warning): boolean => !muted.has(warning.kind) && SEVERITY_RANK[warning.severity] >= minimum;
  const cooledDown = (warning: Warning): boolean => {
    const last = notified[warning.id];
    if (last === undefined || now - BigInt(last.at) >= cooldown) return true;
    return SEVERITY_RANK[warning.severity] > SEVERITY_RANK[last.severity];
  };
  const bypassesQuiet = (warning: Warning): boolean => settings.criticalBypassesQuietHours && warning.severity === 'critical';

  if (settings.enabled) {
    const releasable = quiet ? [] : prev.held.filter((id) => active[id] !== undefined);
    const heldCandidates: Due[] = releasable.flatMap((id) => {
      const entry = active[id];
      return entry === undefined || candidates.some((c) => c.warning.id === id) ? [] : [{ reason: 'held' as const, warning: entry.warning }];
    });
    for (const candidate of [...candidates, ...heldCandidates]) {
      const { warning, reason } = candidate;
      if (!passes(warning)) continue;
      if (reason === 'resolved') {
        if (settings.notifyOnResolve && !quiet) due.push(candidate);
        continue;
      }
      if (!cooledDown(warning)) continue;
      if (quiet && !bypassesQuiet(warning)) {
        held.add(warning.id);
        continue;
      }
      due.push(candidate);
    }
    if (quiet) {
      for (const id of prev.held) if (active[id] !== undefined && !due.some((d) => d.warning.id === id)) held.add(id);
    }
  }

  for (const { reason, warning } of due) {
    if (reason !== 'resolved') notified[warning.id] = { at: nowText, severity: warning.severity };
  }
  for (const [id, last] of Object.entries(notified)) {
    if (now - BigInt(last.at) >= cooldown) delete notified[id];
  }

  due.sort((a, b) => {
    const aRank = a.reason === 'resolved' ? -1 : SEVERITY_RANK[a.warning.severity];
    const bRank = b.reason === 'resolved' ? -1 : SEVERITY_RANK[b.warning.severity];
    if (aRank !== bRank) return bRank - aRank;
    return a.warning.id < b.warning.id ? -1 : a.warning.id > b.warning.id ? 1 : 0;
  });
  const lang = ctx.language ?? 'en';
  const words = notificationWords(lang);
  const notifications = due.length > settings.groupThreshold ? [summary(due, now, lang, words)] : due.map((d) => single(d, lang, words));

  return {
    events,
    notifications,
    state: { version: 1, active, notified, held: [...held].sort() },
  };
}
