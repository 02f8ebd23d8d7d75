import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../node/web/resolve-static-path';

let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'matryoshka-static-'));
  dir = join(root, 'renderer');
  await mkdir(join(dir, 'assets'), { recursive: true });
  await writeFile(join(dir, 'index.html'), 'index');
  await writeFile(join(dir, 'assets', 'app.js'), 'app');
  await writeFile(join(root, 'secret.txt'), 'secret');
  await symlink(join(root, 'secret.txt'), join(dir, 'assets', 'escape.txt'));
  await symlink(join(dir, 'assets', 'app.js'), join(dir, 'assets', 'inside.js'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('resolveStaticPath', () => {
  it('maps / and directories to index.html and files to themselves', async () => {
    expect(await resolveStaticPath(dir, '/')).toMatch(/renderer\/index\.html$/);
    expect(await resolveStaticPath(dir, '/assets/app.js')).toMatch(/renderer\/assets\/app\.js$/);
    expect(await resolveStaticPath(dir, '/assets/inside.js')).toMatch(/renderer\/assets\/app\.js$/);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/index.html%00.js',
    '/assets/escape.txt',
    '/C:/windows/win.ini',
    '/%E0%A4%A',
    '/missing.js',
    '/assets',
    'index.html',
  ])('refuses %s', async (path) => {
    expect(await resolveStaticPath(dir, path)).toBeNull();
  });
});
