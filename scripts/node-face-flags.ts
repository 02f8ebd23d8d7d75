/**
 * The V8 flags the product's Node faces run with (the `scan`, `watch` and `web` scripts in
 * package.json and the shebang of bin/matryoshka.mjs; tests/unit/node-face-flags.test.ts keeps
 * them in step). A 64 MB semi-space lets the engine build a large report between two young-generation
 * collections instead of copying it two or three times (docs/benchmarks.md, engine section).
 * The Electron main process cannot take V8 flags from code, so the desktop app runs with V8's defaults.
 */
export const NODE_FACE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
