import { expect, test } from '../support/fixtures.ts';

// Clicking and hovering through the extension: the right element or none, and the effect told.

test('a click lands on the element the words describe and reports what changed', async ({ harness, server, page }) => {
  await page.goto(server.url('/shop/index.html'));
  await expect(page.locator('#cart-count')).toHaveText('0');
  const result = await harness.act(page, { action: 'click', target: "the Add to cart button under 'Black Jacket'" });
  expect(result).toMatchObject({ ok: true, kind: 'ok', element: { role: 'button', name: 'Add to cart' }, effect: { kind: 'changed' } });
  await expect(page.locator('#cart-count')).toHaveText('1');
  expect(result.candidates?.[0]?.ref).toBe(result.ref);
  // The highlight is gone once the step is over.
  await expect(page.locator('webwright-highlight')).toHaveCount(0);
});

test('an ambiguous target acts on nothing and lists the candidates', async ({ harness, server, page }) => {
  await page.goto(server.url('/shop/index.html'));
  const result = await harness.act(page, { action: 'click', target: 'the Add to cart button' });
  expect(result).toMatchObject({ ok: false, kind: 'ambiguous' });
  expect(result.candidates?.length).toBeGreaterThan(1);
  expect(result.message).toMatch(/Name one by its ref/);
  await expect(page.locator('#cart-count')).toHaveText('0');
});

test('a target that matches nothing is not-found, with no action', async ({ harness, server, page }) => {
  await page.goto(server.url('/shop/index.html'));
  const result = await harness.act(page, { action: 'click', target: 'the Apply coupon button' });
  expect(result).toMatchObject({ ok: false, kind: 'not-found' });
  await expect(page.locator('#cart-count')).toHaveText('0');
});

test('a covered element is not clicked; the message names what covers it and how to clear it', async ({ harness, server, page }) => {
  await page.goto(server.url('/cookies/index.html'));
  const covered = await harness.act(page, { action: 'click', target: 'the Subscribe button' });
  expect(covered).toMatchObject({ ok: false, kind: 'not-actionable' });
  expect(covered.message).toMatch(/covered by/);
  expect(covered.message).toMatch(/Accept all/);
  expect(await harness.act(page, { action: 'click', target: 'Accept all' })).toMatchObject({ ok: true });
  expect(await harness.act(page, { action: 'click', target: 'the Subscribe button' })).toMatchObject({ ok: true });
});

test('identical elements side by side are interchangeable; the same words in different places or to different pages are not', async ({ harness, server, page }) => {
  await page.goto(server.url('/widgets/twins.html'));
  const status = page.locator('#status');
  expect(await harness.ground(page, { action: 'click', target: 'the OK button' })).toMatchObject({ kind: 'ok', message: expect.stringContaining('identical') });
  expect(await harness.act(page, { action: 'click', target: 'the OK button' })).toMatchObject({ ok: true });
  await expect(status).toHaveText('OK #1');
  expect(await harness.act(page, { action: 'click', target: 'the "ac" link' })).toMatchObject({ ok: true });
  await expect(status).toHaveText('ac #1');
  for (const target of ['the … link in Pages', 'the Choose button', 'the Remove button']) {
    await page.evaluate(() => (document.getElementById('status')!.textContent = 'Nothing yet'));
    expect(await harness.act(page, { action: 'click', target }), target).toMatchObject({ ok: false, kind: 'ambiguous' });
    await expect(status).toHaveText('Nothing yet');
  }
});

test('a button partly under another is clicked where it shows', async ({ harness, server, page }) => {
  await page.goto(server.url('/widgets/twins.html'));
  // The centre of ONE is under TWO: a person clicks the part of ONE that shows.
  const centre = await page.locator('#first').evaluate((element) => {
    const box = element.getBoundingClientRect();
    return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.id;
  });
  expect(centre).toBe('second');
  const one = await harness.act(page, { action: 'click', target: 'the ONE button' });
  expect(one, one.message).toMatchObject({ ok: true });
  await expect(page.locator('#status')).toHaveText('ONE #1 (first)');
  expect(await harness.act(page, { action: 'click', target: 'the TWO button' })).toMatchObject({ ok: true });
  await expect(page.locator('#status')).toHaveText('TWO #1 (second)');
});

test('a ref from an old snapshot whose element changed is reported stale, not obeyed', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const snapshot = await harness.observe(page);
  const ref = /\[(e\d+)\] button "Save draft"/.exec(snapshot)?.[1];
  expect(ref).toBeDefined();
  expect(await harness.act(page, { action: 'click', ref })).toMatchObject({ ok: true, kind: 'ok' });
  await expect(page.locator('#save')).toHaveText('Saved');
  // Its name changed, so it has a new ref; the old one names nothing now.
  const stale = await harness.act(page, { action: 'click', ref });
  expect(stale).toMatchObject({ ok: false, kind: 'stale-ref', message: expect.stringContaining('Observe the page again') });
  expect(await harness.observe(page)).not.toContain(`[${ref}]`);
  // A ref that contradicts the words is reported, not clicked.
  const other = /\[(e\d+)\] link "Continue to the next step"/.exec(await harness.observe(page))?.[1];
  const contradiction = await harness.act(page, { action: 'click', ref: other, target: 'the Go now button' });
  expect(contradiction).toMatchObject({ ok: false, kind: 'stale-ref' });
  await expect(page).toHaveURL(/editing\/index\.html$/);
});

test('a link that navigates, and a page that navigates away mid-action, are results with the new URL', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const link = await harness.act(page, { action: 'click', target: 'Continue to the next step' });
  expect(link).toMatchObject({ ok: true, effect: { kind: 'navigated', url: server.url('/editing/next.html') } });
  expect(await harness.observe(page)).toContain('heading "Next step"');
  await page.goto(server.url('/editing/index.html'));
  const go = await harness.act(page, { action: 'click', target: 'Go now' });
  expect(go).toMatchObject({ ok: true, effect: { kind: 'navigated' } });
  await expect(page).toHaveURL(/next\.html\?via=go/);
});

test('a link that opens a new tab says so', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const popup = page.context().waitForEvent('page');
  const result = await harness.act(page, { action: 'click', target: 'Open the help in a new tab' });
  expect(result).toMatchObject({ ok: true, effect: { kind: 'new-tab' } });
  await (await popup).close();
});

test('hover opens a menu that listens for the pointer', async ({ harness, server, page }) => {
  await page.goto(server.url('/menus/index.html'));
  const trigger = page.getByRole('link', { name: /Resources/ });
  await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  const result = await harness.act(page, { action: 'hover', target: 'the Resources menu' });
  expect(result).toMatchObject({ ok: true, kind: 'ok' });
  await expect(trigger).toHaveAttribute('aria-expanded', 'true');
});

test('a step grounded to be checked is acted on without grounding again, unless the page changed in between', async ({ harness, server, page }) => {
  await page.goto(server.url('/shop/index.html'));
  const target = "the Add to cart button under 'Black Jacket'";
  const grounded = await harness.ground(page, { action: 'click', target });
  const reused = await harness.act(page, { action: 'click', target });
  expect(reused).toMatchObject({ ok: true, reused: true, ref: grounded.element?.ref });
  await expect(page.locator('#cart-count')).toHaveText('1');
  // Grounded once, used once: the next step grounds afresh.
  expect((await harness.act(page, { action: 'click', target })).reused).toBeUndefined();

  // The page swaps the button for a new one after the check: the new one is found and clicked.
  await harness.ground(page, { action: 'click', target });
  await page.evaluate(() => {
    const card = [...document.querySelectorAll('.card')].find((element) => element.textContent?.includes('Black Jacket'));
    const old = [...(card?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.includes('Add to cart'));
    const fresh = old?.cloneNode(true) as HTMLButtonElement;
    fresh.addEventListener('click', () => document.body.setAttribute('data-fresh-clicked', 'yes'));
    old?.replaceWith(fresh);
  });
  const after = await harness.act(page, { action: 'click', target });
  expect(after).toMatchObject({ ok: true, element: { name: 'Add to cart' } });
  expect(after.reused).toBeUndefined();
  await expect(page.locator('body')).toHaveAttribute('data-fresh-clicked', 'yes');
  // A different step is never served what another grounded to.
  await harness.ground(page, { action: 'click', target });
  expect((await harness.act(page, { action: 'hover', target })).reused).toBeUndefined();
});

test('events go where a person\'s pointer lands: the tab\'s inner link, the icon in a clickable row, the word in a wider bar', async ({ harness, server, page }) => {
  await page.goto(server.url('/widgets/index.html'));
  expect(await harness.act(page, { action: 'click', target: 'the Reviews tab' })).toMatchObject({ ok: true });
  await expect(page.locator('#p-reviews')).toBeVisible();
  expect(await harness.act(page, { action: 'click', target: "the trash icon of the email from 'Audrey'" })).toMatchObject({ ok: true });
  await expect(page.locator('#inbox-status')).toHaveText('Deleted Audrey');
  await expect(page.locator('[data-case="thread-cora"]')).toBeVisible();
  expect(await harness.act(page, { action: 'click', target: 'the Forward button' })).toMatchObject({ ok: true });
  await expect(page.locator('#inbox-status')).toHaveText('Forwarding');
});

test('a removed target is not-found and nothing else is clicked', async ({ harness, server, page }) => {
  await page.goto(server.url('/widgets/index.html'));
  await page.locator('[data-case="star-cora"]').evaluate((element) => element.remove());
  const result = await harness.act(page, { action: 'click', target: 'the star icon of the email from Cora' });
  expect(result).toMatchObject({ ok: false, kind: 'not-found' });
  expect(result.message).toMatch(/"Cora" is on the page, but nothing in it fits/);
  await expect(page.locator('#inbox-status')).toHaveText('No action yet');
});

test('a script-drawn dropdown is chosen from as a person does, and the hidden select follows', async ({ harness, server, page }) => {
  await page.goto(server.url('/widgets/index.html'));
  const result = await harness.act(page, { action: 'select', target: 'the height dropdown', option: '5ft 10in' });
  expect(result, result.message).toMatchObject({ ok: true });
  expect(await page.locator('#height').inputValue()).toBe('5ft 10in');
  await expect(page.locator('.picker .current')).toHaveText('5ft 10in ▾');
});

test('the arrows a person sees inside aria-hidden content can be clicked', async ({ harness, server, page }) => {
  await page.goto(server.url('/widgets/index.html'));
  expect(await harness.act(page, { action: 'click', target: 'the down arrow button of the spinner' })).toMatchObject({ ok: true });
  expect(await harness.act(page, { action: 'click', target: 'the down arrow button of the spinner' })).toMatchObject({ ok: true });
  await expect(page.locator('#spin-value')).toHaveValue('-2');
});
