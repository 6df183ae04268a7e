import { requestFrame } from '../router.ts';

// A screenshot of the tab for the trace (and for vision models, with set-of-marks labels: each
// element in view marked with its ref). Chrome allows two captures a second and only of the
// visible tab of a window; a step without one is still a step.

let lastCapture = 0;

export async function captureScreenshot(tabId: number, options: { wait: boolean; marks?: boolean }): Promise<string | undefined> {
  try {
    const tab = await chrome.tabs.get(tabId);
    if (!tab.active) return undefined;
    const wait = lastCapture + 550 - Date.now();
    // Only a model that reads the picture is worth waiting for; a trace can go without one.
    if (wait > 0 && !options.wait) return undefined;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastCapture = Date.now();
    if (!options.marks) return await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 55 });
    await requestFrame({ tabId, frameId: 0 }, 'page.marks', { show: true });
    try {
      return await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 70 });
    } finally {
      await requestFrame({ tabId, frameId: 0 }, 'page.marks', { show: false }).catch(() => undefined);
    }
  } catch {
    return undefined;
  }
}
