import type { BrowserContext, Page, Worker } from 'playwright-core';
import { makeEnvelope, readReply } from '../shared/messaging.ts';
import type { NameOf, PayloadOf, ResultOf } from '../shared/protocol.ts';

// Talks to the extension the way the side panel does: protocol messages sent from one of the
// extension's own pages. That page sits in a window of its own so it never shows up among the
// tabs a snapshot lists.

export interface Control {
  send<N extends NameOf<'panel-to-background'>>(name: N, payload: PayloadOf<'panel-to-background', N>): Promise<ResultOf<'panel-to-background', N>>;
}

export function createControl(context: BrowserContext, extensionId: string, serviceWorker: () => Promise<Worker>): Control {
  const url = `chrome-extension://${extensionId}/src/sidepanel/index.html?control`;
  let page: Promise<Page> | undefined;
  const open = async (): Promise<Page> => {
    const existing = context.pages().find((candidate) => candidate.url() === url);
    if (existing) return existing;
    const appeared = context.waitForEvent('page', { predicate: (candidate) => candidate.url() === url, timeout: 10_000 });
    // When the browser is gone the next line throws first; the wait's own rejection must not go unhandled.
    appeared.catch(() => undefined);
    const worker = await serviceWorker();
    await worker.evaluate((address) => chrome.windows.create({ url: address, focused: false }), url);
    const created = await appeared;
    await created.waitForLoadState('domcontentloaded');
    return created;
  };
  return {
    async send(name, payload) {
      const envelope = makeEnvelope('panel-to-background', name, payload);
      page ??= open();
      let control = await page;
      if (control.isClosed()) {
        page = open();
        control = await page;
      }
      const raw: unknown = await control.evaluate((message) => chrome.runtime.sendMessage(message), envelope);
      return readReply('panel-to-background', name, raw);
    },
  };
}
