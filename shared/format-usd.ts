/**
 * US dollar amounts for display and for the CLI's JSON: money stays bigint (cents) until here.
 */
import { ethToUsdCents } from './engine/eth-to-usd-cents';

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

/** The price of one ETH as `3,000.00`, floored to the cent like every USD figure. */
export function formatUsdPerEth(price: { readonly answer: bigint; readonly decimals: number }): string {
  return formatUsdCents(ethToUsdCents(10n ** 18n, price.answer, price.decimals));
}
