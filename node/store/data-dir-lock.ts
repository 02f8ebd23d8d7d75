/**
 * One Matryoshka process per data directory. The store's read-change-write is atomic but not
 * locked across processes, and every long-running face (desktop, web host, watch) sends its own
 * notifications: two of them on one data dir would alert twice and overwrite each other's
 * wallets and notification memory. So each face takes `<dir>/matryoshka.lock` first.
 *
 * The lock file is created exclusively (`wx`) and holds `{ pid, face, hostname, startedAt }`.
 * When it already exists:
 * - its process is alive on this host (signal 0 succeeds or fails with EPERM): refused;
 * - it names another host: refused, because a process on a shared network folder cannot be
 *   checked from here and must not be taken over; the message says how to clear it;
 * - its process is dead (a crash), or the file is unreadable or not a lock (garbage, or empty for
 *   longer than `WRITE_GRACE_MS`, the time a starting process needs to write it): taken over.
 *
 * Taking over: the stale file is renamed aside (atomic), checked to be the very file judged stale
 * (same text), removed, and the lock is created again with `wx`, so two processes taking over at
 * once meet at that exclusive create and only one wins. When the file renamed aside turns out to
 * be a fresh lock another process created in between, it is linked back (link fails rather than
 * overwrite). Remaining window: a third process creating the lock in the instant between that
 * rename and that link (three starts at once right after a crash) would leave two owners.
 *
 * A pid reused by an unrelated process after a crash keeps the lock "held"; the message names the
 * pid and the file so the user can check and delete it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DATA_DIR_LOCK_FILE = 'matryoshka.lock';

/** How long a lock file may be empty or partly written before it counts as garbage. */
const WRITE_GRACE_MS = 2_000;
const MAX_ATTEMPTS = 50;
const RETRY_MS = 50;

/** The face holding the lock: 'desktop', 'web' or 'watch' (any name is kept as given). */
export type DataDirFace = 'desktop' | 'web' | 'watch' | (string & {});

/** What a lock file says about its holder. */
export interface DataDirLockHolder {
  readonly pid: number;
  readonly face: string;
  readonly hostname: string;
  /** ISO 8601. */
  readonly startedAt: string;
}

type DataDirLockErrorCode = 'held' | 'unwritable';

/** Why the lock was not taken: `held` (another process has it) or `unwritable` (the dir cannot be written). */
export class DataDirLockError extends Error {
  override readonly name = 'DataDirLockError';
  readonly code: DataDirLockErrorCode;
  /** The data directory. */
  readonly dir: string;
  /** The process holding the lock (`held`), when its file could be read. */
  readonly holder: DataDirLockHolder | null;

  constructor(code: DataDirLockErrorCode, dir: string, message: string, options: { holder?: DataDirLockHolder | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.dir = dir;
    this.holder = options.holder ?? null;
  }
}

export interface DataDirLock {
  /** The lock file. */
  readonly path: string;
  /** What this process wrote into it. */
  readonly holder: DataDirLockHolder;
  /** The stale lock this one replaced (null when there was none or it was not readable). */
  readonly replaced: DataDirLockHolder | null;
  /** True when a stale or damaged lock file was taken over. */
  readonly tookOver: boolean;
  /** Removes the lock file if it is still this process's; later calls do nothing. Never throws. */
  release(): void;
}

interface AcquireDataDirLockOptions {
  readonly face: DataDirFace;
  /** For `startedAt`. Default: the system clock. */
  readonly clock?: () => Date;
}

type Seen =
  | { readonly kind: 'missing' }
  | { readonly kind: 'found'; readonly text: string | null; readonly holder: DataDirLockHolder | null; readonly ageMs: number };

/** Whether `pid` is a running process on this host (EPERM: it exists but belongs to someone else). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

function parseHolder(text: string): DataDirLockHolder | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { pid, face, hostname, startedAt } = json as Record<string, unknown>;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return null;
  if (typeof face !== 'string' || typeof hostname !== 'string' || typeof startedAt !== 'string') return null;
  return { pid, face, hostname, startedAt };
}

function readLock(file: string): Seen {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    // Unreadable (a directory, no permission): not a lock this version can honour.
    try {
      return { kind: 'found', text: null, holder: null, ageMs: Date.now() - fs.lstatSync(file).mtimeMs };
    } catch {
      return { kind: 'missing' };
    }
  }
  try {
    const ageMs = Date.now() - fs.fstatSync(fd).mtimeMs;
    const text = fs.readFileSync(fd, 'utf8');
    return { kind: 'found', text, holder: parseHolder(text), ageMs };
  } catch {
    return { kind: 'found', text: null, holder: null, ageMs: Infinity };
  } finally {
    fs.closeSync(fd);
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Printable, short: the file may hold anything. */
function shown(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 63)}…` : clean;
}

function since(startedAt: string): string {
  const date = new Date(startedAt);
  if (Number.isNaN(date.getTime())) return shown(startedAt);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "matryoshka web (pid 1234, since 2026-12-08 03:40 UTC)", with the host when it is not this one. */
export function describeHolder(holder: DataDirLockHolder): string {
  const who = holder.face === 'desktop' ? 'the Matryoshka desktop app' : `matryoshka ${shown(holder.face)}`;
  const host = holder.hostname === os.hostname() ? '' : ` on host ${shown(holder.hostname)}`;
  return `${who}${host} (pid ${holder.pid}, since ${since(holder.startedAt)})`;
}

function heldError(dir: string, file: string, holder: DataDirLockHolder | null): DataDirLockError {
  if (holder === null) return new DataDirLockError('held', dir, `the data dir ${dir} is in use by another process (${file} keeps changing)`);
  const elsewhere =
    holder.hostname === os.hostname()
      ? ''
      : `; a process on another host cannot be checked from here, so its lock is never taken over: if it is no longer running, delete ${file}`;
  return new DataDirLockError('held', dir, `the data dir ${dir} is in use by ${describeHolder(holder)}${elsewhere}`, { holder });
}

function unwritableError(dir: string, error: unknown): DataDirLockError {
  return new DataDirLockError('unwritable', dir, `the data dir ${dir} cannot be written (${errorCode(error)})`, { cause: error });
}

/** Creates the lock file with `text`; false when it already exists. */
function create(file: string, text: string, dir: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw unwritableError(dir, error);
  }
  try {
    fs.writeSync(fd, text);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw unwritableError(dir, error);
  }
  fs.closeSync(fd);
  return true;
}

/** Removes the stale lock file `seen`, unless another process replaced it meanwhile (then it is put back). */
function removeStale(file: string, seen: Extract<Seen, { kind: 'found' }>, dir: string): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // another process moved it first
    throw unwritableError(dir, error);
  }
  const moved = readLock(aside);
  if (moved.kind === 'found' && moved.text !== seen.text) {
    // A fresh lock created since we read the stale one: put it back (fails rather than overwrite).
    try {
      fs.linkSync(aside, file);
    } catch {
      // The lock was created again in between; that one stands.
    }
  }
  fs.rmSync(aside, { force: true, recursive: true });
}

/**
 * Takes the lock of data directory `dir` (created when missing, as the store does). Throws
 * `DataDirLockError`: `held` with the holder when another live process has it (or one on another
 * host), `unwritable` when the dir or the lock file cannot be written.
 */
export function acquireDataDirLock(dir: string, options: AcquireDataDirLockOptions): DataDirLock {
  const file = path.resolve(dir, DATA_DIR_LOCK_FILE);
  const holder: DataDirLockHolder = {
    pid: process.pid,
    face: options.face,
    hostname: os.hostname(),
    startedAt: (options.clock?.() ?? new Date()).toISOString(),
  };
  const text = `${JSON.stringify(holder)}\n`;
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw unwritableError(dir, error);
  }

  let replaced: DataDirLockHolder | null = null;
  let tookOver = false;
  let last: DataDirLockHolder | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    if (create(file, text, dir)) return lockHandle(file, holder, text, replaced, tookOver);
    const seen = readLock(file);
    if (seen.kind === 'missing') continue;
    last = seen.holder;
    if (seen.holder !== null) {
      if (seen.holder.hostname !== holder.hostname || isProcessAlive(seen.holder.pid)) throw heldError(dir, file, seen.holder);
    } else if (seen.text !== null && seen.ageMs < WRITE_GRACE_MS) {
      // Empty or partial: a process that just created it may still be writing it.
      sleep(RETRY_MS);
      continue;
    }
    removeStale(file, seen, dir);
    replaced = seen.holder;
    tookOver = true;
  }
  throw heldError(dir, file, last);
}

function lockHandle(file: string, holder: DataDirLockHolder, text: string, replaced: DataDirLockHolder | null, tookOver: boolean): DataDirLock {
  let released = false;
  return {
    path: file,
    holder,
    replaced,
    tookOver,
    release: () => {
      if (released) return;
      released = true;
      try {
        const seen = readLock(file);
        if (seen.kind === 'found' && seen.text === text) fs.rmSync(file, { force: true });
      } catch {
        // Best effort: a lock left behind names a dead pid and is taken over by the next start.
      }
    },
  };
}
