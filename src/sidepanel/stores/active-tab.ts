import { toWebwrightError } from '../../shared/errors.ts';
import type { TabInfo } from '../../shared/protocol.ts';
import { sendToBackground } from '../../shared/transport.ts';
import { createStore } from '../store.ts';

export type ActiveTabState =
  | { status: 'loading' }
  | { status: 'ready'; tab: TabInfo }
  | { status: 'error'; message: string };

export const activeTab = createStore<ActiveTabState>({ status: 'loading' });

/** `?tab=<id>` pins the panel to one tab (used when the panel is opened as a page of its own). */
function pinnedTabId(): number | undefined {
  const raw = new URLSearchParams(location.search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

let windowId: number | undefined;
let generation = 0;

export async function refreshActiveTab(): Promise<void> {
  const mine = ++generation;
  try {
    windowId ??= (await chrome.windows.getCurrent()).id;
    const tab = await sendToBackground('panel-to-background', 'tab.info', { tabId: pinnedTabId(), windowId });
    if (mine === generation) activeTab.set({ status: 'ready', tab });
  } catch (error) {
    if (mine === generation) activeTab.set({ status: 'error', message: toWebwrightError(error).message });
  }
}

/** Keeps the store in step with the browser until the signal aborts. */
export function followActiveTab(signal: AbortSignal): void {
  const onActivated = (info: chrome.tabs.OnActivatedInfo) => {
    if (info.windowId === windowId) void refreshActiveTab();
  };
  const onUpdated = (tabId: number, change: chrome.tabs.OnUpdatedInfo) => {
    const state = activeTab.get();
    const shown = state.status === 'ready' ? state.tab.tabId : undefined;
    if ((shown === undefined || tabId === shown) && (change.status === 'complete' || change.title !== undefined)) {
      void refreshActiveTab();
    }
  };
  chrome.tabs.onActivated.addListener(onActivated);
  chrome.tabs.onUpdated.addListener(onUpdated);
  signal.addEventListener('abort', () => {
    chrome.tabs.onActivated.removeListener(onActivated);
    chrome.tabs.onUpdated.removeListener(onUpdated);
  });
  void refreshActiveTab();
}
