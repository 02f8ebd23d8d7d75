/**
 * One compact point of portfolio history, as persisted with the store. Wei amounts are decimal
 * strings (JSON has no bigint); `t` is unix seconds.
 */
import { z } from 'zod';

/** Wei as a non-negative decimal string. */
const weiString = z.string().regex(/^\d{1,80}$/);

export const historyPointSchema = z.object({
  /** Unix seconds. */
  t: z.number().int().min(0),
  /** Total portfolio value at NAV, wei as a decimal string. */
  totalValueEth: weiString,
  /** The report's overall risk score. */
  riskScore: z.number(),
  /** Value by layer (`lrt`, `venue`, …) and by protocol (`ether.fi`, `EigenLayer`, …), wei strings. */
  exposure: z.object({
    layer: z.record(z.string(), weiString).default({}),
    protocol: z.record(z.string(), weiString).default({}),
  }).prefault({}),
  /** Number of warnings by severity. */
  warnings: z.object({
    info: z.number().int().min(0).default(0),
    warning: z.number().int().min(0).default(0),
    critical: z.number().int().min(0).default(0),
  }).prefault({}),
});

export type HistoryPoint = z.infer<typeof historyPointSchema>;
