import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // One instance serves every file; the tests log in with their own phone numbers.
    fileParallelism: false,
  },
});
