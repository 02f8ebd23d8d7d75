/**
 * The `channels` section of the CLI's JSON config file (node/cli/load-config.ts hands it over as
 * written). Same shape as the `channels` settings group (shared/settings/settings.ts), strict: an
 * unknown key is an error, so a typo never silently drops a channel. Error messages name the place
 * and the problem, never the value (a webhook URL or secret must not reach a terminal or a log).
 */
import { z } from 'zod';
import { MAX_WEBHOOKS, webhookConfigSchema, type WebhookConfig } from '../../shared/settings/settings';

const channelConfigSchema = z.strictObject({
  desktop: z.strictObject({ enabled: z.boolean() }).optional(),
  webhooks: z.array(webhookConfigSchema.strict()).max(MAX_WEBHOOKS).optional(),
});

export type ParseChannelConfigResult =
  | { readonly ok: true; readonly webhooks: WebhookConfig[]; /** `desktop.enabled` when the file says; null when it does not. */ readonly desktop: boolean | null }
  | { readonly ok: false; readonly error: string };

/** Validates the config file's `channels` section; absent (undefined or null) is no channel. */
export function parseChannelConfig(raw: unknown): ParseChannelConfigResult {
  if (raw === undefined || raw === null) return { ok: true, webhooks: [], desktop: null };
  const parsed = channelConfigSchema.safeParse(raw);
  if (!parsed.success) {
    // Zod's messages name the expectation (and, for unknown keys, the key), not the value given.
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `channels.${issue.path.map(String).join('.')}: ${issue.message}`.replace(/\.: /, ': '));
    return { ok: false, error: problems.join('; ') };
  }
  return { ok: true, webhooks: parsed.data.webhooks ?? [], desktop: parsed.data.desktop?.enabled ?? null };
}
