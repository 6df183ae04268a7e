import { expect, test } from '../support/fixtures.ts';
import { envelope, sendRaw } from '../support/panel.ts';

test('the content script answers in the top frame, a same-origin iframe and a cross-origin iframe', async ({ harness, server, page }) => {
  await page.goto(server.url('/frames.html'));
  await expect.poll(() => page.frames().length).toBe(3);
  const tabId = await harness.tabIdOf(page);
  const panel = await harness.openSidePanel(page);

  const reply = (await sendRaw(panel, envelope('panel-to-background', 'tab.frames', { tabId }))) as {
    ok: boolean;
    value: { frameId: number; parentFrameId: number; url: string; error: string | null; page: { frameId: number; url: string; title: string; isTop: boolean } | null }[];
  };
  expect(reply.ok).toBe(true);
  const frames = reply.value;
  expect(frames).toHaveLength(3);
  for (const frame of frames) {
    expect(frame.error).toBeNull();
    // The frame id a content script learns from the background is the browser's own.
    expect(frame.page?.frameId).toBe(frame.frameId);
    expect(frame.page?.url).toBe(frame.url);
  }
  const top = frames.find((frame) => frame.frameId === 0);
  expect(top?.page).toMatchObject({ isTop: true, title: 'Frames parent' });
  const same = frames.find((frame) => frame.url.endsWith('which=same'));
  expect(same?.page).toMatchObject({ isTop: false, title: 'Frame child', url: `${server.origin}/frame-child.html?which=same` });
  expect(same?.parentFrameId).toBe(0);
  const cross = frames.find((frame) => frame.url.endsWith('which=cross'));
  expect(cross?.page).toMatchObject({ isTop: false, title: 'Frame child', url: `${server.otherOrigin}/frame-child.html?which=cross` });
  expect(new URL(cross?.url ?? '').origin).not.toBe(server.origin);
  await panel.close();
});
