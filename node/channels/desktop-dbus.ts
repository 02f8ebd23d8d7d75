/**
 * The desktop channel on Linux without Electron: the freedesktop notification service
 * (org.freedesktop.Notifications.Notify) on the D-Bus session bus, spoken directly through
 * @homebridge/dbus-native (pure JavaScript): no program is spawned. Text is made inert: control
 * characters, bidi overrides and zero-width marks removed (shared/notify/to-plain-text.ts), and
 * `& < >` escaped in the body when the server says it reads markup there (`body-markup`), so a
 * token named `<a href=…>` shows as those characters. A failed Notify is retried (reconnecting if
 * the bus connection was lost) and logged; the sink never throws or rejects into the monitor.
 */
import { sessionBus, type DbusErrorReply, type DbusMessage, type MessageBus } from '@homebridge/dbus-native';
import type { Notification } from '../../shared/notify/diff-reports';
import { toPlainText, escapeAngleMarkup } from '../../shared/notify/to-plain-text';
import type { Severity } from '../../shared/report';
import type { MonitorLog, NotificationSink } from '../monitor/create-monitor';

/** The freedesktop urgency hint: 0 low, 1 normal, 2 critical. */
const URGENCY: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

const SERVICE = 'org.freedesktop.Notifications';
const OBJECT_PATH = '/org/freedesktop/Notifications';
const SUMMARY_MAX = 200;
const BODY_MAX = 1000;

export interface DesktopDbusOptions {
  readonly log: MonitorLog;
  /** Session bus address; default the DBUS_SESSION_BUS_ADDRESS environment variable. */
  readonly busAddress?: string;
  /** Milliseconds a notification stays; -1 lets the server decide, 0 never expires. Default: critical 0, others -1. */
  readonly expireTimeoutMs?: number;
  /** How long one D-Bus call may take. Default 5 000 ms. */
  readonly callTimeoutMs?: number;
  /** Attempts after the first failed Notify. Default 2. */
  readonly retries?: number;
  /** Wait before the first retry, doubled after each. Default 500 ms. */
  readonly retryDelayMs?: number;
}

export interface DesktopDbusSink extends NotificationSink {
  /** The notification server, as `name version (vendor)`. */
  readonly server: string;
  /** Resolves when every notification given so far was shown or given up. */
  idle(): Promise<void>;
  /** Waits (up to `graceMs`, default 2 000) for what is queued, then leaves the bus. Never rejects. */
  close(graceMs?: number): Promise<void>;
}

interface Connection {
  readonly bus: MessageBus;
  alive: boolean;
  /** Log the loss of this connection (not while it is being opened: that failure is the caller's). */
  announce: boolean;
}

function isErrorReply(value: unknown): value is DbusErrorReply {
  return typeof value === 'object' && value !== null && ('name' in value || 'message' in value);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code; // Node's system errors carry a code
    return typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  if (isErrorReply(error)) return [error.name, error.message].filter((part) => part !== undefined && part !== '').join(': ');
  return String(error);
}

/** Plain text per line (a grouped notification lists one warning a line), cut to `max` overall. */
function plainBody(body: string, max: number): string {
  const text = body.split('\n').map((line) => toPlainText(line, max)).filter((line) => line !== '').join('\n');
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Calls a method with a time limit; the library itself never gives up on a call. */
function call(connection: Connection, message: DbusMessage, timeoutMs: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    if (!connection.alive) return reject(new Error('the session bus connection is closed'));
    const timer = setTimeout(() => {
      if (message.serial !== undefined) delete connection.bus.cookies[message.serial];
      reject(new Error(`no answer from ${message.destination ?? 'the bus'} within ${timeoutMs} ms`));
    }, timeoutMs);
    try {
      connection.bus.invoke(message, (error, ...values) => {
        clearTimeout(timer);
        if (error !== null && error !== undefined) reject(error);
        else resolve(values);
      });
    } catch (error) {
      clearTimeout(timer);
      reject(error);
    }
  });
}

function connect(address: string, log: MonitorLog): Connection {
  const bus = sessionBus({ busAddress: address });
  const connection: Connection = { bus, alive: true, announce: false };
  const lost = (why: string): void => {
    if (!connection.alive) return;
    connection.alive = false;
    if (connection.announce) log.warn(`desktop: the D-Bus session bus connection was lost (${why}); reconnecting at the next notification`);
  };
  // Without an error listener a socket error would be thrown out of the event emitter.
  bus.connection.on('error', (error: unknown) => lost(describe(error)));
  bus.connection.on('end', () => lost('closed by the bus'));
  return connection;
}

function end(connection: Connection): void {
  connection.alive = false;
  try {
    connection.bus.connection.end();
  } catch {
    // Already closed.
  }
}

/**
 * Connects to the session bus and checks that a notification service answers; rejects, with a
 * message saying what is missing, when there is no session bus or no notification service.
 */
export async function createDesktopDbusSink(options: DesktopDbusOptions): Promise<DesktopDbusSink> {
  const { log } = options;
  const address = options.busAddress ?? process.env['DBUS_SESSION_BUS_ADDRESS'] ?? '';
  const callTimeoutMs = options.callTimeoutMs ?? 5000;
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 500;
  if (address.trim() === '') {
    throw new Error('the desktop channel needs a D-Bus session bus, and DBUS_SESSION_BUS_ADDRESS is not set (no desktop session here?)');
  }

  const open = async (): Promise<{ connection: Connection; server: string; markup: boolean }> => {
    let connection: Connection;
    try {
      connection = connect(address, log);
    } catch (error) {
      // The library reaches abstract sockets only through an optional native module, not installed.
      const hint = /(^|;)unix:abstract=/.test(address) ? ' (abstract socket addresses are not supported; a unix:path= bus, as systemd and dbus-user-session provide, is)' : '';
      throw new Error(`the desktop channel could not use the D-Bus session bus address "${address.slice(0, 200)}": ${describe(error)}${hint}`, { cause: error });
    }
    const failed = new Promise<never>((_resolve, reject) => {
      const fail = (why: string, cause?: unknown): void => reject(new Error(`could not connect to the D-Bus session bus at ${address.slice(0, 200)}: ${why}`, { cause }));
      connection.bus.connection.once('error', (error: unknown) => fail(describe(error), error));
      connection.bus.connection.once('end', () => fail('the bus closed the connection'));
    });
    failed.catch(() => undefined);
    try {
      const info = await Promise.race([failed, call(connection, { destination: SERVICE, path: OBJECT_PATH, interface: SERVICE, member: 'GetServerInformation' }, callTimeoutMs)]);
      const caps = await Promise.race([failed, call(connection, { destination: SERVICE, path: OBJECT_PATH, interface: SERVICE, member: 'GetCapabilities' }, callTimeoutMs)]).catch(() => null);
      const [name, vendor, version] = info.map((value) => toPlainText(String(value), 60));
      const capabilities = Array.isArray(caps?.[0]) ? caps[0].map(String) : null;
      // No answer about capabilities: escape, the safe side.
      const markup = capabilities === null || capabilities.includes('body-markup');
      // From here on, losing the connection is logged (and repaired at the next notification).
      connection.announce = true;
      return { connection, server: `${name ?? '?'} ${version ?? '?'} (${vendor ?? '?'})`, markup };
    } catch (error) {
      end(connection);
      const reply = isErrorReply(error) ? error : null;
      if (reply?.name === 'org.freedesktop.DBus.Error.ServiceUnknown' || reply?.name === 'org.freedesktop.DBus.Error.NameHasNoOwner') {
        throw new Error('the D-Bus session bus has no notification service (org.freedesktop.Notifications): is a notification daemon running?', { cause: error });
      }
      if (error instanceof Error && error.message.startsWith('could not connect')) throw error;
      throw new Error(`the desktop notification service did not answer: ${describe(error)}`, { cause: error });
    }
  };

  let current = await open();
  log.info(`desktop: notifications go to ${current.server} on the D-Bus session bus`);
  let closed = false;
  let tail: Promise<void> = Promise.resolve();
  const pauses = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = { timer: setTimeout(() => { pauses.delete(entry); resolve(); }, ms), resolve };
      pauses.add(entry);
    });

  const show = async (notification: Notification): Promise<void> => {
    const summary = toPlainText(notification.title, SUMMARY_MAX);
    const timeout = options.expireTimeoutMs ?? (notification.severity === 'critical' ? 0 : -1);
    for (let attempt = 0; attempt <= retries; attempt += 1) {
      if (closed) return;
      try {
        if (!current.connection.alive) current = await open();
        const text = plainBody(notification.body, BODY_MAX);
        const body = current.markup ? escapeAngleMarkup(text) : text;
        await call(current.connection, {
          destination: SERVICE, path: OBJECT_PATH, interface: SERVICE, member: 'Notify',
          signature: 'susssasa{sv}i',
          body: ['Matryoshka', 0, '', summary, body, [], [['urgency', ['y', URGENCY[notification.severity]]], ['desktop-entry', ['s', 'matryoshka']]], timeout],
        }, callTimeoutMs);
        if (attempt > 0) log.info(`desktop: notification shown on attempt ${attempt + 1}`);
        return;
      } catch (error) {
        // A call that timed out may have lost its connection without a word: start afresh next time.
        if (error instanceof Error && error.message.startsWith('no answer')) end(current.connection);
        if (attempt === retries) {
          log.error(`desktop: Notify failed ${retries + 1} times; notification "${notification.key.slice(0, 80)}" not shown: ${describe(error)}`);
          return;
        }
        log.warn(`desktop: Notify failed (attempt ${attempt + 1} of ${retries + 1}): ${describe(error)}`);
        await pause(retryDelayMs * 2 ** attempt);
      }
    }
  };

  return {
    name: 'desktop',
    get server() {
      return current.server;
    },
    notify(notification) {
      if (closed) return;
      tail = tail.then(() => show(notification)).catch((error: unknown) => log.error(`desktop: ${describe(error)}`));
    },
    idle: () => tail,
    async close(graceMs = 2000) {
      if (closed) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([tail, new Promise<void>((resolve) => { timer = setTimeout(resolve, graceMs); })]);
      clearTimeout(timer);
      closed = true;
      for (const entry of pauses) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      end(current.connection);
    },
  };
}
