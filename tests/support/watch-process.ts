/**
 * `matryoshka watch` as a real child process (node bin/matryoshka.mjs watch …) for tests: collects
 * stdout lines (parsed as JSON when `--json-lines` is given) with the time each arrived, stderr, and
 * the exit code; waits for lines; stops with a signal. Also the ajv validators of the watch-line
 * schemas (the contract's vendored copy and the project's own).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020';

const root = join(import.meta.dirname, '..', '..');

/** A line of `watch --json-lines` as the tests read it (the schemas say the rest). */
export interface WatchJsonLine {
  readonly type: string;
  readonly event?: string;
  readonly warning?: { readonly id: string; readonly kind: string; readonly subject: string; readonly title: string; readonly severity: string };
  readonly chains?: readonly { readonly chainId: number; readonly blockNumber: string | null; readonly status: string }[];
  readonly metrics?: { readonly totalValueEth: string; readonly riskScore: number };
  readonly positions?: number;
  readonly degraded?: boolean;
  readonly blockNumber?: string;
  readonly notification?: { readonly key: string; readonly grouped: boolean };
}

export interface ReceivedLine {
  readonly text: string;
  /** Parsed JSON, or null when the line is not JSON. */
  readonly json: WatchJsonLine | null;
  /** Date.now() when it arrived. */
  readonly at: number;
}

/** The validators of both watch-line schemas: reference/contracts (the contract) and schemas/ (published). */
export function watchLineValidators(): { readonly name: string; readonly validate: ValidateFunction }[] {
  return ['reference/contracts/watch-line.schema.json', 'schemas/watch-line.schema.json'].map((path) => ({
    name: path,
    validate: new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(root, path), 'utf8')) as object), // a JSON schema document
  }));
}

export class WatchProcess {
  readonly lines: ReceivedLine[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  readonly child: ChildProcess;

  constructor(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
    this.child = spawn(process.execPath, [join(root, 'bin', 'matryoshka.mjs'), 'watch', ...args], {
      // No desktop session: the desktop channel (on by default) is skipped with a warning.
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', DBUS_SESSION_BUS_ADDRESS: '', ...env },
    });
    let buffer = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const text = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let json: WatchJsonLine | null = null;
        try {
          json = JSON.parse(text) as WatchJsonLine; // checked against the schemas by the tests
        } catch {
          json = null;
        }
        this.lines.push({ text, json, at: Date.now() });
      }
    });
    this.child.stderr?.on('data', (chunk: Buffer) => { this.stderr += chunk.toString('utf8'); });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** JSON lines from index `from` on. */
  json(from = 0): WatchJsonLine[] {
    return this.lines.slice(from).flatMap((l) => (l.json === null ? [] : [l.json]));
  }
  events(from = 0): WatchJsonLine[] { return this.json(from).filter((l) => l.type === 'event'); }
  reports(from = 0): WatchJsonLine[] { return this.json(from).filter((l) => l.type === 'report'); }

  async waitFor(what: string, test: () => boolean, timeoutMs = 45_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!test()) {
      if (this.child.exitCode !== null) throw new Error(`watch exited (${this.child.exitCode}) while waiting for ${what}\n${this.describe()}`);
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${this.describe()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits until `n` more report lines arrived after now. */
  async reportsAfter(n: number, timeoutMs?: number): Promise<void> {
    const start = this.reports().length;
    await this.waitFor(`${n} more report lines`, () => this.reports().length >= start + n, timeoutMs);
  }

  /** Waits until no line arrived for `quietMs`. */
  async quiet(quietMs: number, timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const last = this.lines.at(-1)?.at ?? 0;
      if (Date.now() - last >= quietMs) return;
      if (Date.now() > until) throw new Error(`never quiet for ${quietMs} ms\n${this.describe()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill(signal);
    return this.exited;
  }

  describe(): string {
    return `stdout:\n${this.lines.map((l) => l.text).join('\n').slice(-6000)}\nstderr:\n${this.stderr.slice(-3000)}`;
  }
}
