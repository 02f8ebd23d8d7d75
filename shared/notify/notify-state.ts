/**
 * What the notifier remembers between refreshes and across restarts: the warnings it considers
 * active (with their hysteresis counters), when it last notified each warning id, and the ids held
 * back by quiet hours. Plain JSON: times are unix seconds as decimal strings, never bigint, so the
 * state can be persisted with the store as it is.
 */
import { z } from 'zod';
import { SEVERITIES } from '../report';
import type { Warning } from '../report';

/** Unix seconds as a decimal string (JSON has no bigint). */
const unixSeconds = z.string().regex(/^\d{1,20}$/);

/** A warning as the engine reported it (shared/report.ts `Warning`), checked when read back from disk. */
export const storedWarningSchema = z.object({
  id: z.string().min(1),
  kind: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  subject: z.string(),
  value: z.union([z.string(), z.number(), z.null()]),
  threshold: z.union([z.string(), z.number(), z.null()]),
  explanation: z.string(),
  action: z.string(),
  /** The text in catalog form (shared/i18n); absent in state written before it existed. */
  message: z.object({
    key: z.string().max(100),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }).exactOptional(),
}) satisfies z.ZodType<Warning>;

/** One warning the notifier considers active. */
export const activeWarningSchema = z.object({
  /** The warning as last confirmed at its current (tracked) severity. */
  warning: storedWarningSchema,
  /** When it was first reported (unix seconds). */
  since: unixSeconds,
  /** Consecutive refreshes that counted towards a de-escalation or resolution. */
  streak: z.number().int().min(0),
  /** The worst lower-severity observation during the streak; null while the warning was absent for the whole streak. */
  pending: storedWarningSchema.nullable(),
});

/** The last notification about one warning id, for the cooldown. */
export const notifiedSchema = z.object({
  at: unixSeconds,
  severity: z.enum(SEVERITIES),
});

/** The notifier's persisted state. */
export const notifyStateSchema = z.object({
  version: z.literal(1).default(1),
  active: z.record(z.string(), activeWarningSchema).default({}),
  notified: z.record(z.string(), notifiedSchema).default({}),
  /** Warning ids whose notification quiet hours held back; delivered once quiet hours end if still active. */
  held: z.array(z.string()).default([]),
});

export type NotifyState = z.infer<typeof notifyStateSchema>;
export type ActiveWarning = z.infer<typeof activeWarningSchema>;

/** The state before the first refresh: nothing active, nothing said. */
export const emptyNotifyState: NotifyState = { version: 1, active: {}, notified: {}, held: [] };
