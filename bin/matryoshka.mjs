#!/usr/bin/env node
// The `matryoshka` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';
register();
await import('../node/cli/main.ts');
