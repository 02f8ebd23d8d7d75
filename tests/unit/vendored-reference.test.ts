/**
 * reference/ is a vendored copy of the verified material beside the repository (../shared/reference
 * and ../shared/contracts), so a fresh clone can run every test. Where the originals are present,
 * the copies must equal them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pairs: [string, string][] = [
  [join(root, '..', 'shared', 'reference'), join(root, 'reference')],
  [join(root, '..', 'shared', 'contracts'), join(root, 'reference', 'contracts')],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)).map((g) => join(f, g)) : [f]));
}

describe.each(pairs)('vendored copy of %s', (original, copy) => {
  it('exists in the repository', () => {
    expect(existsSync(copy)).toBe(true);
  });
  it.runIf(existsSync(original))('equals the original file by file', () => {
    for (const f of files(original).filter((x) => !x.startsWith('contracts'))) {
      expect(readFileSync(join(copy, f), 'utf8'), f).toBe(readFileSync(join(original, f), 'utf8'));
    }
  });
});
