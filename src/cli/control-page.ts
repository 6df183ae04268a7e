import type { BrowserContext, Page } from 'playwright-core';

// One of the extension's own pages, kept open in a window of its own, from which Node talks to the
// extension. It is opened through the browser's CDP rather than by the service worker, so that a
// stopped worker never stands between Node and the extension: a message sent from this page wakes
// the worker, while an evaluate on Playwright's handle to a stopped worker waits until something
// else has woken it.

export interface ControlPage {
  /** The page, reopened if it was closed. */
  get(): Promise<Page>;
}

export function controlPageUrl(extensionId: string): string {
  return `chrome-extension://${extensionId}/src/sidepanel/index.html?control`;
}

export function createControlPage(context: BrowserContext, extensionId: string): ControlPage {
  const url = controlPageUrl(extensionId);
  let current: Promise<Page> | undefined;
  const open = async (): Promise<Page> => {
    const existing = context.pages().find((candidate) => candidate.url() === url && !candidate.isClosed());
    if (existing) return existing;
    const browser = context.browser();
    if (!browser) throw new Error('The browser behind this context is gone.');
    const appeared = context.waitForEvent('page', { predicate: (candidate) => candidate.url() === url, timeout: 10_000 });
    // When the browser is gone the next lines throw first; the wait's own rejection must not go unhandled.
    appeared.catch(() => undefined);
    const cdp = await browser.newBrowserCDPSession();
    try {
      // A window of its own, so the page never shows up among the tabs a snapshot lists.
      await cdp.send('Target.createTarget', { url, newWindow: true, background: true });
    } finally {
      await cdp.detach().catch(() => undefined);
    }
    const created = await appeared;
    await created.waitForLoadState('domcontentloaded');
    return created;
  };
  return {
    async get() {
      current ??= open().catch((error: unknown) => {
        current = undefined;
        throw error;
      });
      const page = await current;
      if (!page.isClosed()) return page;
      current = undefined;
      return this.get();
    },
  };
}
