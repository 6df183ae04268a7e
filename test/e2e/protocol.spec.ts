import { expect, test } from '../support/fixtures.ts';
import { envelope, sendRaw } from '../support/panel.ts';

test('malformed, unknown and misdirected messages get clear errors and the worker keeps working', async ({ harness, server, page }) => {
  await page.goto(server.url('/index.html'));
  const tabId = await harness.tabIdOf(page);
  const panel = await harness.openSidePanel(page);

  expect(await sendRaw(panel, { hello: 'there' })).toEqual({
    ok: false,
    error: { kind: 'bad-message', message: expect.stringContaining('Not a Webwright message') },
  });
  expect(await sendRaw(panel, envelope('panel-to-background', 'tab.info', { tabId: 'seven' }))).toEqual({
    ok: false,
    error: { kind: 'bad-message', message: expect.stringContaining('tabId') },
  });
  expect(await sendRaw(panel, envelope('panel-to-background', 'tab.launchMissiles', {}))).toEqual({
    ok: false,
    error: { kind: 'unknown-message', message: 'Unknown panel-to-background message "tab.launchMissiles".' },
  });
  // An extension page is not a content script: it may not speak for a frame.
  expect(await sendRaw(panel, envelope('content-to-background', 'frame.identify', {}))).toEqual({
    ok: false,
    error: { kind: 'forbidden', message: 'This sender may not send content-to-background messages.' },
  });
  expect(await sendRaw(panel, envelope('panel-to-background', 'tab.info', { tabId: 999_999 }))).toEqual({
    ok: false,
    error: { kind: 'no-tab', message: expect.stringContaining('Tab 999999 does not exist') },
  });

  const good = (await sendRaw(panel, envelope('panel-to-background', 'tab.info', { tabId }))) as { ok: boolean; value: unknown };
  expect(good).toMatchObject({ ok: true, value: { tabId, page: { title: 'Fixture home', isTop: true, frameId: 0 } } });
  await panel.close();
});

test('a web page has no channel to the extension', async ({ server, page }) => {
  await page.goto(server.url('/index.html'));
  const reachable = await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage);
  expect(reachable).toBe('undefined');
});
