import { WebwrightError } from '../shared/errors.ts';

const extensionOrigin = new URL(chrome.runtime.getURL('/')).origin;

function isOwnPage(tab: chrome.tabs.Tab): boolean {
  const url = tab.url ?? tab.pendingUrl ?? '';
  return url.startsWith(`${extensionOrigin}/`);
}

/** 1 for a web page, 0 for a blank or browser page: the window's first blank tab is not what is meant. */
function isWebPage(tab: chrome.tabs.Tab): number {
  return /^(https?|file):/.test(tab.url ?? tab.pendingUrl ?? '') ? 1 : 0;
}

/**
 * The tab the side panel works on: the one named, else the active tab of the panel's window.
 * When that is one of our own pages (the panel opened as a tab), the most recently used other tab
 * of the window is meant.
 */
export async function resolveTab(target: { tabId?: number | undefined; windowId?: number | undefined }): Promise<chrome.tabs.Tab> {
  if (target.tabId !== undefined) {
    try {
      return await chrome.tabs.get(target.tabId);
    } catch {
      throw new WebwrightError('no-tab', `Tab ${target.tabId} does not exist (it may have been closed).`);
    }
  }
  const query: chrome.tabs.QueryInfo =
    target.windowId === undefined ? { lastFocusedWindow: true } : { windowId: target.windowId };
  const tabs = await chrome.tabs.query(query);
  // Chrome may hide the URL of our own page opened as a tab, so its tab is also known by its context.
  const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.TAB] });
  const ownTabs = new Set(contexts.map((context) => context.tabId));
  const own = (tab: chrome.tabs.Tab) => isOwnPage(tab) || (tab.id !== undefined && ownTabs.has(tab.id));
  const active = tabs.find((tab) => tab.active);
  if (active && !own(active)) return active;
  const others = tabs.filter((tab) => !own(tab)).sort((a, b) => isWebPage(b) - isWebPage(a) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  const chosen = others[0];
  if (!chosen) throw new WebwrightError('no-tab', 'There is no web page open in this window to work on.');
  return chosen;
}
