// A screenshot of the tab for the trace (and for vision models). Chrome allows two captures a
// second and only of the visible tab of a window; a step without one is still a step.

let lastCapture = 0;

export async function captureScreenshot(tabId: number): Promise<string | undefined> {
  try {
    const tab = await chrome.tabs.get(tabId);
    if (!tab.active) return undefined;
    const wait = lastCapture + 550 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastCapture = Date.now();
    return await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 55 });
  } catch {
    return undefined;
  }
}
