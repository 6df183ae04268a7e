import { sendToBackground, listen } from '../shared/transport.ts';
import { getPageInfo } from './page-info.ts';

// Injected by the manifest into every frame, and again on demand into tabs that were open before
// the extension was installed or reloaded. One live instance per document: a second injection
// while the first still listens does nothing; an orphan from a previous install is replaced.

interface Instance {
  runtimeId: string;
  stop: () => void;
}

const KEY = Symbol.for('webwright.content');
const slot = globalThis as unknown as Record<symbol, Instance | undefined>;

function isCurrent(instance: Instance | undefined): boolean {
  try {
    return instance !== undefined && instance.runtimeId === chrome.runtime.id;
  } catch {
    return false;
  }
}

function start(): void {
  const previous = slot[KEY];
  if (isCurrent(previous)) return;
  previous?.stop();

  const controller = new AbortController();
  let identity: Promise<number> | undefined;
  const frameId = () => {
    identity ??= sendToBackground('content-to-background', 'frame.identify', {}).then((frame) => frame.frameId);
    return identity;
  };

  listen(
    {
      'background-to-content': {
        'page.info': async () => getPageInfo(document, await frameId()),
      },
    },
    { signal: controller.signal },
  );
  slot[KEY] = { runtimeId: chrome.runtime.id, stop: () => controller.abort() };
}

start();
