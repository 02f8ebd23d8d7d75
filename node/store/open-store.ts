/**
 * The persistent store: one JSON document (shared/settings/settings.ts `storeSchema`) in a given
 * directory, written through `conf` (atomic: a temporary file renamed over the old one). This is
 * the file format electron-store uses (electron-store is `conf` with Electron's user-data folder),
 * so the desktop app opens the same store with `openStore({ dir: app.getPath('userData') })`.
 *
 * On open the file is validated, migrated (node/store/migrations.ts) and, when it cannot be used
 * (truncated, not JSON, wrong schema, written by a newer version, unreadable), copied aside as a
 * timestamped backup and replaced by the last good copy (`<name>.last-good.json`, refreshed after
 * every successful save), adding back every wallet that can still be read from the damaged file.
 * `problems` says what happened in plain words. When the directory cannot be written, the store
 * keeps working in memory and says so.
 *
 * Secrets: user RPC endpoints are sealed with `encryptSecret` when given (node/store/secrets.ts);
 * without it they are stored as plain text.
 *
 * Concurrency: every read and change re-reads the file first when another writer changed it (its
 * inode, size or time differ from what this store last read or wrote), so two stores on one file
 * in one process never lose each other's changes. Across processes the read-change-write is not
 * locked here: every long-running face (desktop, web host, watch) opens its store through
 * node/core/start-app-core.ts, which first takes the data directory's lock
 * (node/store/data-dir-lock.ts), so a second process on the same directory refuses to start.
 */
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { ZodError } from 'zod';
import { decodeBigints, encodeBigints } from '../../shared/ipc/codec';
import { compactHistory, DEFAULT_HISTORY_MAX_POINTS } from '../../shared/history/compact-history';
import { historyPointSchema } from '../../shared/history/history-point';
import type { HistoryPoint } from '../../shared/history/history-point';
import { notifyStateSchema } from '../../shared/notify/notify-state';
import type { NotifyState } from '../../shared/notify/notify-state';
import type { ScanCursor } from '../../shared/redemption';
import { emptyStoreDocument, parseStore, settingsSchema, storeSchema, walletSchema } from '../../shared/settings/settings';
import type { Settings, StoreDocument, StoreDocumentInput, Wallet } from '../../shared/settings/settings';
import { migrateDocument } from './migrations';
import { openSecrets, sealSecrets } from './secrets';
import type { KeptSecrets, OpenSecret, SealSecret } from './secrets';
import { StoreError } from './store-error';

export const STORE_PROBLEM_CODES = [
  'restored-last-good',
  'corrupted',
  'unreadable',
  'newer-version',
  'migrated',
  'secret-unreadable',
  'unwritable',
  'write-failed',
] as const;
export type StoreProblemCode = (typeof STORE_PROBLEM_CODES)[number];

/** Something the user should be told about their settings file. */
export interface StoreProblem {
  readonly code: StoreProblemCode;
  /** Plain words, for the user. */
  readonly message: string;
  /** Where the damaged or old file was kept, when it was. */
  readonly backupPath: string | null;
}

export interface OpenStoreOptions {
  /** The folder holding the store (created when missing). */
  readonly dir: string;
  /** File name without extension. Default `config` (electron-store's default). */
  readonly name?: string;
  /** Seals a secret (RPC URL) for disk; the desktop app passes Electron safeStorage, base64-encoded. */
  readonly encryptSecret?: SealSecret;
  /** Opens what `encryptSecret` sealed. */
  readonly decryptSecret?: OpenSecret;
  /** The clock, for `addedAt`, backup names and history compaction. Default: the system clock. */
  readonly clock?: () => Date;
  /** Cap on history points. Default 4000. */
  readonly historyMaxPoints?: number;
}

export interface AddWalletInput {
  readonly address: string;
  readonly label?: string;
  readonly ensName?: string | null;
  readonly chains?: readonly number[];
}

/** What one monitor refresh saves (see `Store.saveRefresh`). */
export interface RefreshParts {
  /** The notification state after the diff (left out when the diff failed). */
  readonly notifyState?: NotifyState;
  /** The last report (bigints encoded as in shared/ipc/codec.ts). */
  readonly report: unknown;
  /** A history point to add (compacted as by `appendHistory`); left out for a degraded refresh. */
  readonly historyPoint?: HistoryPoint;
  /** The redemption scan cursors, replacing the stored ones. */
  readonly scanCursors?: readonly ScanCursor[];
}

export type RefreshPart = keyof RefreshParts;

/** A part of a refresh the store refused because it was invalid; every other part was saved. */
export interface RejectedRefreshPart {
  readonly part: RefreshPart;
  readonly reason: string;
}

export interface SaveRefreshResult {
  readonly document: StoreDocument;
  readonly rejected: readonly RejectedRefreshPart[];
}

export interface Store {
  /** The store file (also when it could not be written). */
  readonly path: string;
  /** False when changes only live in memory (the directory cannot be written). */
  readonly persistent: boolean;
  /** The current document (same as `get()`). */
  readonly state: StoreDocument;
  /** What happened to the file, in plain words; empty when all is well. */
  readonly problems: readonly StoreProblem[];
  get(): StoreDocument;
  /**
   * Applies a change to a copy of the document (return a new one or change the copy), validates it
   * (addresses are checksummed, defaults filled in) and saves it: one atomic write, so batch a
   * refresh's report, notification state and history point in one call. Throws `StoreError`
   * ('invalid') and saves nothing when the result is invalid.
   */
  update(mutator: (draft: StoreDocument) => StoreDocument | StoreDocumentInput | void): StoreDocument;
  /** Adds a wallet (`addedAt` = now). Throws `StoreError` ('invalid' or 'duplicate-wallet'). */
  addWallet(input: AddWalletInput): StoreDocument;
  /** Removes a wallet by address (any case); no change when it is not there. */
  removeWallet(address: string): StoreDocument;
  /** Replaces the settings with what `mutator` returns (validated). */
  updateSettings(mutator: (settings: Settings) => Settings): StoreDocument;
  /** Keeps the last report (bigints encoded as in shared/ipc/codec.ts). */
  saveReport(report: unknown): void;
  /** The last report with bigints decoded, or null; the caller validates its shape. */
  getLastReport(): unknown;
  getNotifyState(): NotifyState;
  setNotifyState(state: NotifyState): void;
  /** Adds a history point and compacts the history (shared/history/compact-history.ts). */
  appendHistory(point: HistoryPoint): void;
  /**
   * Saves what one refresh produced in one validated atomic write, instead of one write per part
   * (each write rewrites the whole file). Each part is checked first, as its own method
   * (`setNotifyState`, `saveReport`, `appendHistory`) checks it: a part that is invalid is left out
   * and listed in `rejected`, and the valid parts are still saved. Throws `StoreError` ('closed' or
   * 'invalid') and saves nothing when the write as a whole cannot be made; like every change, a
   * failed disk write is kept in memory and reported in `problems` ('write-failed').
   */
  saveRefresh(parts: RefreshParts): SaveRefreshResult;
  getHistory(): readonly HistoryPoint[];
  close(): void;
}

interface FileStamp {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

type Reading =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly error: string }
  | { readonly kind: 'text'; readonly text: string };

type Interpretation =
  | {
      readonly kind: 'ok';
      readonly document: StoreDocument;
      readonly migratedFrom: number | null;
      readonly secretProblems: readonly string[];
      readonly kept: KeptSecrets;
    }
  | {
      readonly kind: 'bad';
      readonly code: 'corrupted' | 'newer-version';
      readonly reason: string;
      readonly salvage: readonly Wallet[];
      /** Everything that could be read, when the file was a current-format document with some bad parts. */
      readonly partial: StoreDocument | null;
      readonly details: readonly string[];
    };

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

function readFile(file: string): Reading {
  try {
    return { kind: 'text', text: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    // ENOTDIR: a path component is a file, so the store file cannot exist either.
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', error: errorCode(error) };
  }
}

function stampOf(file: string): FileStamp | null {
  try {
    const stat = fs.statSync(file);
    return { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return null;
  }
}

function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Wallet objects found anywhere in damaged text (a truncated file still holds its first wallets whole). */
function scanWallets(text: string): Wallet[] {
  const found: Wallet[] = [];
  for (const match of text.matchAll(/\{[^{}]*"address"\s*:\s*"[^"]*"[^{}]*\}/g)) {
    try {
      const parsed = walletSchema.safeParse(JSON.parse(match[0]));
      if (parsed.success && !found.some((wallet) => wallet.address === parsed.data.address)) found.push(parsed.data);
    } catch {
      // Not a whole object; keep scanning.
    }
  }
  return found;
}

function interpret(text: string, decrypt: OpenSecret | undefined): Interpretation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      kind: 'bad',
      code: 'corrupted',
      reason: text.trim() === '' ? 'the file is empty' : 'the file is not valid JSON (it may have been cut off by a crash or a full disk)',
      salvage: scanWallets(text),
      partial: null,
      details: [],
    };
  }
  const opened = openSecrets(json, decrypt);
  const migrated = migrateDocument(opened.raw);
  if (migrated.kind === 'newer') {
    const salvage = parseStore({ ...(typeof opened.raw === 'object' ? opened.raw : {}), version: 1 }).value.wallets;
    return { kind: 'bad', code: 'newer-version', reason: `it was written by a newer version of Matryoshka (format ${migrated.version})`, salvage, partial: null, details: [] };
  }
  if (migrated.kind === 'failed') {
    const salvage = parseStore(opened.raw).value.wallets;
    return { kind: 'bad', code: 'corrupted', reason: `it could not be read: ${migrated.reason}`, salvage, partial: null, details: [] };
  }
  const parsed = parseStore(migrated.value);
  if (!parsed.ok) {
    return {
      kind: 'bad',
      code: 'corrupted',
      reason: 'parts of it do not match the settings format',
      salvage: parsed.value.wallets,
      partial: parsed.value,
      details: parsed.problems,
    };
  }
  return { kind: 'ok', document: parsed.value, migratedFrom: migrated.kind === 'migrated' ? migrated.from : null, secretProblems: opened.problems, kept: opened.kept };
}

function mergeWallets(base: StoreDocument, extra: readonly Wallet[]): { document: StoreDocument; added: number } {
  const known = new Set(base.wallets.map((wallet) => wallet.address));
  const missing = extra.filter((wallet) => !known.has(wallet.address));
  return { document: { ...base, wallets: [...base.wallets, ...missing] }, added: missing.length };
}

/** A file name next to `file` that does not exist yet: `<base>.<label>-<timestamp>[-n].json`. */
function backupName(file: string, label: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = file.replace(/\.json$/, '');
  for (let n = 0; ; n += 1) {
    const candidate = `${base}.${label}-${stamp}${n === 0 ? '' : `-${n}`}.json`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

function keepAside(file: string, label: string, now: Date): string | null {
  try {
    const target = backupName(file, label, now);
    fs.copyFileSync(file, target);
    return target;
  } catch {
    return null;
  }
}

/** One line on why a part is invalid (a zod error's message is every issue as JSON). */
function reasonOf(error: unknown): string {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return issue === undefined ? 'invalid' : `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Opens (or creates) the store in `options.dir`. Never throws for a bad or unwritable file: the
 * returned store then works from the last good copy, the salvaged wallets or defaults, and
 * `problems` explains.
 */
export function openStore(options: OpenStoreOptions): Store {
  const name = options.name ?? 'config';
  const clock = options.clock ?? (() => new Date());
  const historyMaxPoints = options.historyMaxPoints ?? DEFAULT_HISTORY_MAX_POINTS;
  const file = path.resolve(options.dir, `${name}.json`);
  const lastGoodFile = path.resolve(options.dir, `${name}.last-good.json`);
  const problems: StoreProblem[] = [];
  const say = (code: StoreProblemCode, message: string, backupPath: string | null = null): void => {
    if (!problems.some((problem) => problem.code === code && problem.message === message)) problems.push({ code, message, backupPath });
  };

  /** The last good copy, if there is a usable one. */
  const lastGood = (): StoreDocument | null => {
    const reading = readFile(lastGoodFile);
    if (reading.kind !== 'text') return null;
    const result = interpret(reading.text, options.decryptSecret);
    return result.kind === 'ok' ? result.document : null;
  };

  /** Sealed endpoints this machine cannot open, written back unchanged. */
  let kept: KeptSecrets = {};

  /** Decides the document to start from; true when it must be written back. */
  const load = (): { document: StoreDocument; write: boolean } => {
    const reading = readFile(file);
    if (reading.kind === 'missing') {
      const good = lastGood();
      if (good === null) return { document: emptyStoreDocument(), write: false };
      say('restored-last-good', 'Your settings file was missing. The last good copy was restored.');
      return { document: good, write: true };
    }
    if (reading.kind === 'unreadable') {
      const backup = keepAside(file, 'unreadable', clock());
      const good = lastGood();
      say(
        'unreadable',
        `Your settings file could not be read (${reading.error}). ${good === null ? 'Starting from default settings.' : 'The last good copy was restored.'}`,
        backup,
      );
      return { document: good ?? emptyStoreDocument(), write: true };
    }
    const result = interpret(reading.text, options.decryptSecret);
    if (result.kind === 'ok') {
      for (const message of result.secretProblems) say('secret-unreadable', message);
      kept = result.kept;
      if (result.migratedFrom === null) return { document: result.document, write: false };
      const backup = keepAside(file, `format-${result.migratedFrom}`, clock());
      say('migrated', `Your settings were updated to the current format.${backup === null ? '' : ` The old file was kept as ${backup}.`}`, backup);
      return { document: result.document, write: true };
    }
    const backup = keepAside(file, result.code === 'newer-version' ? 'newer' : 'corrupt', clock());
    const keptNote = backup === null ? 'It could not be copied aside.' : `It was kept as ${backup}.`;
    const good = lastGood();
    const { document, added } = mergeWallets(good ?? result.partial ?? emptyStoreDocument(), result.salvage);
    const restored =
      good === null
        ? result.partial === null
          ? `No earlier good copy exists: ${plural(added, 'wallet')} could be recovered from it and the other settings were reset to their defaults.`
          : `No earlier good copy exists: everything that could be read from it was kept (${plural(document.wallets.length, 'wallet')}) and the rest was reset to its defaults.`
        : `The last good copy was restored${added > 0 ? ` and ${plural(added, 'wallet')} found only in the damaged file ${added === 1 ? 'was' : 'were'} added back` : ''}.`;
    const details = result.details.length > 0 ? ` Details: ${result.details.slice(0, 5).join(' ')}` : '';
    say(result.code, `Your settings file could not be used: ${result.reason}. ${keptNote} ${restored}${details}`, backup);
    return { document, write: true };
  };

  const loaded = load();
  let document: StoreDocument = loaded.document;
  let closed = false;
  let lastStamp: FileStamp | null = stampOf(file);

  let conf: Conf<Record<string, unknown>> | null = null;
  try {
    fs.mkdirSync(options.dir, { recursive: true });
    // No schema here: validation is zod's (storeSchema). `clearInvalidConfig` only keeps conf from
    // throwing on the damaged file it may read before the first save replaces it.
    // 0600: the file holds the user's wallets and endpoints (which can carry API keys).
    conf = new Conf<Record<string, unknown>>({ cwd: options.dir, configName: name, clearInvalidConfig: true, configFileMode: 0o600 });
  } catch (error) {
    say('unwritable', `Your settings cannot be saved in ${options.dir} (${errorCode(error)}). Matryoshka works normally, but changes will be lost when it closes.`);
  }

  const save = (next: StoreDocument): void => {
    if (conf === null) return;
    try {
      const sealed = sealSecrets(next, options.encryptSecret, kept);
      if (typeof sealed !== 'object' || sealed === null) throw new TypeError('sealed document is not an object');
      conf.store = { ...sealed };
      lastStamp = stampOf(file);
      const temporary = `${lastGoodFile}.tmp-${process.pid}`;
      fs.copyFileSync(file, temporary);
      fs.renameSync(temporary, lastGoodFile);
    } catch (error) {
      say('write-failed', `Your latest changes could not be saved (${errorCode(error)}); they are kept until Matryoshka closes.`);
    }
  };

  /** Picks up what another writer saved since this store last read or wrote the file. */
  const refresh = (): void => {
    if (conf === null) return;
    const stamp = stampOf(file);
    if (stamp === null || sameStamp(stamp, lastStamp)) return;
    const reading = readFile(file);
    if (reading.kind !== 'text') return;
    const result = interpret(reading.text, options.decryptSecret);
    if (result.kind === 'ok') {
      document = result.document;
      kept = result.kept;
      lastStamp = stamp;
    }
  };

  if (loaded.write) save(document);

  /** A report as the store keeps it: plain data with bigints, made JSON by the codec (throws when it is not). */
  const reportForStore = (report: unknown): StoreDocument['lastReport'] => {
    const encoded: unknown = JSON.parse(JSON.stringify(encodeBigints(report)));
    return storeSchema.shape.lastReport.parse(encoded);
  };

  /** The history with `point` added and compacted (the cap and the clock of this store). */
  const withHistoryPoint = (history: readonly HistoryPoint[], point: HistoryPoint): HistoryPoint[] => {
    const now = Math.max(point.t, Math.floor(clock().getTime() / 1000));
    return compactHistory([...history, point], now, { maxPoints: historyMaxPoints });
  };

  const update = (mutator: (draft: StoreDocument) => StoreDocument | StoreDocumentInput | void): StoreDocument => {
    if (closed) throw new StoreError('closed', 'The store is closed.');
    refresh();
    const draft = structuredClone(document);
    const changed = mutator(draft) ?? draft;
    const parsed = storeSchema.safeParse(changed);
    if (!parsed.success) {
      throw new StoreError('invalid', `That change is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { cause: parsed.error });
    }
    document = parsed.data;
    save(document);
    return document;
  };

  return {
    path: file,
    get persistent() {
      return conf !== null;
    },
    get state() {
      if (!closed) refresh();
      return document;
    },
    get problems() {
      return [...problems];
    },
    get: () => {
      if (!closed) refresh();
      return document;
    },
    update,
    addWallet: (input) => {
      const parsed = walletSchema.safeParse({
        address: input.address,
        label: input.label,
        ensName: input.ensName,
        chains: input.chains === undefined ? undefined : [...input.chains],
        addedAt: clock().toISOString(),
      });
      if (!parsed.success) throw new StoreError('invalid', `That wallet is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { cause: parsed.error });
      const wallet = parsed.data;
      return update((draft) => {
        if (draft.wallets.some((known) => known.address === wallet.address)) {
          throw new StoreError('duplicate-wallet', `The wallet ${wallet.address} is already watched.`);
        }
        draft.wallets.push(wallet);
      });
    },
    removeWallet: (address) =>
      update((draft) => {
        draft.wallets = draft.wallets.filter((wallet) => wallet.address.toLowerCase() !== address.trim().toLowerCase());
      }),
    updateSettings: (mutator) =>
      update((draft) => {
        const next = settingsSchema.safeParse(mutator(structuredClone(draft.settings)));
        if (!next.success) throw new StoreError('invalid', `Those settings are not valid: ${next.error.issues[0]?.message ?? 'invalid'}`, { cause: next.error });
        draft.settings = next.data;
      }),
    saveReport: (report) => {
      const lastReport = reportForStore(report);
      update((draft) => ({ ...draft, lastReport }));
    },
    getLastReport: () => (document.lastReport === null ? null : decodeBigints<unknown>(document.lastReport)),
    getNotifyState: () => document.notify,
    setNotifyState: (state) => {
      const parsed = notifyStateSchema.parse(state);
      update((draft) => ({ ...draft, notify: parsed }));
    },
    appendHistory: (point) => {
      update((draft) => {
        draft.history = withHistoryPoint(draft.history, point);
      });
    },
    saveRefresh: (parts) => {
      if (closed) throw new StoreError('closed', 'The store is closed.');
      const rejected: RejectedRefreshPart[] = [];
      const checked = <T>(part: RefreshPart, check: () => T): T | undefined => {
        try {
          return check();
        } catch (error) {
          rejected.push({ part, reason: reasonOf(error) });
          return undefined;
        }
      };
      const { notifyState, report, historyPoint, scanCursors } = parts;
      const notify = notifyState === undefined ? undefined : checked('notifyState', () => notifyStateSchema.parse(notifyState));
      const lastReport = checked('report', () => reportForStore(report));
      const point = historyPoint === undefined ? undefined : checked('historyPoint', () => historyPointSchema.parse(historyPoint));
      const cursors = scanCursors === undefined ? undefined : checked('scanCursors', () => storeSchema.shape.scanCursors.parse(scanCursors));
      if (notify === undefined && lastReport === undefined && point === undefined && cursors === undefined) return { document, rejected };
      const saved = update((draft) => ({
        ...draft,
        ...(notify === undefined ? {} : { notify }),
        ...(lastReport === undefined ? {} : { lastReport }),
        ...(point === undefined ? {} : { history: withHistoryPoint(draft.history, point) }),
        ...(cursors === undefined ? {} : { scanCursors: cursors }),
      }));
      return { document: saved, rejected };
    },
    getHistory: () => document.history,
    close: () => {
      closed = true;
      conf = null;
    },
  };
}
