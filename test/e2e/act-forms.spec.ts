import { expect, test } from '../support/fixtures.ts';

// Typing, choosing and checking through the extension's executor: the page's own framework
// must see every change.

test('React sees typing, choosing and checking in its controlled inputs', async ({ harness, server, page }) => {
  await page.goto(server.url('/react/index.html'));
  expect(await harness.act(page, { action: 'type', target: 'Your name', text: 'Ada Lovelace' })).toMatchObject({ ok: true, kind: 'ok' });
  expect(await harness.act(page, { action: 'select', target: 'the Topic dropdown', option: 'Returns' })).toMatchObject({ ok: true });
  expect(await harness.act(page, { action: 'type', target: 'Message', text: 'The parcel arrived damaged.' })).toMatchObject({ ok: true });
  expect(await harness.act(page, { action: 'check', target: 'Email me product updates' })).toMatchObject({ ok: true, kind: 'ok' });
  const sent = await harness.act(page, { action: 'click', target: 'Send message' });
  expect(sent).toMatchObject({ ok: true, kind: 'ok', effect: { kind: 'changed' } });
  await expect(page.locator('[data-out="name"]')).toHaveText('Ada Lovelace');
  await expect(page.locator('[data-out="topic"]')).toHaveText(/returns/i);
  await expect(page.locator('[data-out="message"]')).toHaveText('The parcel arrived damaged.');
  await expect(page.locator('[data-out="subscribe"]')).toHaveText('yes');
});

test('Vue sees typing, choosing and checking through v-model', async ({ harness, server, page }) => {
  await page.goto(server.url('/vue/index.html'));
  await harness.act(page, { action: 'type', target: 'Full name', text: 'Grace Hopper' });
  expect(await harness.act(page, { action: 'select', target: 'Party size', option: '6 people' })).toMatchObject({ ok: true, effect: { details: expect.arrayContaining(['value is now "6 people"']) } });
  await harness.act(page, { action: 'check', target: 'Outdoor seating' });
  await harness.act(page, { action: 'click', target: 'Book now' });
  await expect(page.locator('[data-out="guest"]')).toHaveText('Grace Hopper');
  await expect(page.locator('[data-out="party"]')).toHaveText('6');
  await expect(page.locator('[data-out="outdoor"]')).toHaveText('yes');
});

test('typing replaces what a field held unless told to add, and can press Enter after', async ({ harness, server, page }) => {
  await page.goto(server.url('/account/login.html'));
  await harness.act(page, { action: 'type', target: 'Email', text: 'first@example.com' });
  await harness.act(page, { action: 'type', target: 'Email', text: 'jo@example.com' });
  await expect(page.locator('#email')).toHaveValue('jo@example.com');
  await harness.act(page, { action: 'type', target: 'Email', text: '.uk', clear: false });
  await expect(page.locator('#email')).toHaveValue('jo@example.com.uk');
  // Enter in a field submits its form; the empty password then fails validation.
  const result = await harness.act(page, { action: 'type', target: 'Email', text: 'jo@example.com', submit: true });
  expect(result.message).toContain('Pressed Enter');
  await expect(page.locator('#password-error')).toBeVisible();
});

test('a contenteditable editor, a range, and date and time inputs take values as a person gives them', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  expect(await harness.act(page, { action: 'type', target: 'the Post body editor', text: 'Hello from Webwright' })).toMatchObject({ ok: true, kind: 'ok' });
  await expect(page.locator('#mirror')).toHaveText('Hello from Webwright');
  await harness.act(page, { action: 'type', target: 'Departure date', text: '14 December 2026' });
  await expect(page.locator('#departure')).toHaveValue('2026-12-14');
  await harness.act(page, { action: 'type', target: 'Departure time', text: '3:30 PM' });
  await expect(page.locator('#time')).toHaveValue('15:30');
  await harness.act(page, { action: 'type', target: 'Volume', text: '75' });
  await expect(page.locator('#volume-out')).toHaveText('75');
});

test('check is idempotent for switches and checkboxes, and refuses to uncheck a radio button', async ({ harness, server, page }) => {
  await page.goto(server.url('/settings/index.html'));
  expect(await harness.act(page, { action: 'click', target: 'the Notifications tab' })).toMatchObject({ ok: true, kind: 'ok' });
  const on = page.locator('[data-case="sw-email"]');
  await expect(on).toHaveAttribute('aria-checked', 'true');
  const again = await harness.act(page, { action: 'check', target: 'the Email notifications switch', checked: true });
  expect(again).toMatchObject({ ok: true, kind: 'ok', message: expect.stringContaining('already checked') });
  await expect(on).toHaveAttribute('aria-checked', 'true');
  expect(await harness.act(page, { action: 'check', target: 'the Email notifications switch', checked: false })).toMatchObject({ ok: true, kind: 'ok' });
  await expect(on).toHaveAttribute('aria-checked', 'false');
  // A checkbox styled as a switch: its input is hidden and its label takes the click.
  expect(await harness.act(page, { action: 'check', target: 'Product announcements' })).toMatchObject({ ok: true, kind: 'ok' });
  await expect(page.locator('#announce')).toBeChecked();
  await harness.act(page, { action: 'click', target: 'the Advanced section' });
  const radio = await harness.act(page, { action: 'check', target: 'Weekly', checked: false });
  expect(radio).toMatchObject({ ok: false, kind: 'unsupported', message: expect.stringContaining('choose another option') });
});

test('an ARIA combobox is filled and its option picked; a native select says which options it has', async ({ harness, server, page }) => {
  await page.goto(server.url('/search/index.html'));
  const picked = await harness.act(page, { action: 'select', target: 'the destination search box', option: 'Lisbon' });
  expect(picked).toMatchObject({ ok: true, kind: 'ok' });
  await expect(page.locator('#q')).toHaveValue(/Lisbon/);
  await page.goto(server.url('/vue/index.html'));
  const missing = await harness.act(page, { action: 'select', target: 'Party size', option: '12 people' });
  expect(missing).toMatchObject({ ok: false, kind: 'not-found', message: expect.stringContaining('"8 people"') });
});
