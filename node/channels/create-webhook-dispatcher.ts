/**
 * The webhooks of a long-running face whose settings can change while it runs (the desktop app,
 * the web host):
 * one sink that reads the configured webhooks at each notification and hands it to a webhook sink
 * per configuration (./webhook.ts), creating sinks for new webhooks and closing those removed.
 */
import type { Notification } from '../../shared/notify/diff-reports';
import type { WebhookConfig } from '../../shared/settings/settings';
import type { MonitorLog, NotificationSink } from '../monitor/create-monitor';
import { createEventLookup, type EventLookup } from './create-event-lookup';
import { createWebhookSink, type WebhookSink } from './webhook';

export interface WebhookDispatcherOptions {
  /** The webhooks configured now (read at each notification). */
  readonly webhooks: () => readonly WebhookConfig[];
  readonly log: MonitorLog;
}

export interface WebhookDispatcher extends NotificationSink {
  /** Give it every monitor update (`monitor.onUpdate(dispatcher.observe)`), for the `json` format's events. */
  readonly observe: EventLookup['observe'];
  /** Lets queued notifications go out (a few seconds at most), then closes every webhook. Never rejects. */
  close(): Promise<void>;
}

function identity(webhook: WebhookConfig): string {
  return JSON.stringify([webhook.url, webhook.format, webhook.secret, webhook.minimumSeverity]);
}

/** Creates the dispatcher; it sends nothing until a webhook is configured. */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { log } = options;
  const lookup = createEventLookup();
  const sinks = new Map<string, WebhookSink>();
  let closed = false;

  const current = (): WebhookSink[] => {
    let configured: readonly WebhookConfig[] = [];
    try {
      configured = options.webhooks();
    } catch (error) {
      log.error('webhooks: could not read the settings', error);
    }
    const wanted = new Map(configured.map((webhook) => [identity(webhook), webhook]));
    for (const [key, sink] of sinks) {
      if (wanted.has(key)) continue;
      sinks.delete(key);
      void sink.close();
    }
    let index = 0;
    for (const [key, webhook] of wanted) {
      index += 1;
      if (sinks.has(key)) continue;
      sinks.set(key, createWebhookSink({
        url: webhook.url, format: webhook.format, secret: webhook.secret, minimumSeverity: webhook.minimumSeverity,
        name: `webhook ${index}`, log, eventsFor: (notification: Notification) => lookup.eventsFor(notification),
      }));
    }
    return [...sinks.values()];
  };

  return {
    name: 'webhooks',
    observe: (update) => lookup.observe(update),
    notify(notification) {
      if (closed) return;
      for (const sink of current()) sink.notify(notification);
    },
    async close() {
      closed = true;
      await Promise.all([...sinks.values()].map((sink) => sink.close()));
      sinks.clear();
    },
  };
}
