import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { createControl } from './control.ts';
import { launchBrowser, type LaunchedBrowser } from './launch.ts';
import { chooseModel, UsageError } from './options.ts';
import { openStartPage } from './start-page.ts';
import type { StaticServer } from './static-server.ts';
import { startWelcomeServer } from './welcome.ts';

// `open [--url <url>] [--base-url U --model M] [--headed] [--exit]`: Chromium with Webwright loaded,
// on the welcome page unless a URL is given, and the side panel ready.

/** The model named by flags or the environment, or none when neither names one. */
function modelToSave(flags: { 'base-url'?: string | undefined; model?: string | undefined }) {
  const named = flags['base-url'] ?? flags.model ?? (process.env.OPENAI_BASE_URL && process.env.WEBWRIGHT_MODEL);
  return named ? chooseModel(flags) : undefined;
}

/** Saves the model in the extension's settings, so the side panel can run goals with it at once. */
async function saveModel(browser: LaunchedBrowser, model: { baseURL: string; model: string; apiKey: string }): Promise<void> {
  const control = createControl(browser.controlPage);
  const { settings } = await control.send('settings.get', {});
  await control.send('settings.save', { settings: { ...settings, model: { ...settings.model, provider: 'custom', baseURL: model.baseURL, model: model.model } }, ...(model.apiKey ? { apiKey: model.apiKey } : {}) });
}

/** Shows the side panel in the window (headed) or as a page of its own, and says what it shows. */
async function showSidePanel(browser: LaunchedBrowser, page: Page, headed: boolean): Promise<void> {
  const panel = await browser.openSidePanel(page).catch(() => browser.openSidePanel());
  if (headed) {
    // A real side panel needs a user gesture; an extension page's evaluate counts as one.
    const opened = await panel
      .evaluate(async () => {
        const { id } = await chrome.windows.getCurrent();
        if (id === undefined) return false;
        await chrome.sidePanel.open({ windowId: id });
        return true;
      })
      .catch(() => false);
    if (opened) await panel.close();
    await page.bringToFront();
  }
  if (!panel.isClosed()) {
    const shown = await panel.getByTestId('page-title').or(panel.getByRole('alert').locator('p')).first().textContent();
    console.log(`Side panel: chrome-extension://${browser.extensionId}/src/sidepanel/index.html shows "${shown?.trim()}".`);
  }
}

export async function openCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      'base-url': { type: 'string' },
      model: { type: 'string' },
      headed: { type: 'boolean', default: false },
      exit: { type: 'boolean', default: false },
    },
  });
  if (values.url === '') throw new UsageError('--url needs a URL, such as https://example.com.');
  const model = modelToSave(values);
  const browser = await launchBrowser({ headed: values.headed });
  let welcome: StaticServer | undefined;
  try {
    if (model) {
      await saveModel(browser, model);
      console.log(`Model: ${model.model} at ${model.baseURL}, saved in Settings.`);
    }
    welcome = values.url === undefined ? await startWelcomeServer() : undefined;
    const url = values.url ?? welcome?.url('/') ?? 'about:blank';
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const loaded = await openStartPage(page, url);
    // The browser stays open on Chrome's error page, which says the same in the window.
    if (!loaded.ok) console.error(loaded.message);
    console.log(`Webwright ${browser.extensionId} is loaded in Chromium${values.headed ? '' : ' (headless)'}, showing ${welcome ? `the welcome page at ${url}` : loaded.ok ? url : `Chrome's error page for ${url}`}.`);
    await showSidePanel(browser, page, values.headed);
    if (values.exit) return 0;
    console.log('Press Ctrl+C to close the browser.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
      browser.context.once('close', () => resolve());
    });
    return 0;
  } finally {
    await browser.close();
    await welcome?.close();
  }
}
