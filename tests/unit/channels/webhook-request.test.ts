import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/notify/diff-reports';
import type { Warning } from '../../../shared/report';
import { createEventLookup } from '../../../node/channels/create-event-lookup';
import { redactUrl } from '../../../node/channels/redact-url';
import { DISCORD_CONTENT_MAX, webhookRequest } from '../../../node/channels/webhook-request';

const base: Notification = { key: 'new:a', severity: 'warning', title: 'T', body: 'B', warningIds: ['a'], grouped: false };

function warning(id: string, severity: Warning['severity'] = 'warning'): Warning {
  return { id, kind: id.split(':')[0] ?? id, severity, title: `title ${id}`, subject: id, value: 1, threshold: 0.5, explanation: 'e', action: 'a' };
}

describe('redactUrl', () => {
  it.each([
    ['https://discord.com/api/webhooks/123/SECRET', 'https://discord.com/…'],
    ['https://user:pass@hooks.example:8443/x?token=SECRET#frag', 'https://hooks.example:8443/…'],
    ['http://127.0.0.1:8080/topic', 'http://127.0.0.1:8080/…'],
    ['not a url SECRET', '(an invalid URL)'],
  ])('%s -> %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});

describe('webhookRequest', () => {
  it('discord: any title and body fit in 2000 characters and keep no unescaped markdown from them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 3000 }), (title, body) => {
        const request = webhookRequest({ ...base, title, body }, [], 'discord');
        const content = String((JSON.parse(request.body) as { content: unknown }).content); // our own JSON
        expect(content.length).toBeLessThanOrEqual(DISCORD_CONTENT_MAX);
        // Once escaped pairs are removed, only our own "**" around the title is left of the markdown characters.
        const unescaped = content.replace(/\\./gs, '');
        expect(unescaped).not.toMatch(/[_~`|[\]()<>#]/);
        expect(unescaped.replace(/[^*]/g, '').length).toBeLessThanOrEqual(4);
      }),
      { numRuns: 200 },
    );
  });

  it('slack: no raw < > & from the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (title, body) => {
        const text = String((JSON.parse(webhookRequest({ ...base, title, body }, [], 'slack').body) as { text: unknown }).text); // our own JSON
        expect(text.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[<>&]/);
      }),
    );
  });

  it('ntfy: header values stay printable ASCII whatever the title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (title) => {
        const { headers } = webhookRequest({ ...base, title }, [], 'ntfy');
        for (const value of Object.values(headers)) expect(value).toMatch(/^[\x20-\x7e]*$/);
      }),
    );
  });
});

describe('createEventLookup', () => {
  it('links a notification to the events of the latest update, and a held one to the current warning', () => {
    const lookup = createEventLookup();
    const a = warning('depeg:a', 'critical');
    const b = warning('slash:b');
    lookup.observe({ events: [{ type: 'new', warning: a, previousSeverity: null }, { type: 'de-escalated', warning: b, previousSeverity: 'critical' }], report: { warnings: [a, b] } });
    expect(lookup.eventsFor({ ...base, warningIds: ['depeg:a', 'slash:b', 'gone:c'] })).toEqual([{ type: 'new', warning: a }, { type: 'held', warning: b }]);
    lookup.observe({ events: [{ type: 'resolved', warning: a, previousSeverity: 'critical' }], report: { warnings: [] } });
    expect(lookup.eventsFor({ ...base, warningIds: ['depeg:a'] })).toEqual([{ type: 'resolved', warning: a }]);
  });
});
