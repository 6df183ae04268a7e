import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { launch, type Harness } from 'webwright/harness';
import { startFixtureServer, type FixtureServer } from './server.ts';

// One browser with the built extension per worker; a fresh page per test.
export const test = base.extend<{ page: Page }, { harness: Harness; server: FixtureServer }>({
  server: [
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  harness: [
    async ({}, use) => {
      const harness = await launch();
      await use(harness);
      await harness.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ harness }, use) => {
    const page = await harness.context.newPage();
    await use(page);
    await page.close();
  },
});

export { expect };
