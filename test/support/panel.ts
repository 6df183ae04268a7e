import type { Page } from '@playwright/test';

/** Sends a raw message from an extension page, exactly as it would cross the wire. */
export function sendRaw(extensionPage: Page, message: unknown): Promise<unknown> {
  return extensionPage.evaluate((raw) => chrome.runtime.sendMessage(raw), message);
}

export function envelope(direction: string, name: string, payload: unknown) {
  return { channel: 'webwright/1', direction, name, payload };
}
