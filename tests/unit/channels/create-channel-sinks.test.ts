import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/notify/diff-reports';
import { webhookConfigSchema } from '../../../shared/settings/settings';
import { createChannelSinks, type CreateChannelSinksInput } from '../../../node/channels/create-channel-sinks';
import type { MonitorLog, NotificationSink } from '../../../node/monitor/create-monitor';

const TOKEN = 'tok-7a6b5c4d3e2f';
const SECRET = 'hmac-0f1e2d3c4b5a';

function logger(): { log: MonitorLog; text: () => string } {
  const lines: string[] = [];
  const write = (...parts: unknown[]): void => { lines.push(parts.map(String).join(' ')); };
  return { log: { info: write, warn: write, error: write }, text: () => lines.join('\n') };
}

function desktop(): { sink: NotificationSink; shown: Notification[]; create: NonNullable<CreateChannelSinksInput['createDesktop']> } {
  const shown: Notification[] = [];
  const sink: NotificationSink = { name: 'desktop', notify: (n) => { shown.push(n); } };
  return { sink, shown, create: () => Promise.resolve(sink) };
}

const noBus: NonNullable<CreateChannelSinksInput['createDesktop']> = () => Promise.reject(new Error('DBUS_SESSION_BUS_ADDRESS is not set'));
const hook = webhookConfigSchema.parse({ url: `https://hooks.example/${TOKEN}`, format: 'discord', secret: SECRET });

describe('createChannelSinks', () => {
  it('--notify desktop,webhook: both channels', async () => {
    const { log } = logger();
    const d = desktop();
    const result = await createChannelSinks({ notify: ['desktop', 'webhook'], webhooks: [hook], env: {}, log, createDesktop: d.create });
    expect(result.ok && result.sinks.map((s) => s.name)).toEqual(['webhook', 'desktop']);
    if (result.ok) await result.close();
  });

  it('the environment adds one webhook with its format and secret', async () => {
    const { log, text } = logger();
    const result = await createChannelSinks({
      notify: ['webhook'], webhooks: [], log,
      env: { MATRYOSHKA_WEBHOOK_URL: `https://ntfy.example/${TOKEN}`, MATRYOSHKA_WEBHOOK_FORMAT: 'ntfy', MATRYOSHKA_WEBHOOK_SECRET: SECRET },
    });
    expect(result.ok && result.sinks.map((s) => s.name)).toEqual(['webhook']);
    expect(text()).toContain('webhook (ntfy) to https://ntfy.example/…, signed');
    expect(text()).not.toContain(TOKEN);
    expect(text()).not.toContain(SECRET);
    if (result.ok) await result.close();
  });

  it('without --notify: the webhooks configured and the desktop when enabled; a missing bus is only a warning then', async () => {
    const { log, text } = logger();
    const result = await createChannelSinks({ notify: [], webhooks: [hook, { ...hook, url: 'https://other.example/x', secret: null }], env: {}, log, createDesktop: noBus });
    expect(result.ok && result.sinks.map((s) => s.name)).toEqual(['webhook 1', 'webhook 2']);
    expect(text()).toContain('no desktop notifications (DBUS_SESSION_BUS_ADDRESS is not set)');
    if (result.ok) await result.close();
    const off = await createChannelSinks({ notify: [], webhooks: [], desktopEnabled: false, env: {}, log, createDesktop: desktop().create });
    expect(off.ok && off.sinks).toEqual([]);
  });

  it('--notify none: no channel at all', async () => {
    const { log } = logger();
    const result = await createChannelSinks({ notify: ['none'], webhooks: [hook], env: {}, log, createDesktop: desktop().create });
    expect(result.ok && result.sinks).toEqual([]);
  });

  it.each([
    ['an unknown channel', { notify: ['email'] }, /unknown notification channel "email" \(known: desktop, webhook, none\)/],
    ['a webhook asked but none configured', { notify: ['webhook'] }, /--notify webhook needs a webhook: set MATRYOSHKA_WEBHOOK_URL/],
    ['the desktop asked but no bus', { notify: ['desktop'], createDesktop: noBus }, /desktop notification channel is not available: DBUS_SESSION_BUS_ADDRESS is not set/],
    ['a bad format in the environment', { notify: ['webhook'], env: { MATRYOSHKA_WEBHOOK_URL: `https://a.example/${TOKEN}`, MATRYOSHKA_WEBHOOK_FORMAT: 'teams' } }, /MATRYOSHKA_WEBHOOK_FORMAT must be one of json, ntfy, discord, slack/],
    ['a bad URL in the environment', { notify: ['webhook'], env: { MATRYOSHKA_WEBHOOK_URL: `javascript:${TOKEN}` } }, /MATRYOSHKA_WEBHOOK_URL is not an http\(s\) URL/],
    ['a secret without a URL', { notify: [], env: { MATRYOSHKA_WEBHOOK_SECRET: SECRET } }, /MATRYOSHKA_WEBHOOK_SECRET is set but MATRYOSHKA_WEBHOOK_URL is not/],
    ['"none" with another channel', { notify: ['none', 'desktop'] }, /"none" cannot be combined/],
  ])('fails clearly for %s, without the secret', async (_name, extra, message) => {
    const { log } = logger();
    const defaults: Omit<CreateChannelSinksInput, 'log'> = { notify: [], webhooks: [], env: {} };
    const result = await createChannelSinks({ ...defaults, log, ...extra });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).not.toContain(TOKEN);
      expect(result.error).not.toContain(SECRET);
    }
  });
});
