import { z } from 'zod';

/** A fraction in [0, 1]. */
const fraction = z.number().min(0).max(1);
/** A non-negative plain number. */
const nonNegative = z.number().min(0);

/**
 * Risk thresholds used by the engine to raise warnings and run stress tests.
 * Every field has a default; docs/risk-model.md justifies each default.
 * Fractions are plain numbers (0.01 = 1 %), never bigint.
 */
export const thresholdsSchema = z.object({
  /** Market price below NAV by more than this fraction: warning. */
  depegWarning: fraction.default(0.01),
  /** Market price below NAV by more than this fraction: critical. */
  depegCritical: fraction.default(0.03),
  /** NAV rate fell by more than this fraction since the previous report: warning. */
  navDropWarning: fraction.default(0.001),
  /** NAV rate fell by more than this fraction since the previous report: critical. */
  navDropCritical: fraction.default(0.01),
  /** Largest single LRT protocol's share of the portfolio above this: warning. */
  concentrationProtocolTopShare: fraction.default(0.6),
  /** Largest single restaking venue's share of the portfolio above this: warning. */
  concentrationVenueTopShare: fraction.default(0.8),
  /** Largest single operator's share of the portfolio above this: warning. */
  concentrationOperatorTopShare: fraction.default(0.33),
  /** Largest single AVS's share of the portfolio (slashable exposure) above this: warning. */
  concentrationAvsTopShare: fraction.default(0.33),
  /** Herfindahl index (0..1) of a dimension above this: warning (0.25 = highly concentrated). */
  hhiWarning: fraction.default(0.25),
  /** Worst-case slashable share of the portfolio above this: warning. */
  slashableShareWarning: fraction.default(0.25),
  /** Worst-case slashable share of the portfolio above this: critical. */
  slashableShareCritical: fraction.default(0.5),
  /** An operator's max magnitude cut below 1e18 (slashed) by at least this fraction: critical (any cut at all is a warning). */
  operatorMaxMagnitudeCut: fraction.default(0.05),
  /** An operator's max magnitude below this fraction of 1e18: operator-tiny-magnitude warning. */
  operatorTinyMagnitude: fraction.default(0.001),
  /** Share of delegated value that is only nominally delegated (unallocated) at or above this: info. */
  nominalShareWarning: fraction.default(0.9),
  /** An operator with allocations to more than this many operator sets: warning. */
  leverageSetsWarning: nonNegative.default(5),
  /** An operator's sum of allocated magnitudes over its max magnitude (0..1, per strategy, the largest) at or above this: warning. */
  leverageMagnitudeSumWarning: nonNegative.default(0.9),
  /** The user's exit horizon in days. */
  exitHorizonDays: nonNegative.default(7),
  /** Share of the portfolio that cannot exit at NAV within the horizon above this: warning. */
  exitMismatchShare: fraction.default(0.5),
  /** A chain whose latest block is older than this many seconds: stale-data warning. */
  staleDataSeconds: nonNegative.default(600),
  /** Stress test: every LRT's market price falls by this percent. */
  stressDepegPercent: z.number().min(0).max(100).default(10),
  /** Stress test: every operator is slashed by this percent of all its allocations. */
  stressSlashPercent: z.number().min(0).max(100).default(30),
  /** Share of the portfolio locked (pending withdrawals, paused redemptions) above this: warning (issue 10). */
  lockedShareWarning: fraction.default(0.5),
  /**
   * Hysteresis for notifications: a warning clears only when the value is back below
   * threshold * (1 - hysteresisFraction), so values hovering at the line do not flap.
   */
  hysteresisFraction: fraction.default(0.1),
});

/** Parsed, complete thresholds. */
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** The defaults (every field at its documented default). */
export const defaultThresholds: Thresholds = thresholdsSchema.parse({});
