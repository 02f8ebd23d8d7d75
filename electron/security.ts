import { shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { isExplorerUrl, isTrustedAppOrigin, isTrustedAppUrl } from './trusted-url';

/** Where blocked attempts are reported. */
export interface SecurityLog {
  warn(message: string): void;
}

/**
 * Locks one web contents to the page it was given: every navigation (main frame or subframe),
 * every redirect and every attempt to attach a <webview> is prevented; `window.open` and
 * `target=_blank` never open a window (block-explorer links go to the system browser instead).
 */
export function hardenWebContents(contents: WebContents, log: SecurityLog): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log.warn(`blocked navigation to ${event.url}`);
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // the main frame is handled by will-navigate
    event.preventDefault();
    log.warn(`blocked frame navigation to ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log.warn(`blocked redirect to ${event.url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExplorerUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => log.warn(`could not open ${url}: ${String(error)}`));
    } else {
      log.warn(`blocked a new window for ${url}`);
    }
    return { action: 'deny' };
  });
}

/**
 * Denies every permission except notifications, and those only to the app's own pages; adds the
 * strict CSP to every response the session receives over the network (the app:// protocol
 * handler sets it on its own responses).
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(permission === 'notifications' && isTrustedAppUrl(contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'notifications' && isTrustedAppOrigin(requestingOrigin);
  });
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
