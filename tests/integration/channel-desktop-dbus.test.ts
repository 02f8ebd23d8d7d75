/**
 * The desktop channel for real: a private D-Bus session bus (Debian's dbus-daemon) with a test
 * notification server on it that records every Notify call, and the sink sending to it over the
 * wire. Checks what a user would see: app name, summary, body, urgency per severity, hostile token
 * names arriving as inert text; and that a missing bus, a missing service, or a service that goes
 * away is a clear error at start and a log line (never a throw) while running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionBus, type MessageBus } from '@homebridge/dbus-native';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../shared/notify/diff-reports';
import { createChannelSinks } from '../../node/channels/create-channel-sinks';
import { createDesktopDbusSink, type DesktopDbusSink } from '../../node/channels/desktop-dbus';
import type { MonitorLog } from '../../node/monitor/create-monitor';

interface PrivateBus {
  readonly address: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** A dbus-daemon of our own, on a socket in a temp dir, with a config that lets anyone own any name. */
async function startPrivateBus(): Promise<PrivateBus> {
  const dir = mkdtempSync(join(tmpdir(), 'matryoshka-dbus-'));
  const config = join(dir, 'session.conf');
  writeFileSync(config, `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${join(dir, 'bus')}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`);
  const child = spawn('dbus-daemon', ['--print-address', '--nofork', `--config-file=${config}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.stderr?.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code}): ${err}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    address,
    process: child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface NotifyCall {
  readonly app: string;
  readonly replacesId: number;
  readonly icon: string;
  readonly summary: string;
  readonly body: string;
  readonly actions: readonly string[];
  readonly urgency: number | null;
  readonly timeout: number;
}

interface TestServer {
  readonly calls: NotifyCall[];
  /** Leaves the bus (the service is gone). */
  stop(): void;
}

/** Finds a hint's value in a{sv} as the library unmarshalls it: [[key, [[signatureTree], [value]]], …]. */
function hint(hints: unknown, key: string): unknown {
  if (!Array.isArray(hints)) return null;
  for (const entry of hints) {
    if (Array.isArray(entry) && entry[0] === key && Array.isArray(entry[1]) && Array.isArray(entry[1][1])) return entry[1][1][0];
  }
  return null;
}

type Behaviour = 'answer' | 'hang' | 'fail';

/** A notification server implementing the freedesktop interface, recording every Notify. */
async function startNotificationServer(address: string, options: { capabilities?: readonly string[]; behaviour?: () => Behaviour } = {}): Promise<TestServer> {
  const bus: MessageBus = sessionBus({ busAddress: address });
  bus.connection.on('error', () => undefined);
  const calls: NotifyCall[] = [];
  let next = 1;
  const result = await new Promise<number | undefined>((resolve, reject) =>
    // 4: DBUS_NAME_FLAG_DO_NOT_QUEUE; the reply is 1 when we are the primary owner.
    bus.requestName('org.freedesktop.Notifications', 4, (error, value) => (error ? reject(new Error(String(error.message))) : resolve(value))),
  );
  expect(result).toBe(1);
  bus.exportInterface(
    {
      Notify(app: string, replacesId: number, icon: string, summary: string, body: string, actions: string[], hints: unknown, timeout: number): Promise<number> | number | Error {
        const behaviour = options.behaviour?.() ?? 'answer';
        if (behaviour === 'hang') return new Promise<number>(() => undefined);
        calls.push({ app, replacesId, icon, summary, body, actions, urgency: Number(hint(hints, 'urgency')), timeout });
        if (behaviour === 'fail') return Object.assign(new Error('the test server refuses'), { dbusName: 'org.freedesktop.Notifications.Error.Refused' });
        return next++;
      },
      GetCapabilities: () => [...(options.capabilities ?? ['body', 'body-markup'])],
      GetServerInformation: () => ['test-notifier', 'matryoshka-tests', '1.0', '1.2'],
    },
    '/org/freedesktop/Notifications',
    {
      name: 'org.freedesktop.Notifications',
      methods: { Notify: ['susssasa{sv}i', 'u'], GetCapabilities: ['', 'as'], GetServerInformation: ['', 'ssss'] },
      signals: {},
    },
  );
  return { calls, stop: () => bus.connection.end() };
}

interface Logged { readonly level: string; readonly text: string }
function recordingLog(): { log: MonitorLog; lines: Logged[] } {
  const lines: Logged[] = [];
  const write = (level: string) => (...parts: unknown[]): void => {
    lines.push({ level, text: parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ') });
  };
  return { log: { info: write('info'), warn: write('warn'), error: write('error') }, lines };
}

function notification(severity: Notification['severity'], title: string, body = 'Check the exit options.'): Notification {
  return { key: `new:${title}`, severity, title, body, warningIds: [title], grouped: false };
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Unsafe characters toPlainText removes: C0/C1 controls, bidi overrides and isolates, zero-width marks.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

let bus: PrivateBus;
const sinks: DesktopDbusSink[] = [];
const servers: TestServer[] = [];

beforeAll(async () => {
  bus = await startPrivateBus();
});

afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close(200)));
  for (const server of servers.splice(0)) server.stop();
  // Let the bus see the old owner leave before the next test asks for the name.
  await new Promise((resolve) => setTimeout(resolve, 50));
});

afterAll(async () => {
  await bus.stop();
});

async function sinkFor(address: string, log: MonitorLog, extra: { retries?: number; callTimeoutMs?: number } = {}): Promise<DesktopDbusSink> {
  const sink = await createDesktopDbusSink({ log, busAddress: address, retryDelayMs: 50, ...extra });
  sinks.push(sink);
  return sink;
}

describe('desktop channel over a real D-Bus session bus', () => {
  it('shows each severity with the matching urgency, app name, summary, body and expiry', async () => {
    const server = await startNotificationServer(bus.address);
    servers.push(server);
    const { log, lines } = recordingLog();
    const sink = await sinkFor(bus.address, log);
    expect(sink.server).toBe('test-notifier 1.0 (matryoshka-tests)');
    expect(lines.map((l) => l.text)).toContainEqual(expect.stringContaining('test-notifier'));
    sink.notify(notification('info', 'Withdrawal claimable', 'Your queued withdrawal can be completed.'));
    sink.notify(notification('warning', 'rsETH trades 2.1% below its NAV'));
    sink.notify(notification('critical', 'Operator slashed'));
    await sink.idle();
    expect(server.calls).toEqual([
      { app: 'Matryoshka', replacesId: 0, icon: '', summary: 'Withdrawal claimable', body: 'Your queued withdrawal can be completed.', actions: [], urgency: 0, timeout: -1 },
      { app: 'Matryoshka', replacesId: 0, icon: '', summary: 'rsETH trades 2.1% below its NAV', body: 'Check the exit options.', actions: [], urgency: 1, timeout: -1 },
      { app: 'Matryoshka', replacesId: 0, icon: '', summary: 'Operator slashed', body: 'Check the exit options.', actions: [], urgency: 2, timeout: 0 },
    ]);
  });

  it('delivers hostile token names as inert text: markup escaped, bidi overrides and controls removed, length bounded', async () => {
    const server = await startNotificationServer(bus.address);
    servers.push(server);
    const { log } = recordingLog();
    const sink = await sinkFor(bus.address, log);
    const hostile = '<b>FREE</b> <a href="https://evil.example/claim">claim</a> &amp; <img src=x onerror=alert(1)>';
    sink.notify(notification('critical', `depeg of ${hostile} \u202Ehte.live\u202C\u0007\u001b[31m`, `${hostile}\u200B\u2066 line1\nline2 ${'A'.repeat(20_000)}`));
    await sink.idle();
    expect(server.calls).toHaveLength(1);
    const [call] = server.calls;
    const summary = call?.summary ?? '';
    const body = call?.body ?? '';
    for (const text of [summary, body]) {
      expect(text).not.toMatch(UNSAFE);
      expect(text).not.toMatch(/\u202e/u);
    }
    // The body is read as markup by this server (body-markup): every < > & arrives escaped.
    expect(body.startsWith('&lt;b&gt;FREE&lt;/b&gt; &lt;a href="https://evil.example/claim"&gt;claim&lt;/a&gt; &amp;amp; &lt;img src=x onerror=alert(1)&gt;')).toBe(true);
    expect(body.replace(/&(lt|gt|amp);/g, '')).not.toMatch(/[<>&]/);
    expect(body).toContain('\nline2 AAAA');
    // What the user reads (entities shown as one character each) is at most 1000 characters.
    expect(Array.from(body.replace(/&(lt|gt|amp);/g, '_')).length).toBeLessThanOrEqual(1000);
    expect(body.endsWith('…')).toBe(true);
    // The summary is plain text in the spec (never markup): shown as it is, without the hidden characters.
    expect(summary).toBe('depeg of <b>FREE</b> <a href="https://evil.example/claim">claim</a> &amp; <img src=x onerror=alert(1)> hte.live [31m');
  });

  it('does not escape the body for a server that shows it as plain text (no body-markup)', async () => {
    const server = await startNotificationServer(bus.address, { capabilities: ['body'] });
    servers.push(server);
    const { log } = recordingLog();
    const sink = await sinkFor(bus.address, log);
    sink.notify(notification('warning', 'x', 'a <b>token</b> & \u202Eco'));
    await sink.idle();
    expect(server.calls[0]?.body).toBe('a <b>token</b> & co');
  });

  it('retries a refused Notify and logs each failure without throwing', async () => {
    let count = 0;
    const server = await startNotificationServer(bus.address, { behaviour: () => (count++ < 2 ? 'fail' : 'answer') });
    servers.push(server);
    const { log, lines } = recordingLog();
    const sink = await sinkFor(bus.address, log);
    expect(() => sink.notify(notification('warning', 'retried'))).not.toThrow();
    await sink.idle();
    expect(server.calls.map((c) => c.summary)).toEqual(['retried', 'retried', 'retried']);
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.text)).toEqual([
      expect.stringContaining('Notify failed (attempt 1 of 3): org.freedesktop.Notifications.Error.Refused: the test server refuses'),
      expect.stringContaining('Notify failed (attempt 2 of 3)'),
    ]);
  });

  it('a server that never answers: each call times out, is logged, and the sink goes on', async () => {
    let hang = true;
    const server = await startNotificationServer(bus.address, { behaviour: () => (hang ? 'hang' : 'answer') });
    servers.push(server);
    const { log, lines } = recordingLog();
    const sink = await sinkFor(bus.address, log, { retries: 1, callTimeoutMs: 300 });
    sink.notify(notification('warning', 'lost'));
    await sink.idle();
    expect(lines.filter((l) => l.level === 'error').map((l) => l.text)).toEqual([expect.stringMatching(/Notify failed 2 times; notification "new:lost" not shown: no answer .* within 300 ms/)]);
    hang = false;
    sink.notify(notification('warning', 'shown'));
    await sink.idle();
    expect(server.calls.map((c) => c.summary)).toEqual(['shown']);
  });

  it('the service goes away mid-run: logged, no throw; when it comes back, notifications arrive again', async () => {
    const first = await startNotificationServer(bus.address);
    const { log, lines } = recordingLog();
    const sink = await sinkFor(bus.address, log, { retries: 1 });
    sink.notify(notification('warning', 'before'));
    await sink.idle();
    expect(first.calls.map((c) => c.summary)).toEqual(['before']);
    first.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    sink.notify(notification('critical', 'while gone'));
    await sink.idle();
    expect(lines.filter((l) => l.level === 'error').map((l) => l.text)).toEqual([expect.stringContaining('ServiceUnknown')]);
    const second = await startNotificationServer(bus.address);
    servers.push(second);
    sink.notify(notification('critical', 'after'));
    await sink.idle();
    expect(second.calls.map((c) => c.summary)).toEqual(['after']);
  });

  it('the bus itself goes away: logged, no throw, and the next notification tries to reconnect (a clear error)', async () => {
    const own = await startPrivateBus();
    try {
      const server = await startNotificationServer(own.address);
      const { log, lines } = recordingLog();
      const sink = await sinkFor(own.address, log, { retries: 1 });
      await own.stop();
      server.stop();
      await until(() => lines.some((l) => l.text.includes('connection was lost')));
      expect(() => sink.notify(notification('critical', 'no bus'))).not.toThrow();
      await sink.idle();
      expect(lines.filter((l) => l.level === 'error').map((l) => l.text)).toEqual([expect.stringContaining('could not connect to the D-Bus session bus')]);
    } finally {
      await own.stop();
    }
  });
});

describe('desktop channel through createChannelSinks (what `watch --notify desktop` builds)', () => {
  it('finds the bus in the environment it is given and shows notifications there', async () => {
    const server = await startNotificationServer(bus.address);
    servers.push(server);
    const { log } = recordingLog();
    const channels = await createChannelSinks({ notify: ['desktop'], webhooks: [], env: { DBUS_SESSION_BUS_ADDRESS: bus.address }, log });
    if (!channels.ok) throw new Error(channels.error);
    expect(channels.sinks.map((s) => s.name)).toEqual(['desktop']);
    channels.sinks[0]?.notify(notification('critical', 'via watch'));
    await until(() => server.calls.length === 1);
    expect(server.calls[0]).toMatchObject({ summary: 'via watch', urgency: 2 });
    await channels.close();
  });

  it('without a bus in that environment: a clear error for --notify desktop, a warning when only enabled by default', async () => {
    const { log, lines } = recordingLog();
    const asked = await createChannelSinks({ notify: ['desktop'], webhooks: [], env: {}, log });
    expect(asked).toEqual({ ok: false, error: expect.stringMatching(/desktop notification channel is not available: .*DBUS_SESSION_BUS_ADDRESS is not set/) });
    const byDefault = await createChannelSinks({ notify: [], webhooks: [], env: {}, log });
    expect(byDefault.ok && byDefault.sinks).toEqual([]);
    expect(lines.map((l) => l.text)).toContainEqual(expect.stringContaining('no desktop notifications'));
  });
});

describe('desktop channel: clear errors at start', () => {
  it('rejects when no session bus address is known', async () => {
    const { log } = recordingLog();
    const saved = process.env['DBUS_SESSION_BUS_ADDRESS'];
    delete process.env['DBUS_SESSION_BUS_ADDRESS'];
    try {
      await expect(createDesktopDbusSink({ log })).rejects.toThrow(/needs a D-Bus session bus, and DBUS_SESSION_BUS_ADDRESS is not set/);
    } finally {
      if (saved !== undefined) process.env['DBUS_SESSION_BUS_ADDRESS'] = saved;
    }
  });

  it('rejects when nothing listens at the bus address', async () => {
    const { log } = recordingLog();
    const missing = `unix:path=${join(tmpdir(), `matryoshka-no-bus-${process.pid}`)}`;
    await expect(createDesktopDbusSink({ log, busAddress: missing })).rejects.toThrow(/could not connect to the D-Bus session bus at unix:path=.*ENOENT/);
  });

  it('rejects an abstract-socket address, saying which addresses work', async () => {
    const { log } = recordingLog();
    await expect(createDesktopDbusSink({ log, busAddress: 'unix:abstract=/tmp/dbus-test,guid=0' })).rejects.toThrow(/abstract socket addresses are not supported; a unix:path= bus/);
  });

  it('rejects when the bus has no notification service', async () => {
    const { log } = recordingLog();
    await expect(createDesktopDbusSink({ log, busAddress: bus.address })).rejects.toThrow(/no notification service \(org\.freedesktop\.Notifications\)/);
  });
});
