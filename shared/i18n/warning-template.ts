/**
 * The shape of a language's warning templates, and the formatting they share. Formatting is plain
 * arithmetic, no Intl: the engine renders English with it on every refresh, and the output must be
 * the same on every machine.
 */
import type { WarningKey, WarningParams } from './warning-params';

/** A warning's three texts, rendered. */
export interface WarningTextParts {
  readonly title: string;
  readonly explanation: string;
  readonly action: string;
}

/** How one key renders, as functions of its parameters. */
export interface WarningTemplate<K extends WarningKey> {
  readonly title: (p: WarningParams<K>) => string;
  readonly explanation: (p: WarningParams<K>) => string;
  readonly action: (p: WarningParams<K>) => string;
}

/** One template per key: a language's whole warning catalog. */
export type WarningTemplates = { readonly [K in WarningKey]: WarningTemplate<K> };

/** `12.34%` from a fraction. */
export const pct = (fraction: number): string => `${(fraction * 100).toFixed(2)}%`;
