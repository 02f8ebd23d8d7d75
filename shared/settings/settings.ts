/**
 * The persisted document: wallets, settings, the notifier's memory, the last report and the
 * history. Every field has a default, so `storeSchema.parse({ version: 1 })` is a complete, valid
 * document. Built-in RPC endpoints come from shared/registry/chains.ts and are never stored: only
 * the user's own endpoints are.
 *
 * New settings groups (like `channels`, issue 11) are added as new keys of `settingsSchema` with a
 * default, so documents written before them still parse.
 */
import { getAddress, isAddress } from 'viem';
import type { Address } from 'viem';
import { z } from 'zod';
import { SEVERITIES } from '../report';
import { chains } from '../registry/chains';
import { historyPointSchema } from '../history/history-point';
import { emptyNotifyState, notifyStateSchema } from '../notify/notify-state';
import { thresholdsSchema } from './thresholds';

/** The document version this code writes. node/store migrates older documents up to it. */
export const STORE_VERSION = 1;

/** Every chain the registry knows, in registry order. */
const allChainIds: number[] = chains.map((chain) => chain.id);

/** An EVM address: checksummed, all-lowercase or all-uppercase hex; stored checksummed. */
export const addressSchema = z
  .string()
  .trim()
  .refine((value) => isAddress(value), { message: 'not a valid address (wrong length, characters or checksum)' })
  .transform((value): Address => getAddress(value));

const chainIdSchema = z.number().int().positive().max(2 ** 32);

/** An RPC endpoint the user typed: http(s) or ws(s) only. Such URLs may carry API keys. */
export const rpcUrlSchema = z.url({ protocol: /^(https?|wss?)$/ }).max(2048);

/** One watched wallet. */
export const walletSchema = z.object({
  address: addressSchema,
  label: z.string().max(100).default(''),
  ensName: z.string().min(1).max(255).nullable().default(null),
  /** Chains this wallet is read on. */
  chains: z.array(chainIdSchema).max(64).default(allChainIds),
  addedAt: z.iso.datetime({ offset: true }),
});

/** How often the monitor refreshes. */
export const refreshPolicySchema = z.object({
  /** How often each chain's block number is polled (about one mainnet block). */
  pollIntervalSeconds: z.number().int().min(1).max(3600).default(12),
  /** Never refresh more often than this, however many blocks arrive. */
  minRefreshIntervalSeconds: z.number().int().min(1).max(86_400).default(12),
  /** Upper bound of the exponential backoff after repeated refresh failures. */
  backoffMaxSeconds: z.number().int().min(1).max(86_400).default(300),
});

/** `HH:MM`, 24-hour local time. */
const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (00:00 to 23:59)');

export const quietHoursSchema = z.object({
  enabled: z.boolean().default(false),
  /** Local time quiet hours start; may be later than `end` (the window then spans midnight). */
  start: clockTimeSchema.default('22:00'),
  /** Local time quiet hours end (exclusive). */
  end: clockTimeSchema.default('07:00'),
});

/** Notification preferences; see shared/notify/diff-reports.ts for how each one acts. */
export const notificationSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Warnings below this severity are recorded as events but not notified. */
  minimumSeverity: z.enum(SEVERITIES).default('warning'),
  quietHours: quietHoursSchema.prefault({}),
  /** Critical notifications are shown during quiet hours too (money may be at stake). */
  criticalBypassesQuietHours: z.boolean().default(true),
  /** Warning kinds (`Warning.kind`) that never notify. */
  mutedKinds: z.array(z.string().min(1).max(100)).max(200).default([]),
  /** No second notification for the same warning id within this many seconds, unless it got worse. */
  cooldownSeconds: z.number().int().min(0).max(30 * 86_400).default(3600),
  /** A warning counts as resolved (or de-escalated) only after this many consecutive refreshes without it. */
  hysteresisRefreshes: z.number().int().min(1).max(100).default(2),
  /** More notifications than this due at once make one summary notification. */
  groupThreshold: z.number().int().min(1).max(100).default(3),
  /** Also notify when a notified warning is resolved. */
  notifyOnResolve: z.boolean().default(false),
});

/** Ready-made webhook bodies: our own JSON, ntfy, Discord and Slack incoming webhooks (docs/alerts.md). */
export const WEBHOOK_FORMATS = ['json', 'ntfy', 'discord', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** At most this many webhooks (each one is a POST per notification). */
export const MAX_WEBHOOKS = 10;

/**
 * One webhook channel. The URL may carry a token (Discord, Slack, ntfy topics are secrets) and
 * `secret` is the HMAC-SHA256 key of the `X-Matryoshka-Signature` header: the desktop app seals
 * both with the system keychain (node/store/secrets.ts) and no log line shows either.
 */
export const webhookConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  format: z.enum(WEBHOOK_FORMATS).default('json'),
  secret: z.string().min(1).max(1024).nullable().default(null),
  /** Only notifications at least this severe go to this webhook (on top of `notifications.minimumSeverity`); null: all. */
  minimumSeverity: z.enum(SEVERITIES).nullable().default(null),
});

/** Where notifications go besides the app's own window (issue 11). */
export const channelSettingsSchema = z.object({
  /** The desktop notification (Electron's notifier in the app; the freedesktop service over D-Bus for `watch`). */
  desktop: z.object({ enabled: z.boolean().default(true) }).prefault({}),
  webhooks: z.array(webhookConfigSchema).max(MAX_WEBHOOKS).default([]),
});

/**
 * The largest eth_getLogs block range asked of an endpoint (the ether.fi redemption scan, issue 10).
 * 2,000 blocks: public endpoints commonly cap a range at a few thousand blocks (some at 10,000, Alchemy's
 * free tier at 10 and Infura by result count); a range an endpoint refuses is halved on the spot and the
 * smaller one is remembered for the session (docs/reliability.md). Up to 1,000,000: a whole first scan.
 */
export const DEFAULT_LOG_BLOCK_RANGE = 2_000;
export const MIN_LOG_BLOCK_RANGE = 1;
export const MAX_LOG_BLOCK_RANGE = 1_000_000;
export const logBlockRangeSchema = z.number().int().min(MIN_LOG_BLOCK_RANGE).max(MAX_LOG_BLOCK_RANGE);

/** The eth_getLogs range for `chainId`: the user's, else DEFAULT_LOG_BLOCK_RANGE. */
export function logBlockRangeFor(settings: Pick<Settings, 'logBlockRange'>, chainId: number): number {
  return settings.logBlockRange[String(chainId)] ?? DEFAULT_LOG_BLOCK_RANGE;
}

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Whether `lang` is one of the languages with a catalog. */
export const isLanguage = (lang: string): lang is Language => (LANGUAGES as readonly string[]).includes(lang);

/** The user's settings. */
export const settingsSchema = z.object({
  /** The user's own RPC endpoints per chain id (decimal string key), tried before the built-in ones. */
  rpcEndpoints: z.record(z.string().regex(/^[1-9]\d{0,9}$/), z.array(rpcUrlSchema).max(10)).default({}),
  /** Chains the monitor reads. */
  enabledChains: z.array(chainIdSchema).max(64).default(allChainIds),
  refresh: refreshPolicySchema.prefault({}),
  thresholds: thresholdsSchema.prefault({}),
  notifications: notificationSettingsSchema.prefault({}),
  language: z.enum(LANGUAGES).default('en'),
  /** Closing the window keeps monitoring in the tray. */
  closeToTray: z.boolean().default(true),
  launchAtLogin: z.boolean().default(false),
  channels: channelSettingsSchema.prefault({}),
  /** Largest eth_getLogs block range per chain id (decimal string key); a chain left out uses DEFAULT_LOG_BLOCK_RANGE. */
  logBlockRange: z.record(z.string().regex(/^[1-9]\d{0,9}$/), logBlockRangeSchema).default({}),
});

const decimal = z.string().regex(/^(0|[1-9][0-9]*)$/);
const hexAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/).transform((a) => a as `0x${string}`); // shape checked by the regex
/** Where an incremental event scan got to (shared/redemption.ts ScanCursor), persisted between refreshes. */
export const scanCursorSchema = z.object({
  chainId: z.number().int().positive(),
  contract: hexAddress,
  wallets: z.array(hexAddress),
  fromBlock: decimal,
  scannedTo: decimal,
  scannedToHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/).transform((h) => h as `0x${string}`), // shape checked by the regex
  seen: z.array(z.object({ wallet: hexAddress, tokenId: decimal, block: decimal, minted: z.boolean() })),
});

/** The whole persisted document. Wallet addresses are unique. */
export const storeSchema = z.object({
  version: z.literal(STORE_VERSION),
  wallets: z
    .array(walletSchema)
    .max(10_000)
    .default([])
    .refine((wallets) => new Set(wallets.map((wallet) => wallet.address)).size === wallets.length, {
      message: 'the same wallet address is listed twice',
    }),
  settings: settingsSchema.prefault({}),
  notify: notifyStateSchema.prefault({}),
  /** The last report, bigints encoded as by shared/ipc/codec.ts; null before the first refresh. */
  lastReport: z.json().nullable().default(null),
  history: z.array(historyPointSchema).default([]),
  /** Redemption log-scan cursors (issue 10); losing them only means the next scan starts over. */
  scanCursors: z.array(scanCursorSchema).default([]),
});

export type Wallet = z.infer<typeof walletSchema>;
export type RefreshPolicy = z.infer<typeof refreshPolicySchema>;
export type QuietHours = z.infer<typeof quietHoursSchema>;
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type StoreDocument = z.infer<typeof storeSchema>;
/** What `storeSchema` accepts: addresses in any valid case, defaults left out. */
export type StoreDocumentInput = z.input<typeof storeSchema>;

/** Fresh-install settings. */
export const defaultSettings: Settings = settingsSchema.parse({});

/** A fresh document: no wallets, default settings, nothing remembered. */
export function emptyStoreDocument(): StoreDocument {
  return storeSchema.parse({ version: STORE_VERSION, notify: emptyNotifyState });
}

export interface ParseStoreResult {
  /** True when `raw` was a complete, valid current-version document. */
  readonly ok: boolean;
  /** Always a valid document: what could be read, defaults for the rest. */
  readonly value: StoreDocument;
  /** What could not be read, in plain words; empty when `ok`. */
  readonly problems: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * Reads each field of `shape` on its own: a field that fails falls back to its default and is named
 * in `problems`, so one bad setting never costs the others.
 */
function salvageFields(shape: Record<string, z.ZodType>, raw: unknown, label: string, problems: string[]): Record<string, unknown> {
  const source = isRecord(raw) ? raw : {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const parsed = field.safeParse(source[key]);
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      problems.push(`The setting "${label}${key}" could not be read (${firstIssue(parsed.error)}) and was reset to its default.`);
    }
  }
  return out;
}

/** Settings, salvaged field by field (and inside the refresh, threshold and notification groups). */
function salvageSettings(raw: unknown, problems: string[]): Settings {
  const whole = settingsSchema.safeParse(raw ?? {});
  if (whole.success) return whole.data;
  if (!isRecord(raw)) {
    problems.push('The settings could not be read and were reset to their defaults.');
    return defaultSettings;
  }
  const nested: Record<string, z.ZodObject> = {
    refresh: refreshPolicySchema,
    thresholds: thresholdsSchema,
    notifications: notificationSettingsSchema,
    channels: channelSettingsSchema,
  };
  const top: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    if (!(key in nested)) top[key] = field;
  }
  const out = salvageFields(top, raw, '', problems);
  for (const [key, group] of Object.entries(nested)) {
    const inner = raw[key];
    const groupParsed = group.safeParse(inner ?? {});
    if (groupParsed.success) {
      out[key] = groupParsed.data;
    } else {
      const fields: Record<string, z.ZodType> = group.shape;
      out[key] = salvageFields(fields, inner, `${key}.`, problems);
    }
  }
  // Every field above either parsed or was left out to take its default, so this cannot fail.
  return settingsSchema.parse(out);
}

function describeWallet(raw: unknown, index: number): string {
  if (isRecord(raw) && typeof raw['address'] === 'string') return `The wallet ${raw['address'].slice(0, 64)}`;
  return `Wallet number ${index + 1}`;
}

/**
 * Parses a persisted document, salvaging what is valid: each wallet, each setting, the notifier's
 * memory, the last report and each history point are read on their own, so a broken setting never
 * costs a wallet. Duplicate wallets keep their first entry. The version must be the current one
 * (node/store migrates older documents before calling this); any other version is a problem, but
 * whatever parses is still returned.
 *
 * @param raw - The document as read from JSON (secrets already decrypted).
 * @returns `value` is always a complete, valid document; `ok` is true only when nothing was lost.
 */
export function parseStore(raw: unknown): ParseStoreResult {
  const whole = storeSchema.safeParse(raw);
  if (whole.success) return { ok: true, value: whole.data, problems: [] };

  const problems: string[] = [];
  if (!isRecord(raw)) {
    return { ok: false, value: emptyStoreDocument(), problems: ['The settings file does not hold a settings document; starting from defaults.'] };
  }
  const version = raw['version'];
  if (version !== STORE_VERSION) {
    problems.push(
      typeof version === 'number' && version > STORE_VERSION
        ? `The settings file was written by a newer version of Matryoshka (format ${version}); this version reads format ${STORE_VERSION}.`
        : `The settings file has an unknown format version (${JSON.stringify(version)?.slice(0, 40) ?? 'none'}).`,
    );
  }

  const wallets: Wallet[] = [];
  const rawWallets = raw['wallets'];
  if (rawWallets !== undefined && !Array.isArray(rawWallets)) {
    problems.push('The wallet list could not be read.');
  } else {
    (rawWallets ?? []).forEach((item: unknown, index: number) => {
      const parsed = walletSchema.safeParse(item);
      if (!parsed.success) {
        problems.push(`${describeWallet(item, index)} could not be read (${firstIssue(parsed.error)}) and was left out.`);
      } else if (wallets.some((wallet) => wallet.address === parsed.data.address)) {
        problems.push(`The wallet ${parsed.data.address} was listed twice; the first entry was kept.`);
      } else {
        wallets.push(parsed.data);
      }
    });
  }

  const settings = salvageSettings(raw['settings'], problems);

  let notify = emptyNotifyState;
  const parsedNotify = notifyStateSchema.safeParse(raw['notify'] ?? {});
  if (parsedNotify.success) notify = parsedNotify.data;
  else problems.push('The record of notifications already shown could not be read; current warnings may be announced again.');

  let lastReport: StoreDocument['lastReport'] = null;
  const parsedReport = storeSchema.shape.lastReport.safeParse(raw['lastReport']);
  if (parsedReport.success) lastReport = parsedReport.data;
  else problems.push('The last report could not be read; it will be rebuilt on the next refresh.');

  const history: StoreDocument['history'] = [];
  const rawHistory = raw['history'];
  let dropped = 0;
  if (Array.isArray(rawHistory)) {
    for (const point of rawHistory) {
      const parsed = historyPointSchema.safeParse(point);
      if (parsed.success) history.push(parsed.data);
      else dropped += 1;
    }
  } else if (rawHistory !== undefined) {
    problems.push('The history could not be read and starts again.');
  }
  if (dropped > 0) problems.push(`${dropped} history point${dropped === 1 ? '' : 's'} could not be read and ${dropped === 1 ? 'was' : 'were'} dropped.`);

  const parsedCursors = storeSchema.shape.scanCursors.safeParse(raw['scanCursors'] ?? []);
  const scanCursors = parsedCursors.success ? parsedCursors.data : [];
  if (!parsedCursors.success) problems.push('The redemption scan position could not be read; the next scan starts over.');

  const value = storeSchema.parse({ version: STORE_VERSION, wallets, settings, notify, lastReport, history, scanCursors });
  if (problems.length === 0) problems.push(`The settings file could not be read as a whole (${firstIssue(whole.error)}).`);
  return { ok: false, value, problems };
}
