import { WebwrightError } from '../shared/errors.ts';

const extensionOrigin = new URL(chrome.runtime.getURL('/')).origin;

function isOwnPage(tab: chrome.tabs.Tab): boolean {
  const url = tab.url ?? tab.pendingUrl ?? '';
  return url.startsWith(`${extensionOrigin}/`);
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
  const active = tabs.find((tab) => tab.active);
  if (active && !isOwnPage(active)) return active;
  const others = tabs.filter((tab) => !isOwnPage(tab)).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  const chosen = others[0];
  if (!chosen) throw new WebwrightError('no-tab', 'There is no web page open in this window to work on.');
  return chosen;
}
