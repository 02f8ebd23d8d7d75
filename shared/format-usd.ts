/**
 * US dollar amounts for display and for the CLI's JSON: money stays bigint (cents) until here.
 */

/**
 * `12,345.67` from cents (always two fraction digits), or `12345.67` with `grouping` false (the
 * JSON's plain decimal string).
 */
export function formatUsdCents(cents: bigint, grouping = true): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const whole = (abs / 100n).toString();
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole}.${frac}`;
}
