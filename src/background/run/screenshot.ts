import { requestFrame } from '../router.ts';
import { loadSecrets } from '../settings-store.ts';

// A screenshot of the tab for the trace (and for vision models, with set-of-marks labels: each
// element in view marked with its ref). Chrome allows two captures a second and only of the
// visible tab of a window; a step without one is still a step.
//
// Secrets are covered before the picture is taken, in every frame: secret fields whatever they
// hold, and stored secrets wherever the page shows them. A frame that cannot be covered (no
// content script yet) means no picture at all, rather than one that may show a secret.

let lastCapture = 0;

async function shield(tabId: number, show: boolean): Promise<boolean> {
  const frames = (await chrome.webNavigation.getAllFrames({ tabId }).catch(() => null)) ?? [{ frameId: 0 }];
  const values = show ? (await loadSecrets()).map((secret) => secret.value) : [];
  const results = await Promise.allSettled(frames.map((frame) => requestFrame({ tabId, frameId: frame.frameId }, 'page.shield', { show, values })));
  return results.every((result) => result.status === 'fulfilled');
}

export async function captureScreenshot(tabId: number, options: { wait: boolean; marks?: boolean }): Promise<string | undefined> {
  try {
    const tab = await chrome.tabs.get(tabId);
    if (!tab.active) return undefined;
    const wait = lastCapture + 550 - Date.now();
    // Only a model that reads the picture is worth waiting for; a trace can go without one.
    if (wait > 0 && !options.wait) return undefined;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastCapture = Date.now();
    try {
      if (!(await shield(tabId, true))) return undefined;
      if (options.marks) await requestFrame({ tabId, frameId: 0 }, 'page.marks', { show: true });
      return await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: options.marks ? 70 : 55 });
    } finally {
      if (options.marks) await requestFrame({ tabId, frameId: 0 }, 'page.marks', { show: false }).catch(() => undefined);
      await shield(tabId, false);
    }
  } catch {
    return undefined;
  }
}
