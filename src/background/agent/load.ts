// Waiting for a tab to finish loading after a navigation, bounded.

const LOAD_TIMEOUT_MS = 15_000;

export async function waitForLoad(tabId: number, options: { onlyIfLoading?: boolean; timeoutMs?: number } = {}): Promise<void> {
  const tab = await chrome.tabs.get(tabId).catch(() => undefined);
  if (!tab || (options.onlyIfLoading && tab.status !== 'loading')) return;
  if (tab.status === 'complete' && options.onlyIfLoading) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      chrome.tabs.onUpdated.removeListener(listener);
      chrome.tabs.onRemoved.removeListener(removed);
      resolve();
    };
    const listener = (id: number, change: chrome.tabs.OnUpdatedInfo) => {
      if (id === tabId && change.status === 'complete') done();
    };
    const removed = (id: number) => {
      if (id === tabId) done();
    };
    const timer = setTimeout(done, options.timeoutMs ?? LOAD_TIMEOUT_MS);
    chrome.tabs.onUpdated.addListener(listener);
    chrome.tabs.onRemoved.addListener(removed);
    void chrome.tabs.get(tabId).then(
      (current) => {
        if (current.status === 'complete' && !options.onlyIfLoading && Date.now() > 0) {
          // Already loaded by the time we listened: nothing to wait for, unless a navigation is about to start.
          setTimeout(() => {
            void chrome.tabs.get(tabId).then((again) => {
              if (again.status === 'complete') done();
            }, done);
          }, 100);
        }
      },
      done,
    );
  });
}
