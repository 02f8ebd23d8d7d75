import type { RiskReport, Share } from '../../shared/report';
import { safeText } from '../display/safe-text';
import { ethNumber } from '../eth-number';

export const EXPOSURE_DIMENSIONS = ['layer', 'protocol', 'venue', 'operator', 'avs'] as const;
export type ExposureDimension = (typeof EXPOSURE_DIMENSIONS)[number];

export interface ExposureChart {
  readonly labels: string[];
  readonly values: number[];
  readonly shares: readonly Share[];
}

/** Most slices a doughnut shows; the rest are summed into one "other" slice. */
const MAX_SLICES = 8;

/** Slices of the exposure doughnut for one dimension, labels made safe for display. */
export function exposureChart(report: RiskReport, dimension: ExposureDimension, otherLabel: string, labelOf: (share: Share) => string = (s) => s.label): ExposureChart {
  const shares = [...report.metrics.exposure[dimension]].filter((s) => s.valueEth > 0n).sort((a, b) => (b.valueEth > a.valueEth ? 1 : b.valueEth < a.valueEth ? -1 : a.key.localeCompare(b.key)));
  const head = shares.slice(0, MAX_SLICES);
  const tail = shares.slice(MAX_SLICES);
  const labels = head.map((s) => safeText(labelOf(s), 28));
  const values = head.map((s) => ethNumber(s.valueEth));
  if (tail.length > 0) {
    labels.push(otherLabel);
    values.push(ethNumber(tail.reduce((sum, s) => sum + s.valueEth, 0n)));
  }
  return { labels, values, shares };
}
