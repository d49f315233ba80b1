import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temporary folder per run, removed at its end (test/setup/tmpdir.ts).
    globalSetup: ['test/setup/tmpdir.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
