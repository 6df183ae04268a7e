import { expect, test } from '../support/fixtures.ts';
import { envelope, sendRaw } from '../support/panel.ts';
import { launchWithoutExtension, stopServiceWorker } from '../support/worker.ts';

test('after the service worker is stopped, the next message wakes it and works', async ({ harness, server, page }) => {
  await page.goto(server.url('/index.html'));
  const tabId = await harness.tabIdOf(page);
  const panel = await harness.openSidePanel(page);
  await expect(panel.getByTestId('page-title')).toHaveText('Fixture home');
  const worker = await harness.serviceWorker();
  await worker.evaluate(() => {
    (globalThis as { marker?: string }).marker = 'first life';
  });

  await stopServiceWorker(panel);

  const reply = await sendRaw(panel, envelope('panel-to-background', 'tab.info', { tabId }));
  expect(reply).toMatchObject({ ok: true, value: { tabId, page: { title: 'Fixture home' } } });
  // A new life of the worker: what the old one kept in memory is gone.
  expect(await worker.evaluate(() => (globalThis as { marker?: string }).marker)).toBeUndefined();

  // The panel keeps following the tab through the restarted worker.
  await page.goto(server.url('/frame-child.html'));
  await expect(panel.getByTestId('page-title')).toHaveText('Frame child');
  await panel.close();
});

test('a tab opened before the extension was installed gets the content script injected on demand', async ({ server }) => {
  const browser = await launchWithoutExtension();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(server.url('/frames.html'));
    const extensionId = await browser.install();
    const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
    await page.bringToFront();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    // Chrome does not put content scripts into pages that were open before the install.
    const before = await worker.evaluate(
      (id) => chrome.tabs.sendMessage(id ?? -1, 'anyone there?').then(() => 'answered', (error: Error) => error.message),
      tabId,
    );
    expect(before).toContain('Receiving end does not exist');

    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/src/sidepanel/index.html?tab=${tabId}`);
    await expect(panel.getByTestId('page-title')).toHaveText('Frames parent');
    const frames = (await sendRaw(panel, envelope('panel-to-background', 'tab.frames', { tabId }))) as {
      ok: boolean;
      value: { frameId: number; error: string | null; page: { frameId: number } | null }[];
    };
    expect(frames.ok).toBe(true);
    expect(frames.value).toHaveLength(3);
    for (const frame of frames.value) {
      expect(frame.error).toBeNull();
      expect(frame.page?.frameId).toBe(frame.frameId);
    }
  } finally {
    await browser.close();
  }
});
