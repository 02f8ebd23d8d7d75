import { SEVERITY_RANK, type Severity } from '../shared/report';

/** What the tray icon shows, worst first. */
export const TRAY_LEVELS = ['critical', 'warning', 'info', 'ok', 'unknown', 'paused'] as const;
export type TrayLevel = (typeof TRAY_LEVELS)[number];

export interface TrayStateInput {
  /** Severities of the current report's warnings; null before the first report. */
  readonly severities: readonly Severity[] | null;
  readonly paused: boolean;
}

export interface TrayState {
  readonly level: TrayLevel;
  readonly tooltip: string;
}


/** The tray's icon level and tooltip: the worst current severity, or paused / no report yet. */
export function trayState(input: TrayStateInput): TrayState {
  if (input.paused) return { level: 'paused', tooltip: 'Matryoshka: monitoring paused' };
  if (input.severities === null) return { level: 'unknown', tooltip: 'Matryoshka: waiting for the first report' };
  let worst: Severity | null = null;
  for (const severity of input.severities) if (worst === null || SEVERITY_RANK[severity] > SEVERITY_RANK[worst]) worst = severity;
  if (worst === null) return { level: 'ok', tooltip: 'Matryoshka: no warnings' };
  const count = input.severities.filter((s) => s === worst).length;
  const noun = worst === 'info' ? 'notice' : worst;
  return { level: worst, tooltip: `Matryoshka: ${count} ${noun}${count === 1 ? '' : 's'}` };
}
