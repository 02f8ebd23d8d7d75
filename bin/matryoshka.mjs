#!/usr/bin/env -S node --max-semi-space-size=64
// The `matryoshka` command: runs the TypeScript CLI through tsx's loader, with the Node faces'
// V8 flags (scripts/node-face-flags.ts).
import { register } from 'tsx/esm/api';
register();
await import('../node/cli/main.ts');
