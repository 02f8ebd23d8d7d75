/**
 * Display formatting shared by the CLI table and the renderer. Money stays bigint until here.
 */

/** Formats base units with `decimals` as a decimal string with at most `digits` fraction digits (truncated toward zero). */
export function formatUnitsFixed(value: bigint, decimals = 18, digits = 4): string {
  const neg = value < 0n;
  const abs = neg ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const frac = abs % base;
  let fracStr = digits > 0 ? frac.toString().padStart(decimals, '0').slice(0, digits) : '';
  fracStr = fracStr.replace(/0+$/, '');
  const wholeStr = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${wholeStr}${fracStr ? `.${fracStr}` : ''}`;
}

/** `12.3456 ETH` from wei. */
export function formatEth(wei: bigint | null, digits = 4): string {
  return wei === null ? '—' : `${formatUnitsFixed(wei, 18, digits)} ETH`;
}

/** `12.3%` from a fraction. */
export function formatShare(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** `14d 2h`, `3h 5m`, `45s`, `now` from seconds. */
export function formatDuration(seconds: bigint | number | null): string {
  if (seconds === null) return '—';
  const s = typeof seconds === 'bigint' ? Number(seconds) : seconds;
  if (s <= 0) return 'now';
  const d = Math.floor(s / 86_400), h = Math.floor((s % 86_400) / 3600), m = Math.floor((s % 3600) / 60);
  if (d > 0) return h ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m ? `${h}h ${m}m` : `${h}h`;
  if (m > 0) return `${m}m`;
  return `${s}s`;
}

/** `0x1234…abcd`. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}
