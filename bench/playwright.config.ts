import { defineConfig } from '@playwright/test';

// The bench: one test, one browser, run alone so the timings are not disturbed by other workers.
export default defineConfig({
  testDir: '.',
  testMatch: 'bench.spec.ts',
  timeout: 10 * 60_000,
  workers: 1,
  retries: 0,
  reporter: 'list',
  outputDir: '../test-results/bench',
});
