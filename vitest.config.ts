import { defineConfig } from 'vitest/config';

// One project per layer of the testing pyramid; `npm test` runs them all.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/compile-world-once.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // Each file starts its own anvil node; two cores, so two at a time.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'renderer',
          sequence: { groupOrder: 2 },
          include: ['tests/renderer/**/*.test.tsx', 'tests/renderer/**/*.test.ts'],
          environment: 'jsdom',
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/compile-world-once.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
