/**
 * The page's Content-Security-Policy: the desktop app's policy, with the WebSocket of this host
 * added to `connect-src` (for each host name the page may be opened under).
 */
export function contentSecurityPolicy(port: number, hostNames: readonly string[] = ['127.0.0.1', 'localhost']): string {
  const sockets = hostNames.filter((name) => !name.includes(':') && !name.startsWith('[')).map((name) => `ws://${name}:${port}`);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${sockets.join(' ')}`,
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
