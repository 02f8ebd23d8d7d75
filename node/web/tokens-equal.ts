import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares a presented token with the expected one in constant time (lengths may differ). */
export function tokensEqual(presented: string | null | undefined, expected: string): boolean {
  if (presented === null || presented === undefined) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
