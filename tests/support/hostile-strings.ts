// Names a hostile token, ENS record, operator or RPC endpoint could carry, and a report whose every
// free-text field is one of them. Shared by the renderer (jsdom) and end-to-end (Chromium) tests.
import type { RiskReport } from '../../shared/report';

/** Set by any of the payloads below if the browser ever runs it. */
export const PWNED_FLAG = '__pwned';

/** Markup that would run script if it were ever parsed as HTML. */
export const MARKUP_NAMES = [
  `<img src=x onerror="window.${PWNED_FLAG}='img'">weETH`,
  `<script>window.${PWNED_FLAG}='script'</script>ezETH`,
  `<svg/onload="window.${PWNED_FLAG}='svg'"><a href="javascript:window.${PWNED_FLAG}='a'">click</a>`,
  `<iframe srcdoc="<script>parent.${PWNED_FLAG}='iframe'</script>"></iframe>AVS`,
  // Pre-escaped entities must show as typed, not be decoded into markup.
  `&lt;b&gt;bold&lt;/b&gt; &#x3C;img src=x onerror=window.${PWNED_FLAG}=1&#x3E;`,
] as const;

/** Characters that reorder, hide or break text: bidi overrides/isolates, zero-width, soft hyphen, tags, controls, separators. */
export const INVISIBLE_NAMES = [
  'gnp\u202Eexe.\u202C Operator',
  'we\u200BE\u200CT\u200DH\uFEFF\u2066iso\u2069\u2067late\u2069\u061C',
  'soft\u00ADhyphen tag\u{E0041}\u{E0042} annot\uFFF9x\uFFFAy\uFFFB word\u2060joiner',
  'bell\u0007 esc\u001b[31mred\u001b[0m cr\rlf\n tab\t nul\u0000 del\u007F c1\u0085 ls\u2028ps\u2029',
] as const;

/** A name far longer than any place that shows it. */
export const LONG_NAME = `L${'o'.repeat(20_000)}ng`;

export const HOSTILE_NAMES: readonly string[] = [...MARKUP_NAMES, ...INVISIBLE_NAMES, LONG_NAME];

/**
 * Characters that must never reach the screen: C0/C1 controls, format characters (bidi, zero-width,
 * tags, soft hyphen), line and paragraph separators.
 */
export const UNSAFE_CHARACTER = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Free-text fields of a report: everything a chain, a registry entry or an ENS record could name. */
const TEXT_KEYS = new Set(['label', 'symbol', 'protocol', 'title', 'explanation', 'action', 'formula', 'ens', 'error']);

/**
 * `report` with every free-text field (labels, symbols, protocols, titles, explanations, actions,
 * the formula, ENS names, errors) replaced by a hostile name, taking them in turn, and every
 * warning's kind made hostile too. Identities (`id`, `key`, `subject`, addresses) and enumerations
 * (`layer`, a position's `kind`) are kept: the engine makes those, they are not names.
 */
export function hostileReport(report: RiskReport): RiskReport {
  let next = 0;
  const pick = (): string => {
    const name = HOSTILE_NAMES[next % HOSTILE_NAMES.length] ?? '';
    next += 1;
    return name;
  };
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') return key !== null && TEXT_KEYS.has(key) ? pick() : value;
    if (Array.isArray(value)) return value.map((item) => walk(item, null));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  // The walk keeps the shape and only swaps strings for strings, so it is still a RiskReport.
  const hostile = walk(report, null) as RiskReport;
  return { ...hostile, warnings: hostile.warnings.map((w, i) => ({ ...w, kind: `${MARKUP_NAMES[i % MARKUP_NAMES.length] ?? ''}${i}` })) };
}
