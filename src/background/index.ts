import { listen } from '../shared/transport.ts';
import { contentHandlers, panelHandlers } from './handlers.ts';

// Listeners are registered synchronously at start so that a message that wakes a stopped worker
// is not missed.
listen({ 'panel-to-background': panelHandlers, 'content-to-background': contentHandlers });

chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
  console.error('Webwright: could not make the toolbar button open the side panel', error);
});
