/**
 * The notification channels of a headless face (`matryoshka watch`): which ones run, from
 * `--notify`, the settings and config file, and the MATRYOSHKA_WEBHOOK_* environment variables
 * (docs/alerts.md). Every error names the problem, never a webhook URL or secret.
 */
import type { Notification } from '../../shared/notify/diff-reports';
import { WEBHOOK_FORMATS, webhookConfigSchema, type WebhookConfig } from '../../shared/settings/settings';
import type { MonitorLog, NotificationSink } from '../monitor/create-monitor';
import { createEventLookup, type EventLookup } from './create-event-lookup';
import { redactUrl } from './redact-url';
import { createWebhookSink, type WebhookSink } from './webhook';

/** Channel names `--notify` accepts. `none`: no channel (output only). */
const CHANNEL_NAMES = ['desktop', 'webhook', 'none'] as const;

export interface CreateChannelSinksInput {
  /** Channel names from --notify; empty: the channels enabled in the settings and config. */
  readonly notify: readonly string[];
  /** Webhooks from the config file and the settings. */
  readonly webhooks: readonly WebhookConfig[];
  /** The settings' (or config's) `channels.desktop.enabled`; default true. Only read when `notify` is empty. */
  readonly desktopEnabled?: boolean;
  /** MATRYOSHKA_WEBHOOK_URL, MATRYOSHKA_WEBHOOK_FORMAT and MATRYOSHKA_WEBHOOK_SECRET add one webhook. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: MonitorLog;
  /**
   * Builds the desktop channel; default the freedesktop service over D-Bus (./desktop-dbus.ts) on
   * the bus at `env.DBUS_SESSION_BUS_ADDRESS`, loaded only when used.
   */
  readonly createDesktop?: (log: MonitorLog) => Promise<NotificationSink>;
}

export type CreateChannelSinksResult =
  | {
      readonly ok: true;
      readonly sinks: NotificationSink[];
      /** Give it every monitor update (`monitor.onUpdate(channels.observe)`): the `json` webhook lists the events it is about. */
      readonly observe: EventLookup['observe'];
      /** Lets queued notifications go out (a few seconds at most), then closes every channel. Never rejects. */
      close(): Promise<void>;
    }
  | { readonly ok: false; readonly error: string };

interface Closable {
  close(graceMs?: number): Promise<void>;
}

function hasClose(sink: NotificationSink): sink is NotificationSink & Closable {
  return typeof (sink as Partial<Closable>).close === 'function';
}

function envWebhook(env: CreateChannelSinksInput['env']): { ok: true; webhook: WebhookConfig | null } | { ok: false; error: string } {
  const url = env['MATRYOSHKA_WEBHOOK_URL']?.trim() ?? '';
  if (url === '') {
    if ((env['MATRYOSHKA_WEBHOOK_SECRET'] ?? '') !== '' || (env['MATRYOSHKA_WEBHOOK_FORMAT'] ?? '') !== '') {
      return { ok: false, error: 'MATRYOSHKA_WEBHOOK_FORMAT or MATRYOSHKA_WEBHOOK_SECRET is set but MATRYOSHKA_WEBHOOK_URL is not' };
    }
    return { ok: true, webhook: null };
  }
  const format = env['MATRYOSHKA_WEBHOOK_FORMAT']?.trim() || 'json';
  if (!WEBHOOK_FORMATS.some((known) => known === format)) {
    return { ok: false, error: `MATRYOSHKA_WEBHOOK_FORMAT must be one of ${WEBHOOK_FORMATS.join(', ')}` };
  }
  const secret = env['MATRYOSHKA_WEBHOOK_SECRET'] ?? '';
  const parsed = webhookConfigSchema.safeParse({ url, format, secret: secret === '' ? null : secret });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return {
      ok: false,
      error: field === 'secret' ? 'MATRYOSHKA_WEBHOOK_SECRET is too long (at most 1024 characters)' : 'MATRYOSHKA_WEBHOOK_URL is not an http(s) URL',
    };
  }
  return { ok: true, webhook: parsed.data };
}

async function defaultDesktop(log: MonitorLog, env: CreateChannelSinksInput['env']): Promise<NotificationSink> {
  const { createDesktopDbusSink } = await import('./desktop-dbus');
  return createDesktopDbusSink({ log, busAddress: env['DBUS_SESSION_BUS_ADDRESS'] ?? '' });
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Builds the chosen channels' sinks (see CreateChannelSinksInput for where each comes from). */
export async function createChannelSinks(input: CreateChannelSinksInput): Promise<CreateChannelSinksResult> {
  const { log } = input;
  const unknown = input.notify.filter((name) => !CHANNEL_NAMES.some((known) => known === name));
  if (unknown.length > 0) {
    const shown = unknown.map((name) => JSON.stringify(name.replace(/[^\x20-\x7e]/g, '?').slice(0, 40))).join(', ');
    return { ok: false, error: `unknown notification channel ${shown} (known: ${CHANNEL_NAMES.join(', ')})` };
  }
  if (input.notify.includes('none') && input.notify.length > 1) {
    return { ok: false, error: 'the notification channel "none" cannot be combined with others' };
  }

  const fromEnv = envWebhook(input.env);
  if (!fromEnv.ok) return fromEnv;
  const webhooks: WebhookConfig[] = [];
  for (const webhook of [...input.webhooks, ...(fromEnv.webhook === null ? [] : [fromEnv.webhook])]) {
    if (!webhooks.some((seen) => seen.url === webhook.url && seen.format === webhook.format)) webhooks.push(webhook);
  }

  const explicit = input.notify.length > 0;
  const wantWebhooks = explicit ? input.notify.includes('webhook') : webhooks.length > 0;
  const wantDesktop = explicit ? input.notify.includes('desktop') : (input.desktopEnabled ?? true);
  if (wantWebhooks && webhooks.length === 0) {
    return { ok: false, error: '--notify webhook needs a webhook: set MATRYOSHKA_WEBHOOK_URL or list one under "channels.webhooks" in the config file' };
  }

  const lookup = createEventLookup();
  const eventsFor = (notification: Notification): ReturnType<EventLookup['eventsFor']> => lookup.eventsFor(notification);
  const sinks: NotificationSink[] = [];
  if (wantWebhooks) {
    webhooks.forEach((webhook, index) => {
      const sink: WebhookSink = createWebhookSink({
        url: webhook.url,
        format: webhook.format,
        secret: webhook.secret,
        minimumSeverity: webhook.minimumSeverity,
        name: webhooks.length === 1 ? 'webhook' : `webhook ${index + 1}`,
        log,
        eventsFor,
      });
      sinks.push(sink);
      log.info(`notifications: ${sink.name} (${webhook.format}) to ${redactUrl(webhook.url)}${webhook.secret === null ? '' : ', signed'}`);
    });
  }

  const closeAll = async (): Promise<void> => {
    await Promise.all(sinks.map(async (sink) => {
      try {
        if (hasClose(sink)) await sink.close();
      } catch (error) {
        log.warn(`notifications: closing ${sink.name} failed: ${reason(error)}`);
      }
    }));
  };

  if (wantDesktop) {
    try {
      sinks.push(await (input.createDesktop === undefined ? defaultDesktop(log, input.env) : input.createDesktop(log)));
    } catch (error) {
      if (explicit) {
        await closeAll();
        return { ok: false, error: `the desktop notification channel is not available: ${reason(error)}` };
      }
      // Enabled by default but not asked for: a server without a desktop session still runs.
      log.warn(`notifications: no desktop notifications (${reason(error)})`);
    }
  }
  if (sinks.length === 0) log.info('notifications: no channel; events are only printed');
  return { ok: true, sinks, observe: (update) => lookup.observe(update), close: closeAll };
}
