import { settingsSchema, type Settings } from '../settings/settings';
import type { SettingsPatch } from './settings-patch';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) out[key] = merge(base[key], value);
  }
  return out;
}

/**
 * Applies a parsed settings patch: objects are merged field by field at every depth, arrays are
 * replaced whole, and `rpcEndpoints` is merged per chain id (an empty list removes that chain's
 * endpoints). The result is checked against the settings schema (a patch cannot produce settings
 * the store would refuse); `settings` is not modified.
 */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const merged = settingsSchema.parse(merge(settings, patch));
  const rpcEndpoints = Object.fromEntries(Object.entries(merged.rpcEndpoints).filter(([, urls]) => urls.length > 0));
  return { ...merged, rpcEndpoints };
}
