import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { FakeSession, FakeWebContents, fakeEvent, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { hardenSession, hardenWebContents } = await import('../../../electron/security');
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/content-security-policy');

function hardened() {
  const contents = new FakeWebContents();
  const log = { warn: vi.fn() };
  // The fake implements the members hardenWebContents uses.
  hardenWebContents(contents as unknown as WebContents, log);
  return { contents, log };
}

describe('hardenWebContents', () => {
  beforeEach(() => shell.openExternal.mockClear());

  it.each(['https://evil.com/', 'app://matryoshka/other.html', 'file:///etc/passwd', 'app://matryoshka.evil.com/'])('blocks navigation to %s', (url) => {
    const { contents, log } = hardened();
    const event = fakeEvent({ url, isMainFrame: true });
    contents.emit('will-navigate', event, url);
    expect(event.defaultPrevented).toBe(true);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining(url));
  });

  it('blocks subframe navigation', () => {
    const { contents } = hardened();
    const event = fakeEvent({ url: 'https://evil.com/', isMainFrame: false });
    contents.emit('will-frame-navigate', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('blocks redirects', () => {
    const { contents } = hardened();
    const event = fakeEvent({ url: 'https://evil.com/' });
    contents.emit('will-redirect', event, 'https://evil.com/');
    expect(event.defaultPrevented).toBe(true);
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = hardened();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it.each(['https://evil.com/', 'app://matryoshka/index.html', 'https://etherscan.io.evil.com/', 'http://etherscan.io/'])('denies a new window for %s and opens nothing', (url) => {
    const { contents } = hardened();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies the window for a block-explorer link but opens it in the system browser', () => {
    const { contents } = hardened();
    const url = 'https://etherscan.io/address/0x00000000219ab540356cBB839Cbe05303d7705Fa';
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith(url);
  });
});

describe('hardenSession', () => {
  function setup() {
    const session = new FakeSession();
    // The fake implements the members hardenSession uses.
    hardenSession(session as unknown as Session);
    return session;
  }

  function request(session: FakeSession, permission: string, pageUrl: string): boolean {
    const contents = new FakeWebContents();
    contents.url = pageUrl;
    let granted: boolean | null = null;
    session.permissionRequestHandler?.(contents, permission, (answer) => (granted = answer), {});
    if (granted === null) throw new Error('the permission request was never answered');
    return granted;
  }

  it('grants notifications to the app page only', () => {
    const session = setup();
    expect(request(session, 'notifications', 'app://matryoshka/index.html')).toBe(true);
    expect(request(session, 'notifications', 'https://evil.com/')).toBe(false);
    expect(request(session, 'notifications', 'app://matryoshka.evil.com/')).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'midiSysex', 'unknown'])('denies %s, even to the app page', (permission) => {
    const session = setup();
    expect(request(session, permission, 'app://matryoshka/index.html')).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const session = setup();
    const check = (permission: string, origin: string) => session.permissionCheckHandler?.(null, permission, origin, {});
    expect(check('notifications', 'app://matryoshka')).toBe(true);
    expect(check('notifications', 'https://evil.com')).toBe(false);
    expect(check('media', 'app://matryoshka')).toBe(false);
    expect(check('clipboard-read', 'app://matryoshka')).toBe(false);
    expect(session.devicePermissionHandler?.({})).toBe(false);
  });

  it('adds the strict CSP to responses, replacing none of the other headers', () => {
    const session = setup();
    let headers: Record<string, string[]> | undefined;
    session.headersListener?.({ url: 'https://example.com/', responseHeaders: { 'X-Other': ['1'] } }, (response) => (headers = response.responseHeaders));
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('the content security policy', () => {
  it("starts from default-src 'none' and allows no network or inline code", () => {
    const directives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim());
    expect(directives[0]).toBe("default-src 'none'");
    expect(directives).toContain("connect-src 'none'");
    expect(directives).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
