/**
 * The web host and the data dir lock: `startWebApp` refuses a data dir another process holds,
 * takes it when free and gives it back on close; `npm run web` and `matryoshka watch`, as real
 * processes, refuse the data dir of a running web host and name it. The data dir holds no wallet,
 * so no chain is ever contacted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DATA_DIR_LOCK_FILE, DataDirLockError } from '../../node/store/data-dir-lock';
import { startWebApp, type WebApp } from '../../node/web/start-web-app';
import { WatchProcess } from '../support/watch-process';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const GOOD = '0x00000000219ab540356cBB839Cbe05303d7705Fa';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const SINCE = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC';

let root: string;
let dataDir: string;
let app: WebApp | null = null;
const children: ChildProcess[] = [];

function startWeb(): Promise<WebApp> {
  return startWebApp({ dataDir, rendererDir: join(root, 'renderer'), port: 0, host: '127.0.0.1', allowRemote: false, log: quiet });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'matryoshka-lock-web-'));
  await mkdir(join(root, 'renderer'));
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Matryoshka</title>');
});

afterEach(async () => {
  await app?.close();
  app = null;
});

afterAll(async () => {
  // A process that did not refuse would still be running: end it.
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

describe('the web host and the data dir lock', () => {
  it('refuses to start on a data dir another process holds, starts once it is free, and frees it on close', async () => {
    dataDir = join(root, 'held');
    const other = acquireDataDirLock(dataDir, { face: 'watch' });
    const refused = await startWeb().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirLockError);
    expect((refused as DataDirLockError).code).toBe('held');
    expect((refused as DataDirLockError).holder).toMatchObject({ face: 'watch', pid: process.pid });
    expect((refused as DataDirLockError).message).toMatch(new RegExp(`in use by matryoshka watch \\(pid ${process.pid}, since ${SINCE}\\)$`));
    expect(existsSync(join(dataDir, 'config.json'))).toBe(false);
    other.release();

    app = await startWeb();
    const lockFile = join(dataDir, DATA_DIR_LOCK_FILE);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ face: 'web', pid: process.pid });
    await app.close();
    app = null;
    expect(existsSync(lockFile)).toBe(false);
  });

  it('npm run web on the data dir of a running web host exits 1 naming it', async () => {
    dataDir = join(root, 'web-web');
    app = await startWeb();
    // One process (no tsx wrapper around it), so a kill after a failed check ends it.
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'node', 'web', 'main.ts'), '--port', '0', '--data-dir', dataDir, '--renderer-dir', join(root, 'renderer')], {
      cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' },
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(new RegExp(`^matryoshka web: the data dir ${dataDir} is in use by matryoshka web \\(pid ${process.pid}, since ${SINCE}\\); stop it or pass another --data-dir$`, 'm'));
    expect(stdout).not.toContain('token=');
    expect(JSON.parse(readFileSync(join(dataDir, DATA_DIR_LOCK_FILE), 'utf8'))).toMatchObject({ face: 'web', pid: process.pid });
  }, 30_000);

  it('matryoshka watch on the data dir of a running web host exits 3 naming it', async () => {
    dataDir = join(root, 'web-watch');
    app = await startWeb();
    // Nothing listens on this endpoint: a watch that got past the lock would run on, not exit.
    const watch = new WatchProcess(['--rpc', 'http://127.0.0.1:9', '--data-dir', dataDir, GOOD]);
    const code = await Promise.race([watch.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    await watch.stop('SIGKILL');
    expect(code, watch.stderr).toBe(3);
    expect(watch.stderr).toMatch(new RegExp(`^matryoshka: the data dir ${dataDir} is in use by matryoshka web \\(pid ${process.pid}, since ${SINCE}\\); stop it or pass another --data-dir$`, 'm'));
    expect(app.store.get().wallets).toEqual([]);
  }, 30_000);
});
