import { expect, test } from '../support/fixtures.ts';

test('keyboard shortcuts reach the page, and Escape closes what they opened', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  expect(await harness.act(page, { action: 'press', key: 'Control+k' })).toMatchObject({ ok: true, kind: 'ok' });
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await harness.act(page, { action: 'press', key: 'Escape' });
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  expect(await harness.act(page, { action: 'press', key: 'Hyper+q' })).toMatchObject({ ok: false, kind: 'unsupported' });
});

test('Enter on a field submits its form; Tab moves focus on', async ({ harness, server, page }) => {
  await page.goto(server.url('/account/login.html'));
  await harness.act(page, { action: 'type', target: 'Email', text: 'jo@example.com' });
  await harness.act(page, { action: 'press', key: 'Tab' });
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
  await harness.act(page, { action: 'press', key: 'Enter', target: 'Password' });
  await expect(page.locator('#password-error')).toBeVisible();
});

test('scrolling the page loads more of a feed; scrolling past the end changes nothing', async ({ harness, server, page }) => {
  await page.goto(server.url('/feed/index.html'));
  const before = await page.locator('article').count();
  const result = await harness.act(page, { action: 'scroll', direction: 'bottom' });
  expect(result).toMatchObject({ ok: true, kind: 'ok' });
  await expect.poll(() => page.locator('article').count()).toBeGreaterThan(before);
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await harness.act(page, { action: 'scroll', direction: 'up' })).toMatchObject({ ok: false, kind: 'no-effect', message: expect.stringContaining('already at the top') });
});

test('a scrollable region named by the target scrolls, not the page', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const result = await harness.act(page, { action: 'scroll', direction: 'down', target: 'the Activity log', amount: 200 });
  expect(result).toMatchObject({ ok: true, message: expect.stringContaining('Scrolled the region down by 200px') });
  expect(await page.locator('#log').evaluate((log) => log.scrollTop)).toBe(200);
});

test('browser intents: navigate, back, forward, reload, and a bad URL refused', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  expect(await harness.act(page, { action: 'navigate', url: server.url('/editing/next.html') })).toMatchObject({ ok: true, effect: { kind: 'navigated' } });
  await expect(page).toHaveURL(/next\.html$/);
  expect(await harness.act(page, { action: 'back' })).toMatchObject({ ok: true, effect: { url: server.url('/editing/index.html') } });
  expect(await harness.act(page, { action: 'forward' })).toMatchObject({ ok: true, effect: { url: server.url('/editing/next.html') } });
  expect(await harness.act(page, { action: 'reload' })).toMatchObject({ ok: true });
  expect(await harness.act(page, { action: 'navigate', url: 'javascript:alert(1)' })).toMatchObject({ ok: false, kind: 'unsupported' });
  expect(await harness.act(page, { action: 'wait', until: 'You made it' })).toMatchObject({ ok: true });
  expect(await harness.act(page, { action: 'wait', until: 'Never shown', seconds: 0.3 })).toMatchObject({ ok: false, kind: 'timeout' });
});

test('an invalid intent is refused with the reason, not thrown', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const result = await harness.act(page, { action: 'click' } as never);
  expect(result).toMatchObject({ ok: false, kind: 'error', message: expect.stringContaining('say which element') });
});
