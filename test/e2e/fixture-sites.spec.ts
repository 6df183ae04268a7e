import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from '@playwright/test';
import { z } from 'zod';
import { Intent, isPageIntent } from '../../src/shared/intent.ts';
import { expect, test } from '../support/fixtures.ts';

// Sanity checks for the fixture sites (test/fixtures/pages/<site>/) and the grounding cases written
// against them (test/fixtures/cases/<site>.json): every case parses, its intent is valid, its page
// loads cleanly, its setup runs, and an "element" case names exactly one visible element. Then one
// small test per behaviour that later tests rely on. Needs `npm run build:fixtures` (React, Vue).

const casesDir = fileURLToPath(new URL('../fixtures/cases/', import.meta.url));

const SetupStep = z.union([
  z.object({ click: z.string().min(1) }).strict(),
  z.object({ fill: z.tuple([z.string().min(1), z.string()]) }).strict(),
  z.object({ scroll: z.number().nonnegative() }).strict(),
  z.object({ wait: z.number().positive().max(5_000) }).strict(),
  z.object({ remove: z.string().min(1) }).strict(),
]);
type SetupStep = z.infer<typeof SetupStep>;

const Case = z
  .object({
    id: z.string().regex(/^[a-z]+(?:-[a-z]+)*-\d{3}$/),
    page: z.string().startsWith('/'),
    setup: z.array(SetupStep).min(1).optional(),
    intent: z.record(z.string(), z.unknown()),
    expect: z.union([
      z.object({ element: z.string().min(1) }).strict(),
      z.object({ kind: z.enum(['ambiguous', 'not-found']) }).strict(),
    ]),
    known: z.string().min(10).optional(),
  })
  .strict();
type Case = z.infer<typeof Case>;

const CaseFile = z.object({ site: z.string().min(1), lang: z.enum(['en', 'zh']).optional(), cases: z.array(Case).min(1) }).strict();

interface Loaded {
  file: string;
  site: string;
  cases: Case[];
}

const siteFiles = readdirSync(casesDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

function load(file: string): Loaded {
  const raw: unknown = JSON.parse(readFileSync(`${casesDir}${file}`, 'utf8'));
  const parsed = CaseFile.parse(raw);
  return { file, site: parsed.site, cases: parsed.cases };
}

interface Tagged {
  name: string;
  visible: boolean;
}

/** Every [data-case] in a frame's document and, recursively, in its open shadow roots. */
function collectTagged(): Tagged[] {
  const found: Tagged[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const name = el.getAttribute('data-case');
      if (name !== null) {
        const box = el.getBoundingClientRect();
        const visible = el.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0;
        found.push({ name, visible });
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}

/** data-case names per "scope": the top document with its same-origin frames, and each cross-origin frame. */
async function taggedByScope(page: Page): Promise<Map<string, Tagged[]>> {
  const top = new URL(page.url()).origin;
  const scopes = new Map<string, Tagged[]>();
  for (const frame of page.frames()) {
    const url = frame.url();
    if (!url.startsWith('http')) continue;
    const scope = new URL(url).origin === top ? 'top' : `frame ${url}`;
    const tagged = await frame.evaluate(collectTagged).catch(() => [] as Tagged[]);
    scopes.set(scope, [...(scopes.get(scope) ?? []), ...tagged]);
  }
  return scopes;
}

async function runSetup(page: Page, steps: SetupStep[]): Promise<void> {
  for (const step of steps) {
    if ('click' in step) await page.locator(step.click).click({ timeout: 5_000 });
    else if ('fill' in step) await page.locator(step.fill[0]).fill(step.fill[1], { timeout: 5_000 });
    else if ('scroll' in step) await page.evaluate((y) => window.scrollTo(0, y), step.scroll);
    else if ('remove' in step) expect(await page.locator(step.remove).evaluateAll((elements) => elements.map((element) => element.remove()).length), step.remove).toBeGreaterThan(0);
    else await page.waitForTimeout(step.wait);
  }
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  return errors;
}

test('the case files as a whole: enough cases, of each kind, unique ids', () => {
  const all = siteFiles.map(load);
  const cases = all.flatMap((file) => file.cases);
  const kinds = { element: 0, ambiguous: 0, 'not-found': 0 };
  for (const c of cases) kinds['element' in c.expect ? 'element' : c.expect.kind]++;
  expect(all.length).toBeGreaterThanOrEqual(14);
  expect(cases.length).toBeGreaterThanOrEqual(250);
  expect(kinds.ambiguous).toBeGreaterThanOrEqual(25);
  expect(kinds['not-found']).toBeGreaterThanOrEqual(25);
  expect(kinds.element / cases.length).toBeGreaterThanOrEqual(0.75);
  for (const file of all) {
    expect(file.file, 'one file per site, named after it').toBe(`${file.site}.json`);
    expect(file.cases.length, file.site).toBeGreaterThanOrEqual(14);
  }
  const ids = cases.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
});

for (const file of siteFiles) {
  test(`grounding cases for ${file}`, async ({ page, server }) => {
    test.setTimeout(180_000);
    const { site, cases } = load(file);
    const errors = watchErrors(page);
    for (const c of cases) {
      expect(c.id.startsWith(`${site}-`), c.id).toBe(true);
      const intent = Intent.safeParse(c.intent);
      expect(intent.success, `${c.id}: ${intent.error?.message ?? ''}`).toBe(true);
      if (!intent.success) continue;
      expect(isPageIntent(intent.data), `${c.id}: a page action`).toBe(true);
      expect(typeof c.intent.target === 'string' && !('ref' in c.intent) && !('point' in c.intent), `${c.id}: words only`).toBe(true);

      errors.length = 0;
      const response = await page.goto(server.url(c.page));
      expect(response?.status(), `${c.id}: ${c.page}`).toBe(200);
      await page.waitForLoadState('load');
      if (c.setup) await runSetup(page, c.setup);

      if ('element' in c.expect) {
        const name = c.expect.element;
        // Framework pages render after load, and the feed loads after a scroll: poll.
        await expect
          .poll(
            async () => {
              const scopes = await taggedByScope(page);
              return [...scopes.values()].flat().filter((t) => t.name === name);
            },
            { message: `${c.id}: exactly one visible [data-case="${name}"]`, timeout: 5_000 },
          )
          .toEqual([{ name, visible: true }]);
      }
      // data-case names are unique in the page (with its shadow roots and same-origin frames) and
      // in each cross-origin frame.
      for (const [scope, tagged] of await taggedByScope(page)) {
        const names = tagged.map((t) => t.name);
        const dupes = names.filter((n, i) => names.indexOf(n) !== i);
        expect(dupes, `${c.id}: duplicate data-case in ${scope}`).toEqual([]);
      }
      expect(errors, `${c.id}: ${c.page}`).toEqual([]);
    }
  });
}

// Behaviour the grounding and execution tests rely on.

test('shop: filters filter, sort sorts, and Add to cart bumps the badge', async ({ page, server }) => {
  const errors = watchErrors(page);
  await page.goto(server.url('/shop/index.html'));
  const cards = page.locator('#grid .card:visible');
  await expect(cards).toHaveCount(10);
  await page.getByRole('checkbox', { name: 'Green' }).check();
  await expect(cards).toHaveCount(1);
  await expect(page.locator('#result-count')).toHaveText('1 product');
  await expect(page.getByRole('link', { name: 'Blue Shirt' })).toBeHidden();
  await page.getByRole('checkbox', { name: 'Blue' }).check();
  await expect(cards).toHaveCount(4);
  await page.getByLabel('Size').selectOption('S');
  await expect(cards).toHaveCount(3);
  await page.getByLabel('Max price').fill('50');
  await expect(cards).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(cards).toHaveCount(10);
  await page.getByLabel('Sort by').selectOption({ label: 'Price: low to high' });
  await expect(cards.first().locator('.card__title')).toHaveText('White Socks (3-pack)');

  const badge = page.locator('#cart-count');
  await expect(badge).toHaveText('0');
  await page.locator('.card', { hasText: 'Blue Shirt' }).getByRole('button', { name: 'Add to cart' }).click();
  await expect(badge).toHaveText('1');
  await page.getByRole('button', { name: 'Add to cart' }).nth(2).click();
  await expect(badge).toHaveText('2');
  await expect(page.locator('#toast')).toHaveText('Added Red Shirt to your cart');
  await expect(page.getByRole('button', { name: 'Sold out' })).toBeDisabled();
  expect(errors).toEqual([]);
});

test('shop cart: quantities, remove and promo code update the totals', async ({ page, server }) => {
  await page.goto(server.url('/shop/cart.html'));
  await expect(page.locator('#subtotal')).toHaveText('$217.00');
  await page.locator('.line', { hasText: 'Red Sneakers' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('#subtotal')).toHaveText('$138.00');
  await page.locator('.line', { hasText: 'Blue Shirt' }).getByRole('button', { name: 'Increase quantity' }).click();
  await expect(page.locator('#subtotal')).toHaveText('$162.00');
  await page.getByPlaceholder('Promo code').fill('save10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#total')).toHaveText('$145.80');
});

test('login: an empty submit shows errors tied to the fields', async ({ page, server }) => {
  await page.goto(server.url('/account/login.html'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const email = page.getByLabel('Email address');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Enter your email address.');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription('Enter your password.');
  await expect(page.getByRole('alert')).toContainText('problem signing you in');
  await expect(email).toBeFocused();
  await email.fill('jo@example.com');
  await page.getByLabel('Password', { exact: true }).fill('long enough 1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Signed in.')).toBeVisible();
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
});

test('signup: errors appear inline on submit', async ({ page, server }) => {
  await page.goto(server.url('/account/signup.html'));
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(6);
  await expect(page.getByPlaceholder('Confirm password')).toHaveAccessibleDescription('Passwords do not match.');
  await page.getByLabel('Full name').fill('Jo Park');
  await page.getByLabel('Work email').fill('jo@park.dev');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('s3cretpass');
  await page.getByPlaceholder('Confirm password').fill('s3cretpass');
  await page.getByLabel('Country / region').selectOption('Canada');
  await page.getByRole('checkbox', { name: /I agree/ }).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText('Account created');
});

test('search: suggestions appear as you type; arrows and Enter pick one', async ({ page, server }) => {
  await page.goto(server.url('/search/index.html'));
  const box = page.getByRole('combobox', { name: 'Destination' });
  const list = page.getByRole('listbox');
  await expect(list).toBeHidden();
  await box.pressSequentially('lon');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('option')).toHaveText([/Barcelona/, /London/]);
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', 'opt-london');
  await box.press('Enter');
  await expect(box).toHaveValue('London');
  await expect(list).toBeHidden();
  await expect(page.getByRole('link', { name: 'Hotels in London' })).toBeVisible();
  await box.fill('par');
  await list.getByRole('option', { name: /Paris/ }).click();
  await expect(box).toHaveValue('Paris');
});

test('table: pagination, rows per page, filter and select all change the rows', async ({ page, server }) => {
  await page.goto(server.url('/table/index.html'));
  const rows = page.locator('#rows tr');
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText('Alice Chen');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(rows.first()).toContainText('Kemi Adeyemi');
  await expect(page.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Page 3' }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(rows.first()).toContainText('Kemi Adeyemi');
  await page.getByLabel('Rows per page').selectOption('25');
  await expect(rows).toHaveCount(23);
  await page.getByLabel('Rows per page').selectOption('10');
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await expect(page.getByRole('button', { name: 'Delete selected' })).toBeEnabled();
  await expect(page.locator('#selection-info')).toHaveText('10 selected');
  await page.getByPlaceholder('Filter by name or email').fill('grace');
  await expect(rows).toHaveCount(1);
});

test('settings: tabs switch panels; switches and accordions toggle', async ({ page, server }) => {
  await page.goto(server.url('/settings/index.html'));
  await expect(page.getByRole('tabpanel')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Notifications' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Notifications' })).toBeVisible();
  await expect(page.getByLabel('Display name')).toBeHidden();
  const email = page.getByRole('switch', { name: 'Email notifications' });
  await email.click();
  await expect(email).toHaveAttribute('aria-checked', 'false');
  await page.getByRole('checkbox', { name: /Product announcements/ }).check();
  const advanced = page.getByRole('button', { name: 'Advanced' });
  await advanced.click();
  await expect(advanced).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('radio', { name: 'Monthly' })).toBeVisible();
  await page.getByRole('tab', { name: 'Notifications' }).press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Privacy' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Privacy' }).getByRole('status')).toHaveText('Saved');
});

test('dialogs: the modal opens and closes, the alert dialog gates Delete, toasts come and go', async ({ page, server }) => {
  await page.goto(server.url('/dialogs/index.html'));
  await page.getByRole('button', { name: 'Edit details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit project details' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Project name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await dialog.getByLabel('Project name').fill('Atlas 2');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atlas 2');
  await expect(page.getByRole('status')).toContainText('Project details saved');
  await page.getByRole('button', { name: 'Dismiss notification' }).click();
  await expect(page.getByRole('status')).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete project' }).click();
  const alert = page.getByRole('alertdialog');
  await expect(alert.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await alert.getByRole('button', { name: 'Cancel' }).click();
  await expect(alert).toBeHidden();
});

test('menus: menubar, nested submenu, avatar menu and hover navigation open', async ({ page, server }) => {
  await page.goto(server.url('/menus/index.html'));
  await expect(page.getByRole('menuitem', { name: 'Save' })).toBeHidden();
  await page.getByRole('menuitem', { name: 'View' }).click();
  await page.getByRole('menuitem', { name: 'Zoom', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Zoom', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('menuitem', { name: /Zoom in/ }).click();
  await expect(page.locator('#zoom-level')).toHaveText('110%');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'File' }).press('Enter');
  await expect(page.getByRole('menuitem', { name: /^New/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /Account menu/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('link', { name: /Products/ }).hover();
  await expect(page.getByRole('link', { name: /Analytics/ })).toBeVisible();
});

test('date picker: the calendar opens, moves between months and fills the field', async ({ page, server }) => {
  await page.goto(server.url('/datepicker/index.html'));
  await page.getByRole('button', { name: 'Choose check-in date' }).click();
  const calendar = page.getByRole('dialog');
  await expect(calendar.getByRole('heading')).toHaveText('December 2026');
  await calendar.getByRole('button', { name: 'Monday, 14 December 2026' }).click();
  await expect(page.getByLabel('Check-in date', { exact: true })).toHaveValue('14/12/2026');
  await expect(calendar).toBeHidden();
  await page.getByRole('button', { name: 'Choose check-in date' }).click();
  await calendar.getByRole('button', { name: 'Next month' }).click();
  await expect(calendar.getByRole('heading')).toHaveText('January 2027');
  await calendar.getByRole('button', { name: 'Tuesday, 5 January 2027' }).click();
  await expect(page.getByLabel('Check-in date', { exact: true })).toHaveValue('05/01/2027');
  await page.getByLabel('Check-out date').fill('2027-01-09');
  await page.getByLabel('Estimated arrival time').fill('15:30');
  await page.getByRole('button', { name: 'Check availability' }).click();
  await expect(page.getByRole('status')).toHaveText('Checking rooms from 05/01/2027 to 2027-01-09, arriving 15:30…');
});

test('react and vue: controlled forms render what was submitted', async ({ page, server }) => {
  const errors = watchErrors(page);
  await page.goto(server.url('/react/index.html'));
  await page.getByLabel('Your name').fill('Ana');
  await page.getByLabel('Topic').selectOption({ label: 'Returns' });
  await page.getByLabel('Message').fill('Wrong size');
  await page.getByRole('checkbox', { name: 'Email me product updates' }).check();
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.locator('[data-out="name"]')).toHaveText('Ana');
  await expect(page.locator('[data-out="topic"]')).toHaveText('returns');
  await expect(page.locator('[data-out="message"]')).toHaveText('Wrong size');
  await expect(page.locator('[data-out="subscribe"]')).toHaveText('yes');
  await expect(page.getByText('270 characters left')).toBeVisible();

  await page.goto(server.url('/vue/index.html'));
  await page.getByLabel('Full name').fill('Ines');
  await page.getByLabel('Party size').selectOption({ label: '4 people' });
  await page.getByRole('checkbox', { name: 'Outdoor seating' }).check();
  await expect(page.getByText('Table for 4, outside')).toBeVisible();
  await page.getByRole('button', { name: 'Book now' }).click();
  await expect(page.locator('[data-out="guest"]')).toHaveText('Ines');
  await expect(page.locator('[data-out="party"]')).toHaveText('4');
  await expect(page.locator('[data-out="outdoor"]')).toHaveText('yes');
  expect(errors).toEqual([]);
});

test('components: controls inside nested open shadow roots work', async ({ page, server }) => {
  await page.goto(server.url('/components/index.html'));
  const depth = await page.evaluate(() => {
    const card = document.querySelector('product-card');
    const stars = card?.shadowRoot?.querySelector('rating-stars');
    return stars?.shadowRoot?.querySelectorAll('[role="radio"]').length ?? 0;
  });
  expect(depth).toBe(5);
  await page.locator('product-card[slug="trail-runner"]').getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('button', { name: 'Checkout (1)' })).toBeVisible();
  const stars = page.getByRole('radiogroup', { name: 'Summit Jacket rating' });
  await stars.getByRole('radio', { name: '2 stars' }).click();
  await expect(stars.getByRole('radio', { name: '2 stars' })).toHaveAttribute('aria-checked', 'true');
  const dark = page.getByRole('switch', { name: 'Dark mode' });
  await dark.click();
  await expect(dark).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('body')).toHaveClass(/dark/);
  await page.getByRole('textbox', { name: 'Email for trail notes' }).fill('a@b.co');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByText('Subscribed!')).toBeVisible();
});

test('frames: the same-origin newsletter and the cross-origin payment form work', async ({ page, server }) => {
  await page.goto(server.url('/frames/index.html'));
  const payment = page.frameLocator('#payment-frame');
  const newsletter = page.frameLocator('#newsletter-frame');
  const cross = page.frames().find((frame: Frame) => frame.url().endsWith('/frames/payment.html'));
  expect(cross && new URL(cross.url()).origin).toBe(server.otherOrigin);
  await newsletter.getByRole('textbox', { name: 'Newsletter email' }).fill('ada@example.com');
  await newsletter.getByRole('button', { name: 'Subscribe' }).click();
  await expect(newsletter.getByRole('status')).toHaveText('You are on the list (monthly).');
  await payment.getByLabel('Card number').pressSequentially('4242424242424242');
  await expect(payment.getByLabel('Card number')).toHaveValue('4242 4242 4242 4242');
  await payment.getByLabel('Expiry').pressSequentially('1229');
  await payment.getByLabel('CVC').fill('123');
  await payment.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.locator('#pay-status')).toHaveText('Payment approved. Thank you!');
});

test('feed: 20 more posts load when scrolled near the bottom', async ({ page, server }) => {
  await page.goto(server.url('/feed/index.html'));
  const posts = page.locator('#feed article');
  await expect(posts).toHaveCount(20);
  await page.mouse.move(640, 300);
  await page.mouse.wheel(0, 100_000);
  await expect(posts).toHaveCount(40);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(posts).toHaveCount(60);
  await expect(posts.nth(22)).toContainText('Jamal Wright');
  const like = posts.nth(2).getByRole('button', { name: /Like/ });
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
});

test('cookies: the banner covers the Subscribe button until it is accepted', async ({ page, server }) => {
  await page.goto(server.url('/cookies/index.html'));
  const subscribe = page.getByRole('button', { name: 'Subscribe' });
  const hitsSubscribe = () =>
    subscribe.evaluate((button) => {
      const box = button.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit === button;
    });
  await expect(page.getByRole('dialog', { name: 'We value your privacy' })).toBeVisible();
  expect(await hitsSubscribe()).toBe(false);
  await page.getByRole('button', { name: 'Customize' }).click();
  await expect(page.getByRole('checkbox', { name: /Strictly necessary/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(await hitsSubscribe()).toBe(true);
  await page.getByRole('textbox', { name: 'Email address' }).fill('reader@example.com');
  await subscribe.click();
  await expect(page.getByText('Thanks! Check your inbox')).toBeVisible();
});
