/**
 * `npm run web` as a real process: prints the URL with its token, serves the page with it,
 * refuses bad arguments, warns on an explicit non-loopback host, and exits cleanly on SIGTERM.
 * The data directory holds no wallet, so no chain is ever contacted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const main = join(repo, 'node', 'web', 'main.ts');

let root: string;
const children: ChildProcess[] = [];

interface Run {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

function run(args: readonly string[]): Run {
  const child = spawn(tsx, [main, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitFor(test: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function get(url: URL, cookie?: string): Promise<{ status: number; body: string; setCookie: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: cookie === undefined ? {} : { Cookie: cookie } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, setCookie: res.headers['set-cookie']?.[0] }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'matryoshka-webmain-'));
  await mkdir(join(root, 'renderer'));
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Matryoshka web</title>');
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

describe('npm run web', () => {
  it('prints a URL whose token opens the page, and exits 0 on SIGTERM', async () => {
    const web = run(['--port', '0', '--data-dir', join(root, 'data'), '--renderer-dir', join(root, 'renderer')]);
    await waitFor(() => /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.test(web.stdout()));
    const printed = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(web.stdout())?.[0] ?? '';
    const url = new URL(printed);
    const token = url.searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(40);

    expect((await get(new URL('/', url))).status).toBe(401);
    const withToken = await get(url);
    expect(withToken.status).toBe(303);
    const cookie = withToken.setCookie?.split(';')[0] ?? '';
    const page = await get(new URL('/', url), cookie);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Matryoshka web');

    web.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
  });

  it('refuses unknown arguments with exit code 2 and the usage', async () => {
    const web = run(['--port', 'eighty']);
    expect(await web.exited).toBe(2);
    expect(web.stderr()).toContain('--port needs a number');
    expect(web.stderr()).toContain('Usage: npm run web');
  });

  it('warns when --host makes it reachable from other machines', async () => {
    const web = run(['--port', '0', '--host', '0.0.0.0', '--data-dir', join(root, 'data2'), '--renderer-dir', join(root, 'renderer')]);
    await waitFor(() => web.stdout().includes('token='));
    expect(web.stderr()).toMatch(/warning: serving on 0\.0\.0\.0/);
    web.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
  });
});
