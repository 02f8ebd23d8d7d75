// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'url', 'util', 'events', 'stream', 'worker_threads'];
const viemTransport = {
  name: 'viem',
  importNames: ['createPublicClient', 'createWalletClient', 'createTestClient', 'createClient', 'http', 'webSocket', 'fallback', 'custom'],
  message: 'shared/ is pure: viem clients and transports belong to node/ (readers take the client as a parameter).',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', '.cache/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'shared/ is pure: no Electron.' },
          { name: 'react', message: 'shared/ is pure: no React.' },
          { name: 'react-dom', message: 'shared/ is pure: no React.' },
          viemTransport,
        ],
        patterns: [
          { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
          { group: ['**/node/**', '**/electron/**', '**/renderer/**', '**/world/**', 'electron-store', 'conf', 'ws'], message: 'shared/ must not depend on platform code.' },
          { group: ['viem/actions', 'viem/actions/*'], message: 'shared/ is pure: no viem actions.' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document', 'fetch', 'setTimeout', 'setInterval'],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'shared/ takes `now` as input; no clock.' },
        { object: 'Math', property: 'random', message: 'shared/ is deterministic; no randomness.' }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to the API object only.' }, viemTransport],
        patterns: [
          { group: ['**/electron/**', '**/node/**', '**/world/**'], message: 'renderer/ never imports main-process or Node code.' },
          { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page.' },
        ],
      }],
    },
  },
  {
    files: ['node/**/*.ts', 'world/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'node/ and world/ are shared by every face: no Electron.' }],
        patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'node/ must not depend on a face.' }],
      }],
    },
  },
);
