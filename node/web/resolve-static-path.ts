import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Maps a request path to a regular file inside `rootDir`, or null. Refuses anything that could
 * leave the root: `..` segments (also percent-encoded), back-slashes, NUL bytes, absolute
 * Windows-style paths, and symbolic links that point outside. `/` and directories serve their
 * `index.html`.
 */
export async function resolveStaticPath(rootDir: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) return null;

  const root = resolve(rootDir);
  let candidate = join(root, ...segments);
  if (candidate !== root && !inside(root, candidate)) return null;
  try {
    const realRoot = await realpath(root);
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = join(candidate, 'index.html');
      info = await stat(candidate);
    }
    if (!info.isFile()) return null;
    const real = await realpath(candidate);
    return inside(realRoot, real) ? real : null;
  } catch {
    return null;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
