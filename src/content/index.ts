import { WebwrightError } from '../shared/errors.ts';
import { isPageIntent } from '../shared/intent.ts';
import type { Handlers } from '../shared/messaging.ts';
import { listen, sendToBackground } from '../shared/transport.ts';
import { runPageIntent } from './act/index.ts';
import { elementContext } from './dom/context.ts';
import { createGroundMemo } from './ground-memo.ts';
import { locate, toReport } from './locate.ts';
import { hideMarks, showMarks } from './marks.ts';
import { hideShield, showShield } from './shield.ts';
import { createMasker } from '../shared/secrets.ts';
import { observe } from './observe.ts';
import { getPageInfo } from './page-info.ts';
import { RefRegistry } from './refs.ts';
import { waitForText } from './wait.ts';

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

/**
 * Resolves once what was just drawn has been painted: two animation frames. A hidden page paints
 * no frames, and a picture of it cannot be taken either, so hiding ends the wait too.
 */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    const done = () => {
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    document.addEventListener('visibilitychange', done);
    requestAnimationFrame(() => requestAnimationFrame(done));
  });
}

function start(): void {
  const previous = slot[KEY];
  if (isCurrent(previous)) return;
  previous?.stop();

  const controller = new AbortController();
  const registry = new RefRegistry();
  const memo = createGroundMemo(document, controller.signal);
  let identity: Promise<number> | undefined;
  const frameId = () => {
    identity ??= sendToBackground('content-to-background', 'frame.identify', {}).then((frame) => frame.frameId);
    return identity;
  };

  const handlers: Handlers<'background-to-content'> = {
    'page.info': async () => getPageInfo(document, await frameId()),
    'page.observe': (options) => observe(document, registry, options),
    'page.ground': ({ intent, refBy }) => {
      if (!isPageIntent(intent)) throw new WebwrightError('bad-message', `"${intent.action}" names no element to ground.`);
      const located = locate(document, registry, { target: intent.target, ref: intent.ref, point: intent.point, action: intent.action, refBy });
      memo.keep(intent, located);
      const report = toReport(located);
      return report.element && located.element ? { ...report, element: { ...report.element, ...elementContext(located.element) } } : report;
    },
    // The values typed are put back as references before anything leaves the page.
    'page.act': async ({ intent, secrets = {} }) => {
      const located = isPageIntent(intent) ? memo.take(intent) : undefined;
      const result = await runPageIntent(document, registry, intent, secrets, located);
      return createMasker(Object.entries(secrets).map(([name, value]) => ({ name, value }))).deep(result);
    },
    'page.shield': async ({ show, values }) => {
      if (!show) {
        hideShield();
        return { count: 0 };
      }
      const count = showShield(document, values);
      if (count) await painted();
      return { count };
    },
    'page.waitForText': ({ text, timeoutMs }) => waitForText(document, text, timeoutMs),
    'page.marks': async ({ show }) => {
      if (!show) {
        hideMarks();
        return { count: 0 };
      }
      const count = showMarks(document, registry);
      await painted();
      return { count };
    },
  };
  listen({ 'background-to-content': handlers }, { signal: controller.signal });
  slot[KEY] = { runtimeId: chrome.runtime.id, stop: () => controller.abort() };
}

start();
