import type { Page } from '@playwright/test';
import { test as base } from './fixtures.ts';
import { envelope, sendRaw } from './panel.ts';
import { startModelServer, type ModelServer } from './model-server.ts';

// A scripted model server per test: the only fake, standing where a real model would be.
export const test = base.extend<{ model: ModelServer }>({
  model: async ({}, use) => {
    const server = await startModelServer();
    await use(server);
    await server.close();
  },
});

export { expect } from './fixtures.ts';

/** Points the extension's settings at the scripted model server, as a person would in Settings. */
export function useScriptedModel(extensionPage: Page, model: ModelServer): Promise<unknown> {
  return sendRaw(extensionPage, envelope('panel-to-background', 'settings.save', { settings: { model: { provider: 'custom', baseURL: model.baseURL, model: 'scripted' } } }));
}

/** The text parts of a message with pictures; anything else as JSON. */
function textParts(content: unknown): string {
  if (!Array.isArray(content)) return JSON.stringify(content);
  return content.map((part: { type?: string; text?: string }) => (part.type === 'text' ? (part.text ?? '') : `[${part.type ?? 'part'}]`)).join('\n');
}

/** The text of the user message of a recorded chat request. */
export function userText(body: unknown): string {
  const messages = (body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  return messages
    .filter((message) => message.role !== 'system')
    .map((message) => (typeof message.content === 'string' ? message.content : textParts(message.content)))
    .join('\n');
}

export function systemText(body: unknown): string {
  const messages = (body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  const system = messages.find((message) => message.role === 'system');
  return typeof system?.content === 'string' ? system.content : '';
}
