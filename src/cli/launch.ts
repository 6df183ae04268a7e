import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findChromium } from './chromium.ts';
import { createControlPage, type ControlPage } from './control-page.ts';
import { assertBuiltExtension, defaultExtensionPath } from './paths.ts';
import { sandboxOption } from './sandbox.ts';

export interface LaunchOptions {
  /** Show a browser window (needs a display). Headless by default. */
  headed?: boolean;
  /** The browser executable; found automatically when omitted. */
  executablePath?: string;
  /** The unpacked extension; the built dist/ by default. */
  extensionPath?: string;
  /** Extra command-line switches for the browser. */
  args?: string[];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The live service worker: a stopped one is woken first, and the handle is looked up afresh. */
  serviceWorker(): Promise<Worker>;
  /** The extension page (in a window of its own) that Node talks to the extension through. */
  controlPage: ControlPage;
  /** Opens the side panel as a page of its own, pinned to the given page's tab when one is named. */
  openSidePanel(forPage?: Page): Promise<Page>;
  /** The browser's tab id for a page. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export class NoDisplayError extends Error {
  constructor() {
    super(
      'There is no display to show a browser window on ($DISPLAY and $WAYLAND_DISPLAY are unset). ' +
        'Run headless instead: npm run agent -- open --url <url>  (or start one under Xvfb: xvfb-run npm start).',
    );
    this.name = new.target.name;
  }
}

function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

// Flags measured to keep Chromium quiet and fast in containers with no outside network.
export const quietArgs = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  // A common laptop window, rather than Chromium's small default.
  '--window-size=1280,800',
];

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const headed = options.headed ?? false;
  if (headed && !hasDisplay()) throw new NoDisplayError();
  const extensionPath = options.extensionPath ?? defaultExtensionPath;
  assertBuiltExtension(extensionPath);
  const executablePath = options.executablePath ?? findChromium();
  const userDataDir = await mkdtemp(join(tmpdir(), 'webwright-profile-'));
  const args = [
    ...quietArgs,
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    ...(options.args ?? []),
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: !headed, args, viewport: null, ...sandboxOption() });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const findWorker = (): Promise<Worker> => {
    const live = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
    return live ? Promise.resolve(live) : context.waitForEvent('serviceworker', { timeout: 10_000 });
  };
  // Fresh from launch the worker is running: its URL gives the id.
  const extensionId = new URL((await findWorker()).url()).host;
  const controlPage = createControlPage(context, extensionId);

  const serviceWorker = async (): Promise<Worker> => {
    // Playwright's handle to a stopped worker evaluates only once something else has started it
    // again; any message from an extension page does.
    const page = await controlPage.get();
    await page.evaluate(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined));
    return findWorker();
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    await page.bringToFront();
    const url = page.url();
    // bringToFront makes the page the active tab. Its URL is only readable where the extension
    // has host access (not data: or about: pages), so a missing URL is no contradiction.
    const id = await (await controlPage.get()).evaluate(async (pageUrl) => {
      const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const seen = active?.url ?? active?.pendingUrl;
      if (active?.id === undefined || (seen !== undefined && seen !== pageUrl)) return -1;
      return active.id;
    }, url);
    if (id < 0) throw new Error(`Could not tell which browser tab shows ${url}`);
    return id;
  };

  const openSidePanel = async (forPage?: Page): Promise<Page> => {
    const query = forPage ? `?tab=${await tabIdOf(forPage)}` : '';
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/src/sidepanel/index.html${query}`);
    return panel;
  };

  return {
    context,
    extensionId,
    serviceWorker,
    controlPage,
    openSidePanel,
    tabIdOf,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
