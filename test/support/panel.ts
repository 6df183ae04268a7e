import type { Page } from '@playwright/test';

/** Sends a raw message from an extension page, exactly as it would cross the wire. */
export function sendRaw(extensionPage: Page, message: unknown): Promise<unknown> {
  return extensionPage.evaluate((raw) => chrome.runtime.sendMessage(raw), message);
}

export function envelope(direction: string, name: string, payload: unknown) {
  return { channel: 'webwright/1', direction, name, payload };
}

/** Saves settings through the side panel, as the person would; `{}` puts the defaults back. */
export async function saveSettings(harness: { openSidePanel(page: Page): Promise<Page> }, page: Page, settings: unknown): Promise<void> {
  const panel = await harness.openSidePanel(page);
  await sendRaw(panel, envelope('panel-to-background', 'settings.save', { settings }));
  await panel.close();
}
