/**
 * The Node faces run with the V8 flags the engine benchmark measures them with
 * (scripts/node-face-flags.ts): every script a user starts them by, and the installed command.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_FACE_FLAGS } from '../../../scripts/node-face-flags';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };

describe('Node faces V8 flags', () => {
  it.each(['scan', 'watch', 'web'])('npm run %s starts node with them', (name) => {
    const script = pkg.scripts[name] ?? '';
    const node = /(?:^|&& )node ((?:--[\w-]+(?:=\S+)? )+)/.exec(script);
    expect(node, script).not.toBeNull();
    for (const flag of NODE_FACE_FLAGS) expect(node?.[1]?.split(' ')).toContain(flag);
  });

  it('the matryoshka command passes them in its shebang', () => {
    const bin = pkg.bin.matryoshka;
    expect(bin).toBeDefined();
    const shebang = readFileSync(bin ?? '', 'utf8').split('\n')[0] ?? '';
    expect(shebang.startsWith('#!/usr/bin/env -S node ')).toBe(true);
    for (const flag of NODE_FACE_FLAGS) expect(shebang.split(' ')).toContain(flag);
  });
});
