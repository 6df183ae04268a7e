import { WebwrightError } from '../shared/errors.ts';
import type { FrameReport } from '../shared/protocol.ts';
import type { Handlers } from '../shared/messaging.ts';
import { actInTab, groundInTab } from './agent/act.ts';
import { observeTab } from './agent/observe.ts';
import { requestFrame } from './router.ts';
import { runHandlers } from './run-handlers.ts';
import { resolveTab } from './tabs.ts';

function tabIdOf(tab: chrome.tabs.Tab): number {
  if (tab.id === undefined) throw new WebwrightError('no-tab', 'That tab has no id (it is not a normal browser tab).');
  return tab.id;
}

export const panelHandlers: Handlers<'panel-to-background'> = {
  'tab.info': async (target) => {
    const tab = await resolveTab(target);
    const tabId = tabIdOf(tab);
    const page = await requestFrame({ tabId, frameId: 0 }, 'page.info', {});
    return { tabId, windowId: tab.windowId, page };
  },
  'tab.frames': async (target) => {
    const tabId = tabIdOf(await resolveTab(target));
    const frames = (await chrome.webNavigation.getAllFrames({ tabId })) ?? [];
    return Promise.all(
      frames.map(async (frame): Promise<FrameReport> => {
        const base = { frameId: frame.frameId, parentFrameId: frame.parentFrameId, url: frame.url };
        try {
          const page = await requestFrame({ tabId, frameId: frame.frameId }, 'page.info', {}, { timeoutMs: 5_000 });
          return { ...base, page, error: null };
        } catch (error) {
          return { ...base, page: null, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  },
  'agent.observe': async (target) => observeTab(tabIdOf(await resolveTab(target)), target),
  'agent.act': async (target) => actInTab(tabIdOf(await resolveTab(target)), target.intent),
  'agent.ground': async (target) => groundInTab(tabIdOf(await resolveTab(target)), target.intent),
  ...runHandlers,
};

export const contentHandlers: Handlers<'content-to-background'> = {
  'frame.identify': (_payload, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined) {
      throw new WebwrightError('forbidden', 'Only a content script in a tab can ask which frame it is.');
    }
    return { tabId, frameId: sender.frameId };
  },
};
