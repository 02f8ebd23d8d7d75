import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DATA_DIR_LOCK_FILE, DataDirLockError, type DataDirLock } from '../../../node/store/data-dir-lock';

const STARTED = new Date('2026-12-08T03:40:12.000Z');
const clock = (): Date => STARTED;

let root: string;
/** The data dir under test (`root` unless a test points elsewhere under it). */
let dir: string;
const children: ChildProcess[] = [];
const locks: DataDirLock[] = [];

function lockFile(): string {
  return path.join(dir, DATA_DIR_LOCK_FILE);
}

function writeLock(content: unknown): void {
  fs.writeFileSync(lockFile(), typeof content === 'string' ? content : JSON.stringify(content));
}

function acquire(face = 'watch'): DataDirLock {
  const lock = acquireDataDirLock(dir, { face, clock });
  locks.push(lock);
  return lock;
}

function refusal(face = 'watch'): DataDirLockError {
  try {
    acquire(face);
  } catch (error) {
    if (error instanceof DataDirLockError) return error;
    throw error;
  }
  throw new Error('the lock was taken');
}

/** A process that is running (until the test ends). */
function livePid(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  if (child.pid === undefined) throw new Error('no child');
  return child.pid;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

function onDisk(): unknown {
  return JSON.parse(fs.readFileSync(lockFile(), 'utf8'));
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'matryoshka-lock-'));
  dir = root;
});

afterEach(() => {
  for (const lock of locks.splice(0)) lock.release();
  for (const child of children.splice(0)) child.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

describe('acquireDataDirLock', () => {
  it('creates the lock (and the missing dir) naming this process, its face, host and start', () => {
    dir = path.join(root, 'not', 'yet');
    const lock = acquire('web');
    expect(lock.path).toBe(lockFile());
    expect(lock.tookOver).toBe(false);
    expect(onDisk()).toEqual({ pid: process.pid, face: 'web', hostname: os.hostname(), startedAt: STARTED.toISOString() });
    expect(lock.holder).toEqual(onDisk());
  });

  it('refuses while a live process on this host holds it, saying who and since when', () => {
    const pid = livePid();
    const holder = { pid, face: 'web', hostname: os.hostname(), startedAt: '2026-12-08T03:40:59.000Z' };
    writeLock(holder);
    const error = refusal();
    expect(error.code).toBe('held');
    expect(error.holder).toEqual(holder);
    expect(error.message).toBe(`the data dir ${dir} is in use by matryoshka web (pid ${pid}, since 2026-12-08 03:40 UTC)`);
    expect(onDisk()).toEqual(holder);
  });

  it('refuses a second lock in the same process (two cores would notify twice)', () => {
    acquire('desktop');
    const error = refusal('watch');
    expect(error.code).toBe('held');
    expect(error.holder?.pid).toBe(process.pid);
    expect(error.message).toMatch(/in use by the Matryoshka desktop app \(pid \d+, since 2026-12-08 03:40 UTC\)$/);
  });

  it('takes over the lock of a process that is no longer running', () => {
    const stale = { pid: deadPid(), face: 'watch', hostname: os.hostname(), startedAt: '2026-12-01T00:00:00.000Z' };
    writeLock(stale);
    const lock = acquire('web');
    expect(lock.tookOver).toBe(true);
    expect(lock.replaced).toEqual(stale);
    expect(onDisk()).toMatchObject({ pid: process.pid, face: 'web' });
    expect(fs.readdirSync(dir)).toEqual([DATA_DIR_LOCK_FILE]);
  });

  it.each([
    ['not JSON', 'garbage\u0000'],
    ['empty', ''],
    ['JSON without a pid', '{"face":"watch","hostname":"h","startedAt":"x"}'],
  ])('takes over a lock file that is %s (once past the time a starting process needs to write it)', (_name, content) => {
    writeLock(content);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile(), old, old);
    const lock = acquire();
    expect(lock.tookOver).toBe(true);
    expect(lock.replaced).toBeNull();
    expect(onDisk()).toMatchObject({ pid: process.pid, face: 'watch' });
  });

  it('waits for a lock file just created and still empty: the process writing it is starting', () => {
    writeLock('');
    // Fills the empty lock in a moment with its own (live) pid, as a slow start would.
    const child = spawn(process.execPath, ['-e', `
      setTimeout(() => {
        require('node:fs').writeFileSync(${JSON.stringify(lockFile())}, JSON.stringify({ pid: process.pid, face: 'web', hostname: require('node:os').hostname(), startedAt: ${JSON.stringify(STARTED.toISOString())} }));
        setTimeout(() => {}, 60000);
      }, 100);`], { stdio: 'ignore' });
    children.push(child);
    const error = refusal();
    expect(error.code).toBe('held');
    expect(error.holder).toMatchObject({ pid: child.pid, face: 'web' });
  });

  it('never takes over a lock from another host, even one whose pid is not running here', () => {
    const holder = { pid: deadPid(), face: 'watch', hostname: 'nas-client.example', startedAt: '2026-12-07T22:05:00.000Z' };
    writeLock(holder);
    const error = refusal();
    expect(error.code).toBe('held');
    expect(error.holder).toEqual(holder);
    expect(error.message).toContain(`in use by matryoshka watch on host nas-client.example (pid ${holder.pid}, since 2026-12-07 22:05 UTC)`);
    expect(error.message).toContain(`delete ${lockFile()}`);
    expect(onDisk()).toEqual(holder);
  });

  it('reports a dir that cannot be written as unwritable', () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, 'not a directory');
    dir = path.join(file, 'data');
    const error = refusal();
    expect(error.code).toBe('unwritable');
    expect(error.message).toMatch(/cannot be written \(ENOTDIR\)/);
  });
});

describe('DataDirLock.release', () => {
  it('removes its own lock, so the next start takes it without a takeover', () => {
    acquire('web').release();
    expect(fs.existsSync(lockFile())).toBe(false);
    expect(acquire('watch').tookOver).toBe(false);
  });

  it('leaves a lock that another process wrote since', () => {
    const lock = acquire();
    const other = { pid: livePid(), face: 'web', hostname: os.hostname(), startedAt: STARTED.toISOString() };
    writeLock(other);
    lock.release();
    expect(onDisk()).toEqual(other);
  });

  it('does nothing the second time, even when an identical lock was taken since', () => {
    const first = acquire();
    first.release();
    acquire(); // same pid, face and start: the very same file content
    first.release();
    expect(onDisk()).toMatchObject({ pid: process.pid, face: 'watch' });
  });
});
