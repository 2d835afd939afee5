import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Property-based and fuzz suites run hundreds of cases; a hang is caught by their own time-outs.
    testTimeout: 60_000,
  },
});
