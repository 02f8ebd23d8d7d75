import { z } from 'zod';
import { settingsSchema, type Settings } from '../settings/settings';

/** Any subset of `T`, at any depth of nested objects (arrays and records are replaced whole). */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A change to the settings: any subset of the fields, at any depth. */
export type SettingsPatch = DeepPartial<Settings>;

/** The schema a field wraps in a `.default()` or `.prefault()`, or the field itself. */
function withoutDefault(field: z.core.$ZodType): z.core.$ZodType {
  if (field instanceof z.ZodDefault || field instanceof z.ZodPrefault) return withoutDefault(field.def.innerType);
  return field;
}

/**
 * A strict schema accepting any subset of `object`'s fields; nested objects become patches too.
 * Defaults are removed, so a field the patch leaves out stays out (`.partial()` alone would fill
 * in the defaults and silently reset the user's other settings).
 */
function patchOf(object: z.ZodObject): z.ZodObject {
  const shape: Record<string, z.core.$ZodType> = {};
  for (const [key, field] of Object.entries(object.shape)) {
    const inner = withoutDefault(field);
    shape[key] = z.optional(inner instanceof z.ZodObject ? patchOf(inner) : inner);
  }
  return z.strictObject(shape);
}

/**
 * The schema of a settings change. Unknown keys are rejected at every level, so a typo never
 * silently does nothing; every value present is checked by the settings schema's own rules.
 */
// Built field by field from settingsSchema's own shape: exactly the deep partial of its output.
export const settingsPatchSchema = patchOf(settingsSchema) as unknown as z.ZodType<SettingsPatch>;
