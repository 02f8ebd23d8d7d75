import { chains } from '../shared/registry/chains';

/** The privileged scheme the renderer is served from (see app-protocol.ts). */
export const APP_SCHEME = 'app';
/** The one host of that scheme. */
export const APP_HOST = 'matryoshka';
/** Origin of the app's own pages. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for the app's own pages: scheme `app:`, host exactly `matryoshka`, no credentials, no
 * port. URLs are parsed, never substring-matched, so `app://matryoshka.evil.com/` or
 * `https://evil.com/app://matryoshka/` are not trusted.
 */
export function isTrustedAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** True when `origin` (as Chromium reports it, e.g. to a permission check) is the app's origin. */
export function isTrustedAppOrigin(origin: string): boolean {
  const parsed = parse(origin);
  // Node gives custom schemes an opaque origin, so compare the parts; an origin has no path.
  return parsed !== null && isTrustedAppUrl(origin) && (parsed.pathname === '' || parsed.pathname === '/') && parsed.search === '' && parsed.hash === '';
}

const EXPLORER_HOSTS: ReadonlySet<string> = new Set(chains.map((chain) => new URL(chain.explorer).hostname));

/**
 * True for links the app may hand to the system browser: https pages on a block explorer of a
 * supported chain (exact host match), without credentials or a custom port.
 */
export function isExplorerUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    EXPLORER_HOSTS.has(parsed.hostname) &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
