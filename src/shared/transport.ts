import browser from 'webextension-polyfill';
import { toWebwrightError, WebwrightError } from './errors.ts';
import { answer, makeEnvelope, readReply, type HandlerTable } from './messaging.ts';
import type { Direction, NameOf, PayloadOf, ResultOf } from './protocol.ts';

// The browser half of messaging: typed send helpers and one listener per context.

const DEFAULT_TIMEOUT_MS = 30_000;

export interface SendOptions {
  timeoutMs?: number;
}

async function withTimeout<T>(name: string, work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new WebwrightError('timeout', `"${name}" got no answer within ${Math.round(timeoutMs / 1000)} s.`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function exchange<D extends Direction, N extends NameOf<D>>(
  direction: D,
  name: N,
  payload: PayloadOf<D, N>,
  post: (envelope: unknown) => Promise<unknown>,
  options: SendOptions,
): Promise<ResultOf<D, N>> {
  const envelope = makeEnvelope(direction, name, payload);
  let raw: unknown;
  try {
    raw = await withTimeout(name, post(envelope), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  } catch (error) {
    throw toWebwrightError(error);
  }
  return readReply(direction, name, raw);
}

/** From an extension page (side panel) or a content script to the background worker. */
export function sendToBackground<D extends 'panel-to-background' | 'content-to-background', N extends NameOf<D>>(
  direction: D,
  name: N,
  payload: PayloadOf<D, N>,
  options: SendOptions = {},
): Promise<ResultOf<D, N>> {
  return exchange(direction, name, payload, (envelope) => browser.runtime.sendMessage(envelope), options);
}

export interface FrameAddress {
  tabId: number;
  frameId: number;
}

/** From the background worker to the content script of one frame. */
export function sendToFrame<N extends NameOf<'background-to-content'>>(
  frame: FrameAddress,
  name: N,
  payload: PayloadOf<'background-to-content', N>,
  options: SendOptions = {},
): Promise<ResultOf<'background-to-content', N>> {
  return exchange(
    'background-to-content',
    name,
    payload,
    (envelope) => browser.tabs.sendMessage(frame.tabId, envelope, { frameId: frame.frameId }),
    options,
  );
}

/** From the background worker to every open extension page (the side panel). */
export function sendToPanels<N extends NameOf<'background-to-panel'>>(
  name: N,
  payload: PayloadOf<'background-to-panel', N>,
  options: SendOptions = {},
): Promise<ResultOf<'background-to-panel', N>> {
  return exchange('background-to-panel', name, payload, (envelope) => browser.runtime.sendMessage(envelope), options);
}

/** Installs this context's one receiver. It stops listening when the signal aborts. */
export function listen(table: HandlerTable, options: { signal?: AbortSignal } = {}): void {
  const extensionId = browser.runtime.id;
  const rules = { extensionId, extensionOrigin: new URL(browser.runtime.getURL('/')).origin };
  const listener = (message: unknown, sender: browser.Runtime.MessageSender) =>
    answer(message, sender, table, rules);
  browser.runtime.onMessage.addListener(listener);
  options.signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
