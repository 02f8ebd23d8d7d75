import { describe, expect, it } from 'vitest';
import { createRequestGuard } from '../../../node/web/create-request-guard';

const guard = createRequestGuard({ port: 8790 });

describe('createRequestGuard', () => {
  it.each(['127.0.0.1:8790', 'localhost:8790', 'LocalHost:8790', '[::1]:8790'])('accepts the Host %s', (host) => {
    expect(guard.hostAllowed(host)).toBe(true);
  });

  it.each([
    undefined,
    '',
    '127.0.0.1',
    'localhost',
    '127.0.0.1:8791',
    '127.0.0.1:87900',
    'evil.example:8790',
    '127.0.0.1.evil.example:8790',
    '127.0.0.1:8790.evil.example',
    'evil.example@127.0.0.1:8790',
    '127.0.0.1:8790@evil.example',
    'localhost.:8790',
    '0.0.0.0:8790',
    ' 127.0.0.1:8790',
  ])('refuses the Host %s', (host) => {
    expect(guard.hostAllowed(host)).toBe(false);
  });

  it('accepts same origins and, only when not required, a missing one', () => {
    expect(guard.originAllowed('http://127.0.0.1:8790', true)).toBe(true);
    expect(guard.originAllowed('http://localhost:8790', true)).toBe(true);
    expect(guard.originAllowed(undefined, false)).toBe(true);
    expect(guard.originAllowed(undefined, true)).toBe(false);
  });

  it.each([
    'null',
    'https://127.0.0.1:8790',
    'http://127.0.0.1:8790/',
    'http://127.0.0.1:8791',
    'http://127.0.0.1',
    'http://evil.example',
    'http://127.0.0.1:8790.evil.example',
    'http://evil.example#http://127.0.0.1:8790',
    'file://',
  ])('refuses the Origin %s', (origin) => {
    expect(guard.originAllowed(origin, false)).toBe(false);
  });

  it('adds explicit extra host names, bracketing IPv6 literals', () => {
    const remote = createRequestGuard({ port: 80, extraHostNames: ['mybox.lan', 'fe80::1'] });
    expect(remote.hostAllowed('mybox.lan:80')).toBe(true);
    expect(remote.hostAllowed('[fe80::1]:80')).toBe(true);
    expect(remote.originAllowed('http://mybox.lan:80', true)).toBe(true);
    expect(remote.hostAllowed('other.lan:80')).toBe(false);
  });
});
