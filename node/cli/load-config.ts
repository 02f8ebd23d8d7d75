/**
 * The `--config FILE` of the CLI faces: thresholds and endpoints as JSON. Unknown keys are errors
 * (a typo must not silently fall back to a default threshold).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { thresholdsSchema, type Thresholds } from '../../shared/settings/thresholds';

const configSchema = z.strictObject({
  thresholds: z.record(z.string(), z.unknown()).optional(),
  rpc: z.record(z.string().regex(/^[1-9][0-9]*$/, 'chain id'), z.array(z.url()).min(1)).optional(),
  chains: z.array(z.number().int().positive()).min(1).optional(),
});

export interface CliConfig {
  readonly thresholds: Thresholds;
  readonly rpc: ReadonlyMap<number, readonly string[]>;
  readonly chains: readonly number[] | null;
}

export type LoadConfigResult = { readonly ok: true; readonly config: CliConfig } | { readonly ok: false; readonly error: string };

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Reads and validates a config file; `path` null gives the defaults. */
export function loadConfig(path: string | null): LoadConfigResult {
  if (path === null) return { ok: true, config: { thresholds: thresholdsSchema.parse({}), rpc: new Map(), chains: null } };
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
  const rpc = new Map<number, string[]>();
  for (const [id, urls] of Object.entries(parsed.data.rpc ?? {})) rpc.set(Number(id), urls);
  return { ok: true, config: { thresholds: thresholds.data, rpc, chains: parsed.data.chains ?? null } };
}
