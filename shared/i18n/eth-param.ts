import { formatEther } from 'viem';

/**
 * An ETH amount as a warning parameter: `12.3456`, at most four decimals (truncated), no thousands
 * separator and no locale (Intl is slow and machine-dependent). Templates add the unit.
 */
export function ethParam(wei: bigint): string {
  const [whole = '0', decimals = ''] = formatEther(wei).split('.');
  const cut = decimals.slice(0, 4).replace(/0+$/, '');
  return `${whole}${cut ? `.${cut}` : ''}`;
}
