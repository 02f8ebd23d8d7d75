/**
 * An RPC URL fit for display and logs: credentials removed. Drops userinfo (`user:pass@`), the query
 * string and fragment (`?apikey=…`), and path segments that look like keys (Infura's 32 hex digits,
 * Alchemy's and QuickNode's tokens): long, or mixing letters and digits past 16 characters.
 */
const KEY_LIKE = /^[A-Za-z0-9_-]+$/;

function looksLikeKey(segment: string): boolean {
  if (segment.length >= 32) return true;
  return segment.length >= 16 && KEY_LIKE.test(segment) && /[0-9]/.test(segment) && /[A-Za-z]/.test(segment);
}

/** The URL with credentials replaced by `***`; `(invalid URL)` when it does not parse. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(invalid URL)';
  }
  const userinfo = parsed.username || parsed.password ? '***@' : '';
  const path = parsed.pathname.split('/').map((s) => (looksLikeKey(s) ? '***' : s)).join('/');
  const query = parsed.search ? '?***' : '';
  const fragment = parsed.hash ? '#***' : '';
  return `${parsed.protocol}//${userinfo}${parsed.host}${path === '/' ? '' : path}${query}${fragment}`;
}
