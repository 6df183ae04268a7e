import { listen } from '../shared/transport.ts';
import { contentHandlers, panelHandlers } from './handlers.ts';
import { listenForKeepAlive, resumeRunning } from './run/runner.ts';

// Listeners are registered synchronously at start so that a message that wakes a stopped worker
// is not missed.
listen({ 'panel-to-background': panelHandlers, 'content-to-background': contentHandlers });
listenForKeepAlive();

// Runs that were going when the worker stopped go on from their last recorded step.
void resumeRunning();

chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
  console.error('Webwright: could not make the toolbar button open the side panel', error);
});

// The key and the secrets live in storage.local, which content scripts (page processes) could
// read by default; nothing but the extension's own pages needs it.
const local = chrome.storage.local as chrome.storage.StorageArea & { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
