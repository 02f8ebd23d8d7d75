import type { Notification, NotifyEventType } from '../../shared/notify/diff-reports';
import type { RiskReport, Warning } from '../../shared/report';
import type { MonitorUpdate } from '../monitor/create-monitor';

/** A notification's event as the `json` webhook format carries it. */
export interface NotificationEvent {
  /** `held`: announced now, after quiet hours held it back; the change itself came at an earlier refresh. */
  readonly type: NotifyEventType | 'held';
  readonly warning: Warning;
}

export interface EventLookup {
  /** Give it every monitor update (`monitor.onUpdate(lookup.observe)`). */
  observe(update: Pick<MonitorUpdate, 'events'> & { readonly report: Pick<RiskReport, 'warnings'> }): void;
  /** The events of the latest update that `notification` is about, in the notification's order. */
  eventsFor(notification: Notification): readonly NotificationEvent[];
}

/**
 * Links a notification (which names only warning ids) to the events and warnings of the refresh
 * that produced it. The monitor calls the sinks and then its update listeners in the same turn, so
 * a sink that formats its message later in the event loop (the webhook does) finds them here.
 */
export function createEventLookup(): EventLookup {
  let events: MonitorUpdate['events'] = [];
  let warnings: readonly Warning[] = [];
  return {
    observe(update) {
      events = update.events;
      warnings = update.report.warnings;
    },
    eventsFor(notification) {
      const out: NotificationEvent[] = [];
      for (const id of notification.warningIds) {
        const event = events.find((candidate) => candidate.warning.id === id && candidate.type !== 'de-escalated');
        if (event !== undefined) {
          out.push({ type: event.type, warning: event.warning });
          continue;
        }
        const warning = warnings.find((candidate) => candidate.id === id);
        if (warning !== undefined) out.push({ type: 'held', warning });
      }
      return out;
    },
  };
}
