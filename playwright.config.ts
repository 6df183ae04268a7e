import { defineConfig } from '@playwright/test';

// Each worker launches its own Chromium with the built extension (see test/support/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: 'list',
  use: { trace: 'retain-on-failure' },
});
