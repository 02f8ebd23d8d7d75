/**
 * The `--config FILE` of the CLI faces: thresholds, endpoints, eth_getLogs ranges and (for `watch`) notification and
 * refresh settings and notification channels, as JSON. Unknown keys are errors (a typo must not
 * silently fall back to a default threshold).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { logBlockRangeSchema, notificationSettingsSchema, refreshPolicySchema, type NotificationSettings, type RefreshPolicy } from '../../shared/settings/settings';
import { thresholdsSchema, type Thresholds } from '../../shared/settings/thresholds';

const configSchema = z.strictObject({
  thresholds: z.record(z.string(), z.unknown()).optional(),
  rpc: z.record(z.string().regex(/^[1-9][0-9]*$/, 'chain id'), z.array(z.url()).min(1)).optional(),
  chains: z.array(z.number().int().positive()).min(1).optional(),
  /** watch: notification preferences (shared/settings/settings.ts `notificationSettingsSchema`). */
  notifications: z.record(z.string(), z.unknown()).optional(),
  /** watch: refresh policy (shared/settings/settings.ts `refreshPolicySchema`). */
  refresh: z.record(z.string(), z.unknown()).optional(),
  /** Largest eth_getLogs block range per chain id (shared/settings/settings.ts `logBlockRange`). */
  logBlockRange: z.record(z.string().regex(/^[1-9][0-9]*$/, 'chain id'), logBlockRangeSchema).optional(),
  /** watch: notification channels, checked by the channel code (node/channels). */
  channels: z.unknown().optional(),
});

export interface CliConfig {
  /** Every threshold: the file's, defaults for the rest (what the scan uses). */
  readonly thresholds: Thresholds;
  /** Only the thresholds the file sets (what the watch writes over the data dir's settings). */
  readonly thresholdOverrides: Partial<Thresholds>;
  readonly notifications: Partial<NotificationSettings>;
  readonly refresh: Partial<RefreshPolicy>;
  /** The `channels` section as written (undefined when absent). */
  readonly channels: unknown;
  readonly rpc: ReadonlyMap<number, readonly string[]>;
  readonly chains: readonly number[] | null;
  /** The file's eth_getLogs block range per chain (empty: not set). */
  readonly logBlockRange: ReadonlyMap<number, number>;
}

export type LoadConfigResult = { readonly ok: true; readonly config: CliConfig } | { readonly ok: false; readonly error: string };

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Validates a settings group strictly (defaults fill the gaps) and keeps only the keys given. */
function givenKeys<T extends Record<string, unknown>>(schema: z.ZodObject, raw: Record<string, unknown>): { ok: true; value: Partial<T> } | { ok: false; error: string } {
  const parsed = schema.strict().safeParse(raw);
  if (!parsed.success) return { ok: false, error: issues(parsed.error) };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) out[key] = (parsed.data as Record<string, unknown>)[key]; // a parsed z.object is a plain record
  return { ok: true, value: out as Partial<T> }; // every key is one of the schema's, with the schema's type
}

/** The defaults, as when no config file is given. */
function defaults(): CliConfig {
  return { thresholds: thresholdsSchema.parse({}), thresholdOverrides: {}, notifications: {}, refresh: {}, channels: undefined, rpc: new Map(), chains: null, logBlockRange: new Map() };
}

/** Reads and validates a config file; `path` null gives the defaults. */
export function loadConfig(path: string | null): LoadConfigResult {
  if (path === null) return { ok: true, config: defaults() };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, error: `cannot read config ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `config ${path}: ${issues(parsed.error)}` };
  const thresholds = thresholdsSchema.strict().safeParse(parsed.data.thresholds ?? {});
  if (!thresholds.success) return { ok: false, error: `config ${path}: thresholds: ${issues(thresholds.error)}` };
  const thresholdOverrides = givenKeys<Thresholds>(thresholdsSchema, parsed.data.thresholds ?? {});
  if (!thresholdOverrides.ok) return { ok: false, error: `config ${path}: thresholds: ${thresholdOverrides.error}` };
  const notifications = givenKeys<NotificationSettings>(notificationSettingsSchema, parsed.data.notifications ?? {});
  if (!notifications.ok) return { ok: false, error: `config ${path}: notifications: ${notifications.error}` };
  const refresh = givenKeys<RefreshPolicy>(refreshPolicySchema, parsed.data.refresh ?? {});
  if (!refresh.ok) return { ok: false, error: `config ${path}: refresh: ${refresh.error}` };
  const rpc = new Map<number, string[]>();
  for (const [id, urls] of Object.entries(parsed.data.rpc ?? {})) rpc.set(Number(id), urls);
  const logBlockRange = new Map(Object.entries(parsed.data.logBlockRange ?? {}).map(([id, blocks]) => [Number(id), blocks] as const));
  return {
    ok: true,
    config: {
      thresholds: thresholds.data, thresholdOverrides: thresholdOverrides.value, notifications: notifications.value, refresh: refresh.value,
      channels: parsed.data.channels, rpc, chains: parsed.data.chains ?? null, logBlockRange,
    },
  };
}
