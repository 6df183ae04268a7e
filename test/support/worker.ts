import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { chromium } from 'playwright-core';
import { findChromium } from '../../src/cli/chromium.ts';
import { quietArgs } from '../../src/cli/launch.ts';
import { sandboxOption } from '../../src/cli/sandbox.ts';
import { defaultExtensionPath } from '../../src/cli/paths.ts';

type Status = 'stopped' | 'starting' | 'running' | 'stopping';

/**
 * Stops the extension's service worker through CDP (as Chrome does when it idles out) and resolves
 * once it is really stopped. Playwright keeps its Worker handle, which evaluates in the next life.
 */
export async function stopServiceWorker(extensionPage: Page): Promise<void> {
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { runningStatus: Status }[] }) => {
      if (event.versions.length > 0 && event.versions.every((version) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/**
 * A browser that starts without Webwright and installs it on request, through CDP's
 * Extensions.loadUnpacked: pages opened before install() are what a freshly installed extension meets.
 */
export async function launchWithoutExtension(): Promise<{ context: BrowserContext; install(): Promise<string>; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'webwright-late-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    ...sandboxOption(),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...quietArgs, '--enable-unsafe-extension-debugging'],
  });
  return {
    context,
    async install() {
      const browser = context.browser();
      if (!browser) throw new Error('No browser behind this context');
      const cdp = await browser.newBrowserCDPSession();
      const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: defaultExtensionPath } as never)) as { id: string };
      await cdp.detach();
      return id;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
