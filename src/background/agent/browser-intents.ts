import type { Intent, IntentOf } from '../../shared/intent.ts';
import type { ActResult } from '../../shared/results.ts';
import { requestFrame } from '../router.ts';
import { waitForLoad } from './load.ts';

// Intents carried out by the browser rather than inside the page.

type BrowserIntent = Exclude<Intent, { action: 'click' | 'type' | 'select' | 'check' | 'hover' | 'press' | 'scroll' }>;

function navigated(url: string, message: string): ActResult {
  return { ok: true, kind: 'ok', message, effect: { kind: 'navigated', summary: `now at ${url}`, url, details: [] } };
}

async function currentUrl(tabId: number): Promise<string> {
  const tab = await chrome.tabs.get(tabId);
  return tab.url ?? tab.pendingUrl ?? '';
}

function normaliseUrl(raw: string): string | undefined {
  const text = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return ['http:', 'https:', 'file:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

async function history(tabId: number, direction: 'back' | 'forward'): Promise<ActResult> {
  const before = await currentUrl(tabId);
  try {
    await (direction === 'back' ? chrome.tabs.goBack(tabId) : chrome.tabs.goForward(tabId));
  } catch {
    return { ok: false, kind: 'no-effect', message: `There is no page to go ${direction} to in this tab's history.` };
  }
  await waitForLoad(tabId);
  const after = await currentUrl(tabId);
  return after === before ? { ok: false, kind: 'no-effect', message: `Going ${direction} changed nothing.` } : navigated(after, `Went ${direction} to ${after}.`);
}

async function tab(tabId: number, intent: IntentOf<'tab'>): Promise<ActResult> {
  const { windowId } = await chrome.tabs.get(tabId);
  const tabs = await chrome.tabs.query({ windowId });
  if (intent.op === 'open') {
    const url = intent.url ? normaliseUrl(intent.url) : undefined;
    if (intent.url && !url) return { ok: false, kind: 'unsupported', message: `"${intent.url}" is not a web address Webwright can open.` };
    const created = await chrome.tabs.create({ windowId, url: url ?? 'about:blank', active: true });
    if (created.id !== undefined) await waitForLoad(created.id);
    const effect = { kind: 'new-tab' as const, summary: `opened tab ${created.index}`, url: url ?? 'about:blank', details: [], ...(created.id !== undefined ? { tabId: created.id } : {}) };
    return { ok: true, kind: 'ok', message: `Opened a new tab${url ? ` at ${url}` : ''}.`, effect };
  }
  const target = intent.index === undefined ? tabs.find((other) => other.id === tabId) : tabs.find((other) => other.index === intent.index);
  if (!target?.id) return { ok: false, kind: 'not-found', message: `There is no tab ${intent.index ?? ''} in this window; tabs are numbered 0 to ${tabs.length - 1}.` };
  if (intent.op === 'switch') {
    await chrome.tabs.update(target.id, { active: true });
    return { ok: true, kind: 'ok', message: `Switched to tab ${target.index}: ${target.title ?? target.url ?? ''}.`, effect: { kind: 'new-tab', summary: `tab ${target.index} is active`, tabId: target.id, details: [] } };
  }
  await chrome.tabs.remove(target.id);
  return { ok: true, kind: 'ok', message: `Closed tab ${target.index}.`, effect: { kind: 'changed', summary: `closed tab ${target.index}`, details: [] } };
}

export async function runBrowserIntent(tabId: number, intent: BrowserIntent): Promise<ActResult> {
  switch (intent.action) {
    case 'navigate': {
      const url = normaliseUrl(intent.url);
      if (!url) return { ok: false, kind: 'unsupported', message: `"${intent.url}" is not a web address Webwright can open (http, https or file).` };
      await chrome.tabs.update(tabId, { url });
      await waitForLoad(tabId);
      return navigated(await currentUrl(tabId), `Opened ${url}.`);
    }
    case 'back':
    case 'forward':
      return history(tabId, intent.action);
    case 'reload':
      await chrome.tabs.reload(tabId);
      await waitForLoad(tabId);
      return navigated(await currentUrl(tabId), 'Reloaded the page.');
    case 'tab':
      return tab(tabId, intent);
    case 'wait': {
      if (intent.until) {
        const timeoutMs = Math.round((intent.seconds ?? 10) * 1000);
        const { found } = await requestFrame({ tabId, frameId: 0 }, 'page.waitForText', { text: intent.until, timeoutMs }, { timeoutMs: timeoutMs + 5000 });
        return found
          ? { ok: true, kind: 'ok', message: `"${intent.until}" is on the page.` }
          : { ok: false, kind: 'timeout', message: `"${intent.until}" did not appear within ${timeoutMs / 1000} s.` };
      }
      const seconds = intent.seconds ?? 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return { ok: true, kind: 'ok', message: `Waited ${seconds} s.` };
    }
    case 'note':
      return { ok: true, kind: 'ok', message: 'Noted.' };
    case 'finish':
      return { ok: true, kind: 'ok', message: intent.success ? 'Finished.' : 'Gave up.' };
    case 'ask_user':
      return { ok: false, kind: 'unsupported', message: 'Asking the person needs a run in the side panel; a single step cannot wait for an answer.' };
  }
}
