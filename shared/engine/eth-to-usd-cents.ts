/**
 * Converts wei to US cents at a feed price, floored: `wei * answer * 100 / (1e18 * 10^decimals)`,
 * all in bigint so no amount loses precision.
 *
 * @param wei - An ETH amount in wei.
 * @param answer - The feed's answer: USD per ETH times 10^decimals (positive).
 * @param decimals - The feed's decimals.
 */
export function ethToUsdCents(wei: bigint, answer: bigint, decimals: number): bigint {
  const numerator = wei * answer * 100n;
  const denominator = 10n ** 18n * 10n ** BigInt(decimals);
  const q = numerator / denominator;
  // bigint division truncates toward zero; floor is one lower for a negative inexact quotient.
  return numerator % denominator !== 0n && numerator < 0n ? q - 1n : q;
}
