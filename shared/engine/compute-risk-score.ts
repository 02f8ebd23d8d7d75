import type { RiskScore, RiskScoreComponent } from '../report';

export interface RiskScoreInputs {
  /** Worst-case slashable share of the portfolio. */
  readonly slashableShare: number;
  /** Largest Herfindahl index over protocols and operators. */
  readonly concentrationHhi: number;
  /** Share whose at-NAV exit takes longer than the user's horizon. */
  readonly beyondHorizonShare: number;
  /** Value-weighted market discount to NAV of held tokens (0.02 = 2 %). */
  readonly weightedDiscount: number;
  /** Discount at which the depeg component is full (the critical depeg threshold). */
  readonly depegCritical: number;
  /** Value-weighted stack depth. */
  readonly weightedDepth: number;
  /** Largest NAV drop of a held token since the previous report. */
  readonly maxNavDrop: number;
  /** NAV drop at which the NAV component is full (the critical NAV-drop threshold). */
  readonly navDropCritical: number;
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Written out for the user, matching docs/risk-model.md. */
export const RISK_SCORE_FORMULA =
  'score = 30 × slashable share + 20 × concentration (largest HHI of protocols and operators) + 20 × share beyond your exit horizon'
  + ' + 15 × min(1, value-weighted discount / critical depeg) + 10 × min(1, (stack depth − 1) / 6) + 5 × min(1, largest NAV drop / critical NAV drop),'
  + ' each part between 0 and 1, rounded to a whole number from 0 to 100.';

/**
 * The 0..100 risk score: a weighted sum of six parts, each clamped to [0, 1]
 * (weights 30, 20, 20, 15, 10, 5; see RISK_SCORE_FORMULA). Rounded to an integer.
 */
export function computeRiskScore(inputs: RiskScoreInputs): RiskScore {
  const parts: [string, string, number, number][] = [
    ['slashable', 'Worst-case slashable share', clamp01(inputs.slashableShare), 30],
    ['concentration', 'Concentration (largest HHI of protocols and operators)', clamp01(inputs.concentrationHhi), 20],
    ['exit', 'Share that cannot exit at NAV within your horizon', clamp01(inputs.beyondHorizonShare), 20],
    ['depeg', 'Market discount to NAV (relative to the critical threshold)', inputs.depegCritical > 0 ? clamp01(inputs.weightedDiscount / inputs.depegCritical) : 0, 15],
    ['nesting', 'Stack depth (layers between you and ETH)', clamp01((inputs.weightedDepth - 1) / 6), 10],
    ['nav-drop', 'Largest NAV drop (relative to the critical threshold)', inputs.navDropCritical > 0 ? clamp01(inputs.maxNavDrop / inputs.navDropCritical) : 0, 5],
  ];
  const components: RiskScoreComponent[] = parts.map(([key, label, value, weight]) => ({ key, label, value, weight, points: value * weight }));
  const score = Math.round(components.reduce((acc, c) => acc + c.points, 0));
  return { score: Math.min(100, Math.max(0, score)), components, formula: RISK_SCORE_FORMULA };
}
