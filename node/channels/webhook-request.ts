/**
 * The request each webhook format sends for one notification: our own JSON (schemas/
 * webhook-notification.schema.json), ntfy (a text body with Title/Priority/Tags headers), Discord
 * and Slack incoming webhooks. Text is already plain (shared/notify/to-plain-text.ts); here it is
 * also made inert for each receiver's markup: Discord markdown and mentions, Slack's `<…>` links
 * and `@channel` pings, and non-ASCII header values (ntfy reads RFC 2047 encoded words).
 */
import type { Notification } from '../../shared/notify/diff-reports';
import { toPlainText, escapeAngleMarkup } from '../../shared/notify/to-plain-text';
import type { Severity } from '../../shared/report';
import type { WebhookFormat } from '../../shared/settings/settings';
import type { NotificationEvent } from './create-event-lookup';

export interface WebhookRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The `version` of the `json` format's payload; bumped on an incompatible change. */
const WEBHOOK_JSON_VERSION = 1;

/** Discord refuses a message whose `content` is longer than this. */
export const DISCORD_CONTENT_MAX = 2000;
const SLACK_TEXT_MAX = 3000;

/** ntfy priorities: 3 default, 4 high, 5 max (https://docs.ntfy.sh/publish/#message-priority). */
const NTFY_PRIORITY: Readonly<Record<Severity, string>> = { info: '3', warning: '4', critical: '5' };
/** ntfy tags that match an emoji short code are shown as that emoji. */
const NTFY_TAG: Readonly<Record<Severity, string>> = { info: 'information_source', warning: 'warning', critical: 'rotating_light' };
const MARK: Readonly<Record<Severity, string>> = { info: 'ℹ️', warning: '⚠️', critical: '🚨' };

function jsonBody(notification: Notification, events: readonly NotificationEvent[]): string {
  return JSON.stringify({
    version: WEBHOOK_JSON_VERSION,
    source: 'matryoshka',
    type: 'notification',
    key: notification.key,
    severity: notification.severity,
    title: notification.title,
    body: notification.body,
    grouped: notification.grouped,
    warningIds: notification.warningIds,
    events: events.map(({ type, warning }) => ({
      type,
      warning: {
        id: warning.id,
        kind: warning.kind,
        severity: warning.severity,
        title: toPlainText(warning.title, 300),
        subject: toPlainText(warning.subject, 300),
        value: warning.value,
        threshold: warning.threshold,
      },
    })),
  });
}

/** A header value: ASCII as it is, anything else as an RFC 2047 encoded word (fetch refuses non-Latin-1 headers). */
function headerText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** Escapes Discord markdown, so a token name cannot format, hide or link text. */
function discordInert(text: string): string {
  return text.replace(/[\\*_~`|>#[\]()<]/g, (ch) => `\\${ch}`);
}

/** Cuts to at most `max` UTF-16 units (what Discord and Slack count), never inside a surrogate pair or an escape. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  // Do not leave a lone escaping backslash at the end (it would escape the ellipsis).
  let out = text.slice(0, end);
  const trailing = /\\+$/.exec(out)?.[0].length ?? 0;
  if (trailing % 2 === 1) out = out.slice(0, -1);
  return `${out}…`;
}

/** The body and headers `format` sends for `notification` (`events`: what it is about, for `json`). */
export function webhookRequest(notification: Notification, events: readonly NotificationEvent[], format: WebhookFormat): WebhookRequest {
  const { severity } = notification;
  switch (format) {
    case 'json':
      return { headers: { 'content-type': 'application/json' }, body: jsonBody(notification, events) };
    case 'ntfy':
      return {
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          title: headerText(notification.title),
          priority: NTFY_PRIORITY[severity],
          tags: `${NTFY_TAG[severity]},matryoshka`,
        },
        body: notification.body === '' ? notification.title : notification.body,
      };
    case 'discord': {
      const head = `${MARK[severity]} **${discordInert(notification.title)}**`;
      const content = cut(`${head}\n${discordInert(notification.body)}`, DISCORD_CONTENT_MAX);
      // No mention of anyone, whatever the text holds.
      return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'Matryoshka', content, allowed_mentions: { parse: [] } }) };
    }
    case 'slack': {
      const text = cut(`${MARK[severity]} *${escapeAngleMarkup(notification.title)}*\n${escapeAngleMarkup(notification.body)}`, SLACK_TEXT_MAX);
      return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) };
    }
  }
}
