import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/content-security-policy';
import { serveAppFile } from '../../../electron/serve-app-file';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'matryoshka-app-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(root, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'tool.exe'), 'MZ');
  await writeFile(path.join(base, 'secret.json'), '{"key":"outside"}');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('serveAppFile', () => {
  it('serves the entry page and assets with their type and the strict CSP', async () => {
    for (const [url, type] of [
      ['app://matryoshka/', 'text/html; charset=utf-8'],
      ['app://matryoshka/index.html', 'text/html; charset=utf-8'],
      ['app://matryoshka/assets/index.js?v=2', 'text/javascript; charset=utf-8'],
    ] as const) {
      const response = await serveAppFile(root, url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await serveAppFile(root, 'app://matryoshka/assets/index.js')).text()).toBe('console.log(1)');
  });

  it.each([
    'app://matryoshka/../secret.json',
    'app://matryoshka/%2e%2e/secret.json',
    'app://matryoshka/assets/%2e%2e%2f%2e%2e%2fsecret.json',
    'app://matryoshka/..%5csecret.json',
    'app://matryoshka/%00index.html',
    'app://matryoshka/%E0%A4%A',
    'app://matryoshka.evil.com/index.html',
    'app://evil/index.html',
    'https://matryoshka/index.html',
    'app://matryoshka/missing.js',
    'app://matryoshka/assets/tool.exe',
    'app://matryoshka/assets',
  ])('answers 404 for %s, with the CSP', async (url) => {
    const response = await serveAppFile(root, url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('outside');
  });
});

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme and served from the renderer folder', async () => {
    const { handleAppProtocol, registerAppScheme } = await import('../../../electron/app-protocol');
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    handleAppProtocol(root);
    const [scheme, handler] = protocol.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = (await handler({ url: 'app://matryoshka/index.html' })) as Response;
    expect(await response.text()).toContain('<title>app</title>');
  });
});
