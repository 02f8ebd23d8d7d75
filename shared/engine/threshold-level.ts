import type { Severity } from '../report';

export interface LevelRule {
  readonly value: number;
  readonly warning: number;
  /** null when the rule has no critical level. */
  readonly critical: number | null;
  /** Fraction of a threshold by which the value must fall back before an active warning clears. */
  readonly hysteresis: number;
  /** The severity this warning had in the previous report, if it was active. */
  readonly previous: Severity | null;
}

/**
 * The level a value reaches against warning and critical thresholds (at or above counts), with
 * hysteresis: a level that was active in the previous report holds while the value stays at or
 * above threshold × (1 − hysteresis). Returns the level and the threshold it is judged against.
 */
export function thresholdLevel(rule: LevelRule): { readonly severity: 'warning' | 'critical'; readonly threshold: number } | null {
  const keep = 1 - rule.hysteresis;
  const wasCritical = rule.previous === 'critical';
  const wasActive = rule.previous !== null;
  if (rule.critical !== null && (rule.value >= rule.critical || (wasCritical && rule.value >= rule.critical * keep))) {
    return { severity: 'critical', threshold: rule.critical };
  }
  if (rule.value >= rule.warning || (wasActive && rule.value >= rule.warning * keep)) {
    return { severity: 'warning', threshold: rule.warning };
  }
  return null;
}
