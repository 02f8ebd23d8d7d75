import { createHmac } from 'node:crypto';

/**
 * The `X-Matryoshka-Signature` value: `sha256=` and the hex HMAC-SHA256, keyed with the webhook's
 * secret, of `<timestamp>.<body>`: the `X-Matryoshka-Timestamp` header (unix seconds), a dot, and
 * the exact request body bytes. Signing the timestamp lets a receiver refuse replays of an old
 * request (docs/alerts.md has the receiver's side).
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body, 'utf8').digest('hex')}`;
}
