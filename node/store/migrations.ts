/**
 * Numbered migrations of the persisted document. Each one names the version it reads, checks the
 * document against a schema of that old shape, and returns the next version's raw document;
 * `storeSchema` (shared/settings/settings.ts) validates the final result. Add a migration for
 * every change of the document's shape and bump `STORE_VERSION`.
 */
import { z } from 'zod';
import { STORE_VERSION } from '../../shared/settings/settings';

export interface StoreMigration {
  /** The version this migration reads; it writes `from + 1`. */
  readonly from: number;
  /** The old shape; a document that does not match it cannot be migrated. */
  readonly schema: z.ZodType<Record<string, unknown>>;
  readonly migrate: (old: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Version 0: the first preview builds. No `version` field; wallets had `ens` instead of `ensName`
 * and no per-wallet chains (mainnet only); user RPC endpoints lived in `settings.rpcUrls`.
 */
const v0Schema = z.looseObject({
  version: z.literal(0).optional(),
  wallets: z
    .array(
      z.looseObject({
        address: z.string(),
        label: z.string().optional(),
        ens: z.string().nullable().optional(),
        addedAt: z.string(),
      }),
    )
    .default([]),
  settings: z.looseObject({ rpcUrls: z.record(z.string(), z.array(z.unknown())).optional() }).optional(),
});

export const storeMigrations: readonly StoreMigration[] = [
  {
    from: 0,
    schema: v0Schema,
    migrate: (raw) => {
      const old = v0Schema.parse(raw);
      const { rpcUrls, ...settings } = old.settings ?? {};
      return {
        ...old,
        version: 1,
        wallets: old.wallets.map(({ ens, ...wallet }) => ({ ...wallet, label: wallet.label ?? '', ensName: ens ?? null, chains: [1] })),
        settings: rpcUrls === undefined ? settings : { ...settings, rpcEndpoints: rpcUrls },
      };
    },
  },
];

export type MigrateResult =
  | { readonly kind: 'current'; readonly value: unknown }
  | { readonly kind: 'migrated'; readonly value: unknown; readonly from: number }
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'failed'; readonly from: number; readonly reason: string };

/** The document's version: `version` when it is a non-negative integer, 0 when absent. */
function versionOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const version: unknown = Reflect.get(raw, 'version');
  if (version === undefined) return 0;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

/** Brings a raw document up to `STORE_VERSION` through `migrations`. */
export function migrateDocument(raw: unknown, migrations: readonly StoreMigration[] = storeMigrations): MigrateResult {
  const start = versionOf(raw);
  if (start === null) return { kind: 'failed', from: -1, reason: 'the file holds no settings document with a known format version' };
  if (start === STORE_VERSION) return { kind: 'current', value: raw };
  if (start > STORE_VERSION) return { kind: 'newer', version: start };
  let value: unknown = raw;
  for (let version = start; version < STORE_VERSION; version += 1) {
    const step = migrations.find((migration) => migration.from === version);
    if (step === undefined) return { kind: 'failed', from: start, reason: `no migration from format ${version}` };
    const old = step.schema.safeParse(value);
    if (!old.success) return { kind: 'failed', from: start, reason: `it does not match format ${version}: ${old.error.issues[0]?.message ?? 'invalid'}` };
    value = step.migrate(old.data);
  }
  return { kind: 'migrated', value, from: start };
}
