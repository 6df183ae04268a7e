import { expect, test } from '../support/fixtures.ts';

// The snapshot the planner reads, taken by the extension on real pages.

/** The ref of an element, listed alone ([e3] button "Save") or in a group (- 3 buttons: [e3] "Save" · ...). */
function refOf(snapshot: string, role: string, name: string): string | undefined {
  const quoted = `"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`;
  const alone = new RegExp(`\\[((?:f\\d+:)?e\\d+)\\] ${role} ${quoted}`).exec(snapshot)?.[1];
  if (alone) return alone;
  const group = new RegExp(`- \\d+ ${role}e?s: .*?\\[((?:f\\d+:)?e\\d+)\\] ${quoted}`).exec(snapshot);
  return group?.[1];
}

test('refs stay the same across snapshots and change when an element changes meaning', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const first = await harness.observe(page);
  expect(await harness.observe(page)).toBe(first);
  const save = refOf(first, 'button', 'Save draft');
  const go = refOf(first, 'button', 'Go now');
  expect(save).toBeDefined();
  await page.locator('#save').click();
  const second = await harness.observe(page);
  expect(refOf(second, 'button', 'Saved')).not.toBe(save);
  expect(refOf(second, 'button', 'Go now')).toBe(go);
});

test('the snapshot leaves out hidden things and says what it left out of view', async ({ harness, server, page }) => {
  await page.setViewportSize({ width: 900, height: 420 });
  await page.goto(server.url('/editing/index.html'));
  const snapshot = await harness.observe(page);
  expect(snapshot).toContain('Page: Compose – Inkwell');
  expect(snapshot).toMatch(/Page: Compose – Inkwell — http:\/\/127\.0\.0\.1:\d+\/editing\/index\.html/);
  expect(snapshot).not.toContain('Secret action');
  expect(snapshot).not.toContain('Command palette');
  expect(await harness.observe(page, { full: true })).toMatch(/region "Activity log" \[scrollable\]/);
  expect(snapshot).toMatch(/\[below the viewport: \d+ interactive/);
  // Asking for everything lists what was only counted.
  const full = await harness.observe(page, { full: true });
  expect(full).not.toMatch(/below the viewport/);
  expect(full).toContain('link "Continue to the next step"');
});

test('a long page is summarised outside the viewport, and the budget cuts with a marker', async ({ harness, server, page }) => {
  await page.goto(server.url('/feed/index.html'));
  const snapshot = await harness.observe(page);
  const listed = snapshot.match(/\[e\d+\]/g) ?? [];
  const counted = Number(/\[below the viewport: (\d+) interactive/.exec(snapshot)?.[1] ?? 0);
  expect(counted).toBeGreaterThan(listed.length);
  const cut = await harness.observation(page, { maxTokens: 60 });
  expect(cut.truncated).toBe(true);
  expect(cut.text).toMatch(/\[snapshot cut here at the 60-token budget: \d+ more lines? not shown/);
  expect(cut.text.length).toBeLessThan(snapshot.length);
});

test('states are shown: checked, expanded, required, invalid, disabled, values', async ({ harness, server, page }) => {
  await page.goto(server.url('/account/login.html'));
  await harness.act(page, { action: 'click', target: 'Sign in' });
  const snapshot = await harness.observe(page);
  expect(snapshot).toMatch(/textbox "Email[^"]*"[^\n]*\[required\][^\n]*\[invalid\]/);
  expect(snapshot).toMatch(/checkbox "Remember me"(?! \[checked\])/);
  await harness.act(page, { action: 'check', target: 'Remember me' });
  expect(await harness.observe(page)).toMatch(/checkbox "Remember me" \[checked\]/);
  await page.goto(server.url('/vue/index.html'));
  expect(await harness.observe(page)).toMatch(/combobox "Party size" value="2 people" options: "1 person" \| "2 people"/);
});

test('open shadow roots and same-origin frames are inlined; a cross-origin frame is stitched in with its own refs', async ({ harness, server, page }) => {
  await page.goto(server.url('/components/index.html'));
  const components = await harness.observe(page, { full: true });
  expect(components).toMatch(/switch "Gift wrap"/);
  // Elements of one role side by side share a line: the role once, each ref and name.
  expect(components).toMatch(/- 5 radios: \[e\d+\] "1 star" · \[e\d+\] "2 stars" · /);
  await page.goto(server.url('/frames/index.html'));
  await expect.poll(() => page.frames().length).toBeGreaterThanOrEqual(3);
  const snapshot = await harness.observe(page, { full: true });
  expect(refOf(snapshot, 'textbox', 'Newsletter email')).toMatch(/^e\d+$/);
  expect(snapshot).toMatch(new RegExp(`iframe "Secure card payment" \\[frame \\d+, ${server.otherOrigin.replace(/[.:/]/g, '\\$&')}\\]:`));
  const card = refOf(snapshot, 'textbox', 'Card number');
  expect(card).toMatch(/^f\d+:e\d+$/);
  // Acting by the frame-qualified ref reaches into the cross-origin frame.
  expect(await harness.act(page, { action: 'type', ref: card, text: '4242 4242 4242 4242' })).toMatchObject({ ok: true, ref: card });
  expect(await page.frameLocator('iframe[title="Secure card payment"]').locator('#cc-number').inputValue()).toBe('4242 4242 4242 4242');
  // And by words alone, the grounder finds the best frame itself.
  expect(await harness.act(page, { action: 'type', target: 'Name on card', text: 'Ada Lovelace' })).toMatchObject({ ok: true, element: { name: 'Name on card' } });
});

test('password, payment-card and one-time-code values never appear in a snapshot', async ({ harness, server, page }) => {
  await page.goto(server.url('/account/login.html'));
  await harness.act(page, { action: 'type', target: 'Password', text: 'hunter2-secret' });
  let snapshot = await harness.observe(page);
  expect(snapshot).not.toContain('hunter2-secret');
  expect(snapshot).toMatch(/textbox "Password"[^\n]*value=\[hidden\]/);
  await page.goto(server.url('/editing/index.html'));
  await harness.act(page, { action: 'type', target: 'Verification code', text: '918273' });
  snapshot = await harness.observe(page);
  expect(snapshot).not.toContain('918273');
  await page.goto(server.url('/frames/index.html'));
  await expect.poll(() => page.frames().length).toBeGreaterThanOrEqual(3);
  const result = await harness.act(page, { action: 'type', target: 'Card number', text: '4000 0566 5566 5556' });
  expect(result.ok).toBe(true);
  expect(JSON.stringify(result)).not.toContain('5556');
  expect(await harness.observe(page, { full: true })).not.toContain('5556');
});

test('a modal dialog hides the page behind it from the snapshot and from grounding', async ({ harness, server, page }) => {
  await page.goto(server.url('/dialogs/index.html'));
  await harness.act(page, { action: 'click', target: 'Delete project' });
  const snapshot = await harness.observe(page);
  expect(snapshot).toMatch(/a modal dialog[^\n]* is open: \d+ interactive elements behind it are not listed/);
  expect(snapshot).not.toContain('Copy link');
  expect(await harness.ground(page, { action: 'click', target: 'Copy link' })).toMatchObject({ kind: 'not-found' });
});
