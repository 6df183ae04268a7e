import { defineConfig } from '@playwright/test';

// Every task of a suite as one Playwright test (see suite.spec.ts), so a suite can be split across
// machines with --shard and the parts merged with `npx playwright merge-reports`. The suite comes
// from EVAL_SUITE (default evals/fixtures), the model from OPENAI_BASE_URL, OPENAI_API_KEY and
// WEBWRIGHT_MODEL; one browser per worker.
export default defineConfig({
  testDir: '.',
  testMatch: 'suite.spec.ts',
  // Each task on its own, so shards split by task rather than by file.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 6 * 60_000,
  // The blob is what `npx playwright merge-reports` joins from several machines.
  reporter: [['list'], ['blob', { outputDir: '../eval-results/blob-report' }]],
  outputDir: '../eval-results/playwright',
});
