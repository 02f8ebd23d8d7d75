import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { isTrustedAppUrl } from './trusted-url';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
} as const;

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}

/**
 * Answers one `app://matryoshka/...` request from the packaged renderer files in `rootDir`, with
 * the strict CSP on every response. Anything outside `rootDir` (`..`, encoded or not), any other
 * host, and unknown file types answer 404.
 */
export async function serveAppFile(rootDir: string, url: string): Promise<Response> {
  if (!isTrustedAppUrl(url)) return notFound();
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return notFound();
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  if (pathname.includes('\0')) return notFound();
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${pathname}`);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return notFound();
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (contentType === undefined) return notFound();
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { 'content-type': contentType, ...SECURITY_HEADERS } });
  } catch {
    return notFound();
  }
}
