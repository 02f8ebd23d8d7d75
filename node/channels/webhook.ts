/**
 * The webhook channel: one POST per notification, delivered in the background from a bounded
 * queue so the monitor never waits for a slow or dead receiver. Each attempt has a timeout;
 * network errors, timeouts, 5xx, 408 and 429 are retried with exponential backoff (a 429/503
 * `Retry-After` is honoured up to the backoff cap); other 4xx and redirects are not retried (they
 * will not get better). With a secret, each attempt carries `X-Matryoshka-Timestamp` and
 * `X-Matryoshka-Signature` (./sign-webhook.ts). The URL (which often carries a token) and the
 * secret never appear in a log line: only `scheme://host/…` does.
 */
import type { Notification } from '../../shared/notify/diff-reports';
import { SEVERITY_RANK, type Severity } from '../../shared/report';
import type { WebhookFormat } from '../../shared/settings/settings';
import type { MonitorLog, NotificationSink } from '../monitor/create-monitor';
import type { NotificationEvent } from './create-event-lookup';
import { redactUrl } from './redact-url';
import { signWebhook } from './sign-webhook';
import { webhookRequest } from './webhook-request';

export interface WebhookSinkOptions {
  readonly url: string;
  /** Default `json`. */
  readonly format?: WebhookFormat;
  /** HMAC-SHA256 key; null or absent: unsigned. */
  readonly secret?: string | null;
  /** Notifications less severe than this are not sent here; null or absent: all. */
  readonly minimumSeverity?: Severity | null;
  readonly log: MonitorLog;
  /** The sink's name in logs; default `webhook`. */
  readonly name?: string;
  /** The events a notification is about, for the `json` format (./create-event-lookup.ts). */
  readonly eventsFor?: (notification: Notification) => readonly NotificationEvent[];
  /** Per attempt, milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
  /** Attempts after the first. Default 4. */
  readonly retries?: number;
  /** First backoff delay, doubled after each failed attempt. Default 2 000 ms. */
  readonly backoffMs?: number;
  /** Longest single wait between attempts. Default 60 000 ms. */
  readonly maxBackoffMs?: number;
  /** Notifications waiting to be sent; past it the oldest is dropped (and logged). Default 100. */
  readonly queueLimit?: number;
}

export interface WebhookSink extends NotificationSink {
  /** Resolves when the queue is empty and nothing is being sent (for tests and shutdown). */
  idle(): Promise<void>;
  /**
   * Stops taking notifications, gives the queue up to `graceMs` (default 5 000) to drain, then
   * abandons what is left (logged). Never rejects.
   */
  close(graceMs?: number): Promise<void>;
}


type Outcome = { readonly kind: 'sent' } | { readonly kind: 'retry'; readonly reason: string; readonly waitMs: number | null } | { readonly kind: 'fail'; readonly reason: string };

function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** Creates a webhook sink. `notify` only queues: it never throws, rejects or waits. */
export function createWebhookSink(options: WebhookSinkOptions): WebhookSink {
  const format = options.format ?? 'json';
  const secret = options.secret === undefined || options.secret === '' ? null : options.secret;
  const name = options.name ?? 'webhook';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 2000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const queueLimit = Math.max(1, options.queueLimit ?? 100);
  const { log } = options;
  const where = redactUrl(options.url);
  // fetch refuses URLs with user info: credentials in the URL travel as an Authorization header
  // (`https://user:pass@…` as Basic, `https://:token@…` as Bearer, e.g. an ntfy access token).
  const target = ((): { url: string; authorization: string | null } => {
    try {
      const parsed = new URL(options.url);
      if (parsed.username === '' && parsed.password === '') return { url: options.url, authorization: null };
      const user = decodeURIComponent(parsed.username);
      const password = decodeURIComponent(parsed.password);
      parsed.username = '';
      parsed.password = '';
      const authorization = user === '' ? `Bearer ${password}` : `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
      return { url: parsed.href, authorization };
    } catch {
      return { url: options.url, authorization: null };
    }
  })();
  const label = `${name} ${where}`;

  // Everything that could carry a secret, longest first, replaced in error text before it is logged.
  const hidden: string[] = [options.url];
  try {
    const parsed = new URL(options.url);
    hidden.push(parsed.href, `${parsed.pathname}${parsed.search}`, parsed.search, parsed.password, parsed.username, ...parsed.pathname.split('/'));
    hidden.push(decodeURIComponent(parsed.password), decodeURIComponent(parsed.username));
  } catch {
    // An invalid URL fails at the first attempt; only its redacted form is ever shown.
  }
  if (secret !== null) hidden.push(secret);
  const secrets = [...new Set(hidden.filter((part) => part.length >= 4))].sort((a, b) => b.length - a.length);
  const scrub = (text: string): string => secrets.reduce((out, part) => out.split(part).join('…'), text);
  const describe = (error: unknown): string => {
    const parts: string[] = [];
    let current: unknown = error;
    for (let depth = 0; depth < 3 && current !== undefined && current !== null; depth += 1) {
      if (current instanceof Error) {
        const code = (current as { code?: unknown }).code; // Node's system errors carry a code
        parts.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
        current = current.cause;
      } else {
        parts.push(String(current));
        break;
      }
    }
    return scrub(parts.join(': ')).slice(0, 300);
  };

  const queue: Notification[] = [];
  const idleWaiters: (() => void)[] = [];
  const stopper = new AbortController();
  let closed = false;
  let busy = false;
  let scheduled = false;

  const settleIdle = (): void => {
    if (busy || scheduled || queue.length > 0) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (stopper.signal.aborted) return resolve();
      const timer = setTimeout(() => {
        stopper.signal.removeEventListener('abort', done);
        resolve();
      }, ms);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      stopper.signal.addEventListener('abort', done, { once: true });
    });

  async function attempt(notification: Notification): Promise<Outcome> {
    const request = webhookRequest(notification, options.eventsFor?.(notification) ?? [], format);
    const headers: Record<string, string> = { ...request.headers, 'user-agent': 'Matryoshka' };
    if (target.authorization !== null) headers['authorization'] = target.authorization;
    if (secret !== null) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      headers['x-matryoshka-timestamp'] = timestamp;
      headers['x-matryoshka-signature'] = signWebhook(secret, timestamp, request.body);
    }
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers,
        body: request.body,
        // A redirect could carry a signed payload to another host: refused.
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopper.signal]),
      });
      // The answer's body is not needed; do not let it hold the connection.
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      if (status >= 200 && status < 300) return { kind: 'sent' };
      if (status === 408 || status === 429 || status >= 500) {
        return { kind: 'retry', reason: `HTTP ${status}`, waitMs: status === 429 || status === 503 ? retryAfterMs(response.headers.get('retry-after')) : null };
      }
      return { kind: 'fail', reason: status >= 300 && status < 400 ? `HTTP ${status} (a redirect; not followed)` : `HTTP ${status}` };
    } catch (error) {
      if (stopper.signal.aborted) return { kind: 'fail', reason: 'abandoned at shutdown' };
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { kind: 'retry', reason: timedOut ? `no answer within ${timeoutMs} ms` : describe(error), waitMs: null };
    }
  }

  async function deliver(notification: Notification): Promise<void> {
    for (let index = 0; index <= retries; index += 1) {
      const outcome = await attempt(notification);
      if (outcome.kind === 'sent') {
        if (index > 0) log.info(`${label}: delivered on attempt ${index + 1}`);
        return;
      }
      if (outcome.kind === 'fail') {
        log.error(`${label}: ${outcome.reason}; not retried (notification "${notification.key.slice(0, 80)}" dropped)`);
        return;
      }
      if (index === retries || stopper.signal.aborted) {
        log.error(`${label}: ${outcome.reason}; gave up after ${index + 1} attempts (notification "${notification.key.slice(0, 80)}" dropped)`);
        return;
      }
      const backoff = Math.min(maxBackoffMs, backoffMs * 2 ** index);
      const delay = Math.min(maxBackoffMs, Math.max(backoff, outcome.waitMs ?? 0));
      log.warn(`${label}: ${outcome.reason} (attempt ${index + 1} of ${retries + 1}); retrying in ${Math.round(delay / 100) / 10} s`);
      await wait(delay);
    }
  }

  async function pump(): Promise<void> {
    scheduled = false;
    if (busy) return;
    busy = true;
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        if (stopper.signal.aborted) break;
        try {
          await deliver(next);
        } catch (error) {
          log.error(`${label}: delivery failed: ${describe(error)}`);
        }
      }
    } finally {
      busy = false;
      settleIdle();
    }
  }

  return {
    name,
    notify(notification) {
      try {
        if (closed) return;
        if (options.minimumSeverity !== undefined && options.minimumSeverity !== null && SEVERITY_RANK[notification.severity] < SEVERITY_RANK[options.minimumSeverity]) return;
        queue.push(notification);
        if (queue.length > queueLimit) {
          const dropped = queue.shift();
          log.warn(`${label}: more than ${queueLimit} notifications waiting; dropped the oldest ("${dropped?.key.slice(0, 80) ?? ''}")`);
        }
        if (!busy && !scheduled) {
          scheduled = true;
          // Formatting waits for the next turn: the monitor's update listeners (./create-event-lookup.ts) run first.
          setImmediate(() => void pump());
        }
      } catch (error) {
        log.error(`${label}: could not queue a notification: ${describe(error)}`);
      }
    },
    idle() {
      if (!busy && !scheduled && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close(graceMs = 5000) {
      closed = true;
      if (busy || scheduled || queue.length > 0) {
        let timer: NodeJS.Timeout | undefined;
        const drained = new Promise<void>((resolve) => idleWaiters.push(resolve));
        await Promise.race([drained, new Promise<void>((resolve) => { timer = setTimeout(resolve, graceMs); })]);
        clearTimeout(timer);
      }
      if (busy || queue.length > 0) {
        const left = queue.length + (busy ? 1 : 0);
        queue.length = 0;
        stopper.abort();
        log.warn(`${label}: closed with ${left} notification${left === 1 ? '' : 's'} not delivered`);
        await new Promise<void>((resolve) => (busy ? idleWaiters.push(resolve) : resolve()));
      }
      stopper.abort();
    },
  };
}
