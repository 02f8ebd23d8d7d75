import { protocol } from 'electron';
import { serveAppFile } from './serve-app-file';
import { APP_SCHEME } from './trusted-url';

/**
 * Declares `app:` a standard, secure scheme (a real origin, no mixed-content downgrade). Electron
 * requires this before the `ready` event. `supportFetchAPI` lets Chromium load the ES module
 * scripts Vite emits; the CSP (`connect-src 'none'`) still forbids the page any fetch.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false } },
  ]);
}

/** Serves the packaged renderer in `rendererDir` on `app://matryoshka/` (after `ready`). */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request.url));
}
